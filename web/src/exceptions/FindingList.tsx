import { useEffect, useRef, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { errorMessage } from '../api/errors';
import { Time } from '../app/Time';
import type { FindingFilterInput, FindingOrder } from '../gql/graphql';
import { withParams } from './finding-filter';
import { ageText, countText, findingsText, moneyText, quantitiesText } from './finding-format';
import { typeLabel } from './finding-vocabulary';
import { FindingActions, type ActionScope } from './FindingActions';
import { holdsAny } from '../auth/permissions';
import { usePerson } from '../auth/session-context';
import { ReplayButton } from '../replay/ReplayDialog';
import { SeverityBadge, StatusBadge } from './FindingBadges';
import { FINDINGS_PAGE_SIZE, useFindings, type Finding } from './useFindings';
import { Pager } from '../app/Pager';

/** A checkbox that can show "some selected". */
function PageCheckbox({
  checked,
  mixed,
  onChange,
  label,
}: {
  checked: boolean;
  mixed: boolean;
  onChange: () => void;
  label: string;
}) {
  const ref = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (ref.current) ref.current.indeterminate = mixed;
  }, [mixed]);
  return <input ref={ref} type="checkbox" checked={checked} onChange={onChange} aria-label={label} />;
}

interface BulkBarProps {
  filter: FindingFilterInput;
  selected: readonly string[];
  total: number;
  /** When `total` was counted: an action on the filter leaves findings found since alone. */
  readAt: string;
  scope: 'selected' | 'filter';
  onScope: (scope: 'selected' | 'filter') => void;
  onDone: (message: string) => void;
}

/** The triage actions on the selection, or on everything matching the filter. */
function BulkBar({ filter, selected, total, readAt, scope, onScope, onDone }: BulkBarProps) {
  const canReplay = holdsAny(usePerson().permissions, ['replay:run']);
  const action: ActionScope =
    scope === 'filter'
      ? {
          target: { filter: { ...filter, firstSeenUntil: readAt } },
          count: total,
          what: `${findingsText(total)} matching this filter`,
        }
      : {
          target: { ids: [...selected] },
          count: selected.length,
          what: selected.length === 1 ? 'the selected finding' : `${countText(selected.length)} selected findings`,
        };
  return (
    <div className="bulk" role="region" aria-label="Act on findings">
      <fieldset className="bulk__scope">
        <legend className="visually-hidden">Act on</legend>
        <label>
          <input
            type="radio"
            name="bulk-scope"
            checked={scope === 'selected'}
            disabled={selected.length === 0}
            onChange={() => onScope('selected')}
          />{' '}
          {selected.length === 1 ? 'The selected finding' : `The ${countText(selected.length)} selected`}
        </label>
        <label>
          <input type="radio" name="bulk-scope" checked={scope === 'filter'} onChange={() => onScope('filter')} /> All{' '}
          {countText(total)} matching the filter
        </label>
      </fieldset>
      <FindingActions scope={action} onDone={onDone} />
      {canReplay && (
        <ReplayButton
          source={scope === 'filter' ? { filter } : { findingIds: [...selected] }}
          what={action.what}
          count={action.count}
          onDone={onDone}
        />
      )}
      {scope === 'selected' && selected.length === 0 && (
        <p className="muted bulk__hint">Tick findings, or choose all matching the filter.</p>
      )}
    </div>
  );
}

interface FindingRowProps {
  finding: Finding;
  canTriage: boolean;
  selected: boolean;
  open: boolean;
  onToggle: () => void;
}

function FindingRow({ finding: f, canTriage, selected, open, onToggle }: FindingRowProps) {
  const [params] = useSearchParams();
  // "device 40 EA · ERP 42 EA", breaking between the two sides when the column is narrow.
  const [device, erp] = quantitiesText(f.deviceQuantity, f.erpQuantity, f.unit).split(' · ');
  return (
    <tr className={open ? 'row--open' : undefined} aria-current={open ? 'true' : undefined} data-finding-id={f.id}>
      {canTriage && (
        <td>
          <input type="checkbox" checked={selected} onChange={onToggle} aria-label={`Select ${typeLabel(f.type)} ${f.id}`} />
        </td>
      )}
      <td>
        <Link to={{ search: withParams(params, { finding: f.id }).toString() }} className="finding-link">
          {typeLabel(f.type)}
          <span className="visually-hidden"> {f.id}</span>
        </Link>
        <span className="finding-details">{f.details}</span>
      </td>
      <td className="nowrap">
        <SeverityBadge severity={f.severity} />
      </td>
      <td>
        {f.plant} / {f.line || '–'}
        <span className="finding-details">{f.flow || 'no flow'}</span>
      </td>
      <td>
        {f.orderId || '–'}
        {f.material && <span className="finding-details">{f.material}</span>}
      </td>
      <td>
        {erp ? (
          <>
            <span className="nowrap">{device}</span> · <span className="nowrap">{erp}</span>
          </>
        ) : (
          '–'
        )}
      </td>
      <td className="nowrap num">{moneyText(f.valueAtRisk, f.currency)}</td>
      <td className="nowrap">
        <Time iso={f.firstSeenAt}>{ageText(f.ageSeconds)}</Time>
      </td>
      <td>
        <StatusBadge status={f.status} />
      </td>
      <td>{f.assignee ?? '–'}</td>
    </tr>
  );
}

