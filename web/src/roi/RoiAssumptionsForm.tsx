import { useState, type FormEvent } from 'react';
import { fromLocalInput, toLocalInput } from '../app/local-time';
import { FormActions, FormError, formErrors, SelectField, TextField } from '../app/form';
import type { MeasuredBaselineInput } from '../gql/graphql';
import { useSaveRoiAssumptions, type RoiAssumptionsData } from './useRoi';

const MEASURED: { key: keyof MeasuredBaselineInput; label: string; hint: string }[] = [
  { key: 'noTouchShare', label: 'Share of postings with no manual touch', hint: '0 to 1, e.g. 0.8' },
  { key: 'autoResolvedShare', label: 'Share of discrepancies resolved without a person', hint: '0 to 1' },
  { key: 'meanHoursToResolve', label: 'Mean hours to resolve a discrepancy', hint: 'hours' },
  { key: 'manualHoursPer30Days', label: 'Manual reconciliation hours per 30 days', hint: 'hours' },
  { key: 'inventoryAccuracy', label: 'Inventory accuracy', hint: '0 to 1' },
  { key: 'maintenanceResponseHours', label: 'Maintenance response time', hint: 'hours' },
  { key: 'incidentsPer30Days', label: 'Integration incidents per 30 days', hint: 'count' },
  { key: 'latencyP95Seconds', label: 'Event-to-ERP latency p95', hint: 'seconds' },
];
const FIELDS = [
  'minutesPerManualReconciliation',
  'secondsPerPostingCheck',
  'hourlyCost',
  'baselineMode',
  'baselineFrom',
  'baselineTo',
  ...MEASURED.map((m) => `measured.${m.key}`),
];

const text = (v: number | null | undefined) => (v === null || v === undefined ? '' : String(v));
const num = (v: string) => (v.trim() === '' ? null : Number(v));

/** The admin's editor of what the figures assume; the server checks every field and says which one is wrong. */
export function RoiAssumptionsForm({ current, onSaved }: { current: RoiAssumptionsData; onSaved: () => void }) {
  const [minutes, setMinutes] = useState(text(current.minutesPerManualReconciliation));
  const [seconds, setSeconds] = useState(text(current.secondsPerPostingCheck));
  const [cost, setCost] = useState(text(current.hourlyCost));
  const [mode, setMode] = useState(current.baselineMode as 'none' | 'period' | 'measured');
  const [from, setFrom] = useState(toLocalInput(current.baselineFrom));
  const [to, setTo] = useState(toLocalInput(current.baselineTo));
  const [measured, setMeasured] = useState<Record<string, string>>(
    Object.fromEntries(MEASURED.map((m) => [m.key, text(current.measured[m.key])])),
  );
  const [saved, setSaved] = useState(false);
  const { save, saving, error } = useSaveRoiAssumptions();
  const errors = formErrors(error, FIELDS);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setSaved(false);
    const r = await save({
      minutesPerManualReconciliation: Number(minutes),
      secondsPerPostingCheck: Number(seconds),
      hourlyCost: Number(cost),
      baselineMode: mode,
      baselineFrom: mode === 'period' ? (fromLocalInput(from) ?? from) : null,
      baselineTo: mode === 'period' ? (fromLocalInput(to) ?? to) : null,
      measured: Object.fromEntries(MEASURED.map((m) => [m.key, num(measured[m.key] ?? '')])),
    });
    if (!r.error) {
      setSaved(true);
      onSaved();
    }
  };

  return (
    <form className="form roi-assumptions" aria-label="ROI assumptions" onSubmit={(e) => void submit(e)}>
      <h2 className="form__title">Assumptions and baseline</h2>
      <FormError>{errors.general}</FormError>
      <div className="form__grid">
        <TextField
          label="Minutes per manual reconciliation"
          name="minutesPerManualReconciliation"
          type="number"
          value={minutes}
          onChange={setMinutes}
          error={errors.of('minutesPerManualReconciliation')}
          hint="Finding and fixing one discrepancy by hand"
        />
        <TextField
          label="Seconds to check one posting by hand"
          name="secondsPerPostingCheck"
          type="number"
          value={seconds}
          onChange={setSeconds}
          error={errors.of('secondsPerPostingCheck')}
        />
        <TextField
          label={`Hourly cost (${current.currency})`}
          name="hourlyCost"
          type="number"
          value={cost}
          onChange={setCost}
          error={errors.of('hourlyCost')}
        />
        <SelectField
          label="Baseline"
          name="baselineMode"
          value={mode}
          onChange={setMode}
          error={errors.of('baselineMode')}
          options={[
            { value: 'none', label: 'None' },
            { value: 'period', label: 'A past period of data' },
            { value: 'measured', label: 'Figures measured before Syncline' },
          ]}
        />
      </div>
      {mode === 'period' && (
        <div className="form__grid">
          <TextField
            label="Baseline from"
            name="baselineFrom"
            type="datetime-local"
            value={from}
            onChange={setFrom}
            error={errors.of('baselineFrom')}
          />
          <TextField
            label="Baseline to"
            name="baselineTo"
            type="datetime-local"
            value={to}
            onChange={setTo}
            error={errors.of('baselineTo')}
          />
        </div>
      )}
      {mode === 'measured' && (
        <div className="form__grid">
          {MEASURED.map((m) => (
            <TextField
              key={m.key}
              label={m.label}
              name={`measured.${m.key}`}
              type="number"
              value={measured[m.key] ?? ''}
              onChange={(v) => setMeasured((c) => ({ ...c, [m.key]: v }))}
              error={errors.of(`measured.${m.key}`)}
              hint={m.hint}
            />
          ))}
        </div>
      )}
      <FormActions
        label={saving ? 'Saving…' : 'Save assumptions'}
        busy={saving}
        done={saved ? 'Saved; the figures above use them now.' : ''}
      />
    </form>
  );
}
