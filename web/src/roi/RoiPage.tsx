import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { errorMessage } from '../api/errors';
import { ListFilter, PeriodPicker } from '../app/PeriodPicker';
import { Time } from '../app/Time';
import { holdsAny } from '../auth/permissions';
import { usePerson } from '../auth/session-context';
import { RoiAssumptionsForm } from './RoiAssumptionsForm';
import {
  againstBaseline,
  ASSUMPTION_LABELS,
  CUSTOM,
  exportLink,
  formatValue,
  paramsOf,
  PERIODS,
  periodOf,
  stateFromParams,
  type RoiState,
} from './roi-url';
import { useRoiReport, type RoiFigureData, type RoiReport } from './useRoi';
import './roi.css';

function PeriodControls({ state, onChange }: { state: RoiState; onChange: (s: RoiState) => void }) {
  return (
    <div className="roi__controls no-print">
      <PeriodPicker
        label="Period"
        presets={PERIODS}
        value={state.period}
        from={state.from}
        to={state.to}
        onPreset={(period) => onChange({ ...state, period, from: null, to: null })}
        onCustom={(r) => onChange({ ...state, period: CUSTOM, ...r })}
      />
      <ListFilter
        label="Plants"
        value={state.plants}
        placeholder="e.g. P1, P2"
        onChange={(plants) => onChange({ ...state, plants })}
      />
      <ListFilter
        label="Flows"
        value={state.flows}
        placeholder="e.g. goods_receipt"
        onChange={(flows) => onChange({ ...state, flows })}
      />
    </div>
  );
}

function FigureCard({ figure, assumptions }: { figure: RoiFigureData; assumptions: RoiReport['assumptions'] }) {
  const vs = againstBaseline(figure.value ?? null, figure.baseline ?? null, figure.higherIsBetter, figure.unit);
  const tone = vs.includes('(better)') ? 'better' : vs.includes('(worse)') ? 'worse' : 'same';
  return (
    <article className="roi-figure" aria-label={figure.label} data-key={figure.key}>
      <h3 className="roi-figure__label">{figure.label}</h3>
      <strong className="roi-figure__value" data-value={figure.value ?? ''}>
        {formatValue(figure.value, figure.unit)}
      </strong>
      <span className={`roi-figure__baseline roi-figure__baseline--${tone}`}>{vs}</span>
      {figure.breakdown.length > 0 && (
        <ul className="roi-figure__breakdown">
          {figure.breakdown.map((b) => (
            <li key={b.label}>
              {b.label}: <strong>{formatValue(b.value, b.unit)}</strong>
            </li>
          ))}
        </ul>
      )}
      <p className="roi-figure__how">{figure.howComputed}</p>
      {figure.assumptions.length > 0 && (
        <p className="roi-figure__assumes">
          Assumes:{' '}
          {figure.assumptions
            .map((k) => {
              const a = ASSUMPTION_LABELS[k];
              const v = (assumptions as Record<string, unknown>)[k];
              return `${a?.label ?? k} = ${String(v)}${k === 'hourlyCost' ? ` ${assumptions.currency}` : a?.unit ? ` ${a.unit}` : ''}`;
            })
            .join('; ')}
        </p>
      )}
    </article>
  );
}

