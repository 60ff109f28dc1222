import { Link, useSearchParams } from 'react-router';
import { errorMessage } from '../api/errors';
import { ListFilter, PeriodPicker } from '../app/PeriodPicker';
import { Time } from '../app/Time';
import { LagCharts } from './LagCharts';
import {
  change,
  CUSTOM,
  duration,
  exceptionsLink,
  GROUPINGS,
  paramsOf,
  percent,
  RANGES,
  stateFromParams,
  type Better,
  type SyncLagState,
} from './sync-lag-url';
import { SYNC_LAG_REFRESH_MS, useSyncLagDashboard, type LagCellData, type SyncLagDashboard } from './useSyncLagDashboard';
import './sync-lag.css';

function Controls({ state, onChange }: { state: SyncLagState; onChange: (s: SyncLagState) => void }) {
  return (
    <div className="sync-lag__controls">
      <PeriodPicker
        label="Time range"
        presets={RANGES.map((r) => ({ param: r.param, label: `Last ${r.label}` }))}
        value={state.range}
        from={state.from}
        to={state.to}
        onPreset={(range) => onChange({ ...state, range, from: null, to: null })}
        onCustom={(r) => onChange({ ...state, range: CUSTOM, ...r })}
      />
      <ListFilter
        label="Plants"
        value={state.plants}
        placeholder="e.g. P1, P2"
        onChange={(plants) => onChange({ ...state, plants })}
      />
      <ListFilter label="Lines" value={state.lines} placeholder="e.g. L1" onChange={(lines) => onChange({ ...state, lines })} />
      <ListFilter
        label="Flows"
        value={state.flows}
        placeholder="e.g. goods_receipt"
        onChange={(flows) => onChange({ ...state, flows })}
      />
      <label className="field">
        <span className="field__label">Charts</span>
        <select value={state.group} onChange={(e) => onChange({ ...state, group: e.target.value as SyncLagState['group'] })}>
          {GROUPINGS.map((g) => (
            <option key={g.param} value={g.param}>
              {g.label}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}

type Period = SyncLagDashboard['syncLagKpis']['current'];

function Tile({
  label,
  value,
  current,
  previous,
  better,
  hint,
}: {
  label: string;
  value: string;
  current: number | null;
  previous: number | null;
  better: Better;
  hint?: string;
}) {
  const c = change(current, previous, better);
  return (
    <div className="kpi" role="group" aria-label={label}>
      <span className="kpi__label">{label}</span>
      <strong className="kpi__value">{value}</strong>
      <span className={`kpi__change kpi__change--${c.tone}`}>{c.text}</span>
      {hint && <span className="muted kpi__hint">{hint}</span>}
    </div>
  );
}

function Tiles({ current, previous }: { current: Period; previous: Period }) {
  return (
    <div className="kpis" data-testid="sync-lag-kpis">
      <Tile
        label="p95 device-to-ERP lag"
        value={duration(current.lagP95Seconds)}
        current={current.lagP95Seconds ?? null}
        previous={previous.lagP95Seconds ?? null}
        better="lower"
        hint={`p50 ${duration(current.lagP50Seconds)} · p99 ${duration(current.lagP99Seconds)}`}
      />
      <Tile
        label="Within SLA"
        value={percent(current.withinSlaShare)}
        current={current.withinSlaShare ?? null}
        previous={previous.withinSlaShare ?? null}
        better="higher"
        hint={`${current.posted.toLocaleString()} of ${current.messages.toLocaleString()} messages posted`}
      />
      <Tile
        label="Open missing postings"
        value={current.openMissingPostings.toLocaleString()}
        current={current.openMissingPostings}
        previous={previous.openMissingPostings}
        better="lower"
      />
      <Tile
        label="Silent lines"
        value={current.silentLines.toLocaleString()}
        current={current.silentLines}
        previous={previous.silentLines}
        better="lower"
      />
      <Tile
        label="Stalest line"
        value={
          current.stalestLineAgeSeconds === null || current.stalestLineAgeSeconds === undefined
            ? '–'
            : `${duration(current.stalestLineAgeSeconds)} ago`
        }
        current={current.stalestLineAgeSeconds ?? null}
        previous={previous.stalestLineAgeSeconds ?? null}
        better="lower"
        hint={current.stalestLineAt ? 'newest message of the quietest line' : 'no messages in range'}
      />
    </div>
  );
}

const STATE_TEXT: Record<LagCellData['state'], { symbol: string; word: string }> = {
  within: { symbol: '✓', word: 'within' },
  at_risk: { symbol: '⚠', word: 'at risk' },
  breached: { symbol: '✕', word: 'breached' },
  no_data: { symbol: '–', word: 'no data' },
};

function SlaGrid({ cells, range }: { cells: readonly LagCellData[]; range: { from: string; to: string } }) {
  const flows = [...new Set(cells.map((c) => c.flow))].sort();
  const lines = [...new Map(cells.map((c) => [`${c.plant}\u0000${c.line}`, { plant: c.plant, line: c.line }])).values()].sort(
    (a, b) => a.plant.localeCompare(b.plant) || a.line.localeCompare(b.line),
  );
  const at = new Map(cells.map((c) => [`${c.plant}\u0000${c.line}\u0000${c.flow}`, c]));
  return (
    <table className="table sla-grid" data-testid="sla-grid">
      <caption className="visually-hidden">SLA state per plant, line and flow</caption>
      <thead>
        <tr>
          <th scope="col">Plant</th>
          <th scope="col">Line</th>
          {flows.map((f) => (
            <th scope="col" key={f}>
              {f}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {lines.map(({ plant, line }) => (
          <tr key={`${plant}/${line}`}>
            <th scope="row">{plant}</th>
            <td>{line || '–'}</td>
            {flows.map((flow) => {
              const c = at.get(`${plant}\u0000${line}\u0000${flow}`);
              if (!c)
                return (
                  <td key={flow} className="sla-cell sla-cell--no_data">
                    –
                  </td>
                );
              const t = STATE_TEXT[c.state];
              return (
                <td key={flow} className={`sla-cell sla-cell--${c.state}`} data-state={c.state}>
                  <Link
                    to={exceptionsLink({ plant, line, flow, ...range })}
                    title={`${plant} ${line} ${flow}: ${t.word}; p95 ${duration(c.lagP95Seconds)} against an SLA of ${duration(c.slaSeconds)}; ${c.posted} of ${c.messages} posted. Open the exceptions.`}
                  >
                    <span aria-hidden="true">{t.symbol}</span> {t.word}
                    <span className="sla-cell__p95">p95 {duration(c.lagP95Seconds)}</span>
                  </Link>
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

const STAGE_LABEL: Record<string, string> = {
  'device>gateway': 'gateway buffering and transfer',
  'gateway>broker': 'gateway to broker',
  'broker>middleware': 'broker to middleware',
  'middleware>erp_api': 'middleware (mapping, lookups)',
  'erp_api>erp_posting': 'ERP API to posting',
};

function StageShares({ stages }: { stages: SyncLagDashboard['syncLagStages'] }) {
  if (stages.length === 0) return <p className="page__empty">No messages went through two stages in this range.</p>;
  return (
    <ol className="stage-shares" data-testid="stage-shares">
      {stages.map((s) => (
        <li key={`${s.fromStage}>${s.toStage}`} className="stage-share">
          <span className="stage-share__name">
            {s.fromStage} → {s.toStage}
            <span className="muted"> {STAGE_LABEL[`${s.fromStage}>${s.toStage}`] ?? ''}</span>
          </span>
          <span className="stage-share__bar" aria-hidden="true">
            <span style={{ width: `${Math.max(0.5, s.share * 100)}%` }} />
          </span>
          <span className="stage-share__value">
            {percent(s.share)} <span className="muted">· mean {duration(s.meanSeconds)}</span>
          </span>
        </li>
      ))}
    </ol>
  );
}

export function SyncLagPage() {
  const [params, setParams] = useSearchParams();
  const state = stateFromParams(params);
  const { data, error, fetching, range, refresh } = useSyncLagDashboard(state);
  const update = (next: SyncLagState) => setParams(paramsOf(next));
  const empty = data && data.syncLagKpis.current.messages === 0;
  return (
    <section className="page sync-lag">
      <h1 className="page__title">Sync lag</h1>
      <p className="page__lead">
        Device event to ERP posting: how long messages take, per plant, line and flow, from <Time iso={range.from} /> to{' '}
        <Time iso={range.to} />. Refreshes every {SYNC_LAG_REFRESH_MS / 1000} s while this tab is open.{' '}
        <button className="button button--small" type="button" onClick={refresh} disabled={fetching}>
          {fetching ? 'Refreshing…' : 'Refresh now'}
        </button>
      </p>
      <Controls key={params.toString()} state={state} onChange={update} />
      {error && (
        <p className="page__error" role="alert">
          Could not load: {errorMessage(error)}
        </p>
      )}
      {!data && !error && <p role="status">Loading…</p>}
      {data && (
        <>
          <Tiles current={data.syncLagKpis.current} previous={data.syncLagKpis.previous} />
          {empty ? (
            <p className="page__empty">
              No messages in this range
              {state.plants.length || state.lines.length || state.flows.length ? ' for these filters' : ''}.
            </p>
          ) : (
            <>
              <h2 className="section__title">Lag over time</h2>
              <LagCharts series={data.syncLagSeries} group={state.group} />
              <h2 className="section__title">SLA by plant, line and flow</h2>
              <p className="muted">
                Within: p95 at most 75 % of the flow&apos;s SLA · at risk: above that, or nothing posted yet · breached: p95 over
                the SLA. Open a cell for its exceptions.
              </p>
              <SlaGrid cells={data.syncLagGrid} range={range} />
              <h2 className="section__title">Where the lag comes from</h2>
              <p className="muted">
                Share of the time from a message&apos;s first stage to its last, spent between each pair of stages.
              </p>
              <StageShares stages={data.syncLagStages} />
            </>
          )}
        </>
      )}
    </section>
  );
}