interface FindingListProps {
  filter: FindingFilterInput;
  orderBy: FindingOrder;
  descending: boolean;
  after: string | null;
  openId: string | null;
  canTriage: boolean;
}

/** The queue: one page at a time (the server sorts, filters and counts), with selection and bulk actions. */
export function FindingList({ filter, orderBy, descending, after, openId, canTriage }: FindingListProps) {
  const [, setParams] = useSearchParams();
  const [{ data, error, fetching }] = useFindings(filter, orderBy, descending, after);
  const page = data?.findings;

  // The selection and the bulk scope belong to one filter; another filter starts with none.
  const filterKey = JSON.stringify(filter);
  const [picked, setPicked] = useState<{ key: string; ids: string[]; scope: 'selected' | 'filter' }>({
    key: filterKey,
    ids: [],
    scope: 'selected',
  });
  const current = picked.key === filterKey ? picked : { key: filterKey, ids: [], scope: 'selected' as const };
  const setIds = (ids: string[]) => setPicked({ key: filterKey, ids, scope: 'selected' });
  // What the last action did, until the filter changes (the rows it changed may have left the list).
  const [done, setDone] = useState<{ key: string; text: string } | null>(null);

  const onPage = page?.nodes.map((f) => f.id) ?? [];
  const pickedOnPage = onPage.filter((id) => current.ids.includes(id));
  const allOnPage = onPage.length > 0 && pickedOnPage.length === onPage.length;

  const toggle = (id: string) => setIds(current.ids.includes(id) ? current.ids.filter((x) => x !== id) : [...current.ids, id]);
  const togglePage = () =>
    setIds(allOnPage ? current.ids.filter((id) => !onPage.includes(id)) : [...new Set([...current.ids, ...onPage])]);
  const goTo = (cursor: string | null) => setParams((p) => withParams(p, { after: cursor }));

  if (error) {
    return (
      <p className="page__error" role="alert">
        Could not load findings: {errorMessage(error)}
      </p>
    );
  }
  if (!page) return <p role="status">Loading findings…</p>;

  return (
    <div className="finding-list">
      <p className="muted" role="status" data-testid="findings-count">
        {findingsText(page.totalCount)} match{page.totalCount === 1 ? 'es' : ''}
        {after ? ` (a later page, ${FINDINGS_PAGE_SIZE} per page)` : ''}
        {fetching ? ' · refreshing…' : ''}
      </p>
      {canTriage && page.totalCount > 0 && (
        <BulkBar
          filter={filter}
          selected={current.ids}
          total={page.totalCount}
          readAt={page.readAt}
          scope={current.scope}
          onScope={(scope) => setPicked({ ...current, scope })}
          onDone={(text) => {
            setPicked({ key: filterKey, ids: [], scope: 'selected' });
            setDone({ key: filterKey, text });
          }}
        />
      )}
      {done?.key === filterKey && (
        <p className="form__ok" role="status" data-testid="bulk-result">
          {done.text}
        </p>
      )}
      {canTriage && allOnPage && page.totalCount > onPage.length && current.scope === 'selected' && (
        <p className="bulk__all">
          All {countText(onPage.length)} on this page are selected.{' '}
          <button type="button" className="button button--small" onClick={() => setPicked({ ...current, scope: 'filter' })}>
            Select all {countText(page.totalCount)} matching the filter
          </button>
        </p>
      )}
      {page.nodes.length === 0 ? (
        <p className="page__empty">No findings match.</p>
      ) : (
        <div className="table-scroll">
          <table className="table" data-testid="findings-table">
            <thead>
              <tr>
                {canTriage && (
                  <th scope="col">
                    <PageCheckbox
                      checked={allOnPage}
                      mixed={pickedOnPage.length > 0 && !allOnPage}
                      onChange={togglePage}
                      label="Select all on this page"
                    />
                  </th>
                )}
                <th scope="col">Finding</th>
                <th scope="col">Severity</th>
                <th scope="col">Plant / line</th>
                <th scope="col">Order</th>
                <th scope="col">Quantities</th>
                <th scope="col">Value at risk</th>
                <th scope="col">Age</th>
                <th scope="col">Status</th>
                <th scope="col">Assignee</th>
              </tr>
            </thead>
            <tbody>
              {page.nodes.map((f) => (
                <FindingRow
                  key={f.id}
                  finding={f}
                  canTriage={canTriage}
                  selected={current.ids.includes(f.id)}
                  open={f.id === openId}
                  onToggle={() => toggle(f.id)}
                />
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pager after={after} pageInfo={page.pageInfo} goTo={goTo} />
    </div>
  );
}