function LatencyTrend({ points }: { points: RoiReport['latencyTrend'] }) {
  if (points.length === 0) return <p className="page__empty">No messages in this period to chart.</p>;
  const data = points.map((p) => ({ ms: Date.parse(p.t), p50: p.p50, p95: p.p95 }));
  const daily = data.length > 1 && data[1].ms - data[0].ms >= 86_400_000;
  const fmt = new Intl.DateTimeFormat(
    undefined,
    daily ? { month: 'short', day: 'numeric' } : { month: 'short', day: 'numeric', hour: '2-digit' },
  );
  return (
    <div className="chart" aria-label="Event-to-ERP latency trend">
      <ResponsiveContainer width="100%" height={220}>
        <LineChart data={data}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis
            dataKey="ms"
            type="number"
            scale="time"
            domain={['dataMin', 'dataMax']}
            tickFormatter={(v: number) => fmt.format(new Date(v))}
            fontSize={11}
          />
          <YAxis tickFormatter={(v: number) => formatValue(v, 'seconds')} fontSize={11} width={64} />
          <Tooltip
            labelFormatter={(v) => new Date(Number(v)).toLocaleString()}
            formatter={(v) => formatValue(Number(v), 'seconds')}
          />
          <Line dataKey="p50" name="p50" stroke="#60a5fa" dot={false} isAnimationActive={false} connectNulls />
          <Line dataKey="p95" name="p95" stroke="#d97706" strokeWidth={2} dot={false} isAnimationActive={false} connectNulls />
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}

function ByPlantFlow({ rows, currency }: { rows: RoiReport['byPlantFlow']; currency: string }) {
  if (rows.length === 0) return <p className="page__empty">No postings or findings in this period.</p>;
  return (
    <table className="table" data-testid="roi-by-plant-flow">
      <thead>
        <tr>
          <th scope="col">Plant</th>
          <th scope="col">Flow</th>
          <th scope="col">Postings</th>
          <th scope="col">No manual touch</th>
          <th scope="col">Resolved automatically</th>
          <th scope="col">Resolved by hand</th>
          <th scope="col">Value at risk, open</th>
          <th scope="col">Value recovered</th>
          <th scope="col">Hours avoided</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={`${r.plant}/${r.flow}`}>
            <th scope="row">{r.plant}</th>
            <td>{r.flow}</td>
            <td>{r.postings.toLocaleString()}</td>
            <td>{formatValue(r.noTouchShare, 'share')}</td>
            <td>{r.resolvedAuto.toLocaleString()}</td>
            <td>{r.resolvedManual.toLocaleString()}</td>
            <td>{formatValue(r.valueAtRiskOpen, currency)}</td>
            <td>{formatValue(r.valueRecovered, currency)}</td>
            <td>{formatValue(r.hoursAvoided, 'hours')}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The executive's home: what the integration is worth over a period, against a baseline, with its assumptions in view. */
export function RoiPage() {
  const [params, setParams] = useSearchParams();
  const state = stateFromParams(params);
  const [now] = useState(() => new Date());
  const range = periodOf(state, now);
  const filter = {
    ...(state.plants.length ? { plants: state.plants } : {}),
    ...(state.flows.length ? { flows: state.flows } : {}),
  };
  const { report, error, reload } = useRoiReport(range, filter);
  const { permissions } = usePerson();
  const canEdit = holdsAny(permissions, ['rules:manage']);
  const [editing, setEditing] = useState(false);
  return (
    <section className="page roi">
      <h1 className="page__title">ROI</h1>
      <p className="page__lead">
        What the integration is worth from <Time iso={range.from} /> to <Time iso={range.to} />
        {state.plants.length ? ` for ${state.plants.join(', ')}` : ''}
        {state.flows.length ? `, flows ${state.flows.join(', ')}` : ''}.
        {report && report.assumptions.baselineMode !== 'none' && (
          <>
            {' '}
            Baseline:{' '}
            {report.assumptions.baselineMode === 'period' && report.baselineFrom && report.baselineTo ? (
              <>
                <Time iso={report.baselineFrom} /> to <Time iso={report.baselineTo} />
              </>
            ) : (
              'figures measured before Syncline'
            )}
            .
          </>
        )}
      </p>
      <PeriodControls key={params.toString()} state={state} onChange={(s) => setParams(paramsOf(s))} />
      <div className="roi__actions no-print">
        <a className="button" href={exportLink(range, state)} download>
          Export CSV
        </a>
        <button className="button" type="button" onClick={() => window.print()}>
          Print for the monthly review
        </button>
        {canEdit && (
          <button className="button" type="button" aria-expanded={editing} onClick={() => setEditing((e) => !e)}>
            {editing ? 'Close assumptions' : 'Edit assumptions'}
          </button>
        )}
      </div>
      {error && (
        <p className="page__error" role="alert">
          Could not load: {errorMessage(error)}
        </p>
      )}
      {!report && !error && <p role="status">Loading…</p>}
      {report && (
        <>
          {editing && canEdit && (
            <RoiAssumptionsForm key={report.assumptions.updatedAt ?? 'defaults'} current={report.assumptions} onSaved={reload} />
          )}
          <div className="roi-figures" data-testid="roi-figures">
            {report.figures.map((f) => (
              <FigureCard key={f.key} figure={f} assumptions={report.assumptions} />
            ))}
          </div>
          <h2 className="section__title">Event-to-ERP latency trend</h2>
          <LatencyTrend points={report.latencyTrend} />
          <h2 className="section__title">By plant and flow</h2>
          <ByPlantFlow rows={report.byPlantFlow} currency={report.currency} />
          <p className="muted roi__assumptions-line">
            Assumptions: {report.assumptions.minutesPerManualReconciliation} min per manual reconciliation,{' '}
            {report.assumptions.secondsPerPostingCheck} s to check a posting by hand,{' '}
            {formatValue(report.assumptions.hourlyCost, report.currency)} per hour
            {report.assumptions.updatedBy && report.assumptions.updatedAt && (
              <>
                {' '}
                (set by {report.assumptions.updatedBy}, <Time iso={report.assumptions.updatedAt} />)
              </>
            )}
            .
          </p>
        </>
      )}
    </section>
  );
}
