import type { FormEvent } from 'react';
import { fromLocalInput, toLocalInput } from '../app/local-time';
import type { FindingFilterInput } from '../gql/graphql';
import { listText, parseList } from './finding-filter';
import { FINDING_STATUSES, FINDING_TYPES, SEVERITIES, severityLabel, statusLabel, typeLabel } from './finding-vocabulary';

interface ChecksProps {
  legend: string;
  name: string;
  options: readonly string[];
  label: (value: string) => string;
  /** Ticked; undefined = any, shown as every box ticked. */
  checked: readonly string[] | null | undefined;
}

function Checks({ legend, name, options, label, checked }: ChecksProps) {
  return (
    <fieldset className="checks">
      <legend className="field__label">{legend}</legend>
      {options.map((value) => (
        <label key={value} className="checks__item">
          <input type="checkbox" name={name} value={value} defaultChecked={!checked?.length || checked.includes(value)} />
          {label(value)}
        </label>
      ))}
    </fieldset>
  );
}

function TextInput({
  id,
  label,
  name,
  value,
  placeholder,
}: {
  id: string;
  label: string;
  name: string;
  value: string;
  placeholder?: string;
}) {
  return (
    <div className="field">
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      <input id={id} name={name} defaultValue={value} placeholder={placeholder} autoComplete="off" />
    </div>
  );
}

/** Every box or none ticked: no narrowing by that field. */
function ticked(form: FormData, name: string, all: readonly string[]): string[] | undefined {
  const values = form.getAll(name).filter((v): v is string => typeof v === 'string');
  return values.length === 0 || values.length === all.length ? undefined : values;
}

interface FindingFiltersProps {
  filter: FindingFilterInput;
  onApply: (filter: FindingFilterInput) => void;
  onClear: () => void;
}

/** The queue's filter; applying it writes the URL, and the form shows whatever the URL holds. */
export function FindingFilters({ filter, onApply, onClear }: FindingFiltersProps) {
  const apply = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const text = (name: string) => {
      const value = form.get(name);
      return typeof value === 'string' ? value.trim() : '';
    };
    const list = (name: string) => {
      const values = parseList(text(name));
      return values.length ? values : undefined;
    };
    onApply({
      types: ticked(form, 'types', FINDING_TYPES),
      statuses: ticked(form, 'statuses', FINDING_STATUSES),
      severities: ticked(form, 'severities', SEVERITIES),
      plants: list('plants'),
      lines: list('lines'),
      flows: list('flows'),
      orderId: text('orderId') || undefined,
      material: text('material') || undefined,
      assignee: text('assignee') || undefined,
      from: fromLocalInput(text('from')),
      to: fromLocalInput(text('to')),
    });
  };

  return (
    // Keyed by the filter: Back, Forward, a tile and "Clear" show the filter the URL holds.
    <form key={JSON.stringify(filter)} className="card finding-filters" onSubmit={apply} aria-label="Filter findings">
      <Checks legend="Type" name="types" options={FINDING_TYPES} label={typeLabel} checked={filter.types} />
      <Checks legend="Status" name="statuses" options={FINDING_STATUSES} label={statusLabel} checked={filter.statuses} />
      <Checks legend="Severity" name="severities" options={SEVERITIES} label={severityLabel} checked={filter.severities} />
      <div className="filters">
        <TextInput id="findings-plants" label="Plants" name="plants" value={listText(filter.plants)} placeholder="P1, P2" />
        <TextInput id="findings-lines" label="Lines" name="lines" value={listText(filter.lines)} placeholder="L1, L2" />
        <TextInput
          id="findings-flows"
          label="Flows"
          name="flows"
          value={listText(filter.flows)}
          placeholder="production_confirmation"
        />
        <TextInput id="findings-order" label="Order" name="orderId" value={filter.orderId ?? ''} />
        <TextInput id="findings-material" label="Material" name="material" value={filter.material ?? ''} />
        <TextInput
          id="findings-assignee"
          label="Assignee"
          name="assignee"
          value={filter.assignee ?? ''}
          placeholder="username or team:name"
        />
        <div className="field">
          <label className="field__label" htmlFor="findings-from">
            Happened from (your time)
          </label>
          <input id="findings-from" name="from" type="datetime-local" defaultValue={toLocalInput(filter.from)} />
        </div>
        <div className="field">
          <label className="field__label" htmlFor="findings-to">
            Happened before (your time)
          </label>
          <input id="findings-to" name="to" type="datetime-local" defaultValue={toLocalInput(filter.to)} />
        </div>
        <div className="form__actions">
          <button type="submit" className="button button--primary">
            Apply filters
          </button>
          <button type="button" className="button" onClick={onClear}>
            Clear
          </button>
        </div>
      </div>
    </form>
  );
}
