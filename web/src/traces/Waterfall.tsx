import { useMemo, useState } from 'react';
import type { TraceQuery } from '../gql/graphql';
import { axisMs, durationText, isLongGap, place, treeOrder } from './waterfall';

export type TraceHop = TraceQuery['trace']['hops'][number];

const STATUS_FILTERS = [
  { value: '', label: 'Every hop' },
  { value: 'problem', label: 'Errors, drops and retries' },
  { value: 'ok', label: 'Successful hops' },
] as const;

const isProblem = (h: TraceHop) => h.status !== 'ok' || h.retry;

/** Marks beside a hop: what went wrong or looks odd, in words (symbols only repeat them). */
function HopMarks({ hop, primary }: { hop: TraceHop; primary: string }) {
  return (
    <span className="hop__marks">
      {hop.status !== 'ok' && (
        <span className={`mark mark--${hop.status}`}>
          <span aria-hidden="true">{hop.status === 'retry' ? '↻' : '✕'}</span> {hop.status}
          {hop.errorCode && ` ${hop.errorCode}`}
          {hop.errorMessage && <span className="mark__message">: {hop.errorMessage}</span>}
        </span>
      )}
      {hop.attempt > 1 && <span className="mark mark--retry">attempt {hop.attempt}</span>}
      {hop.parentMissing && (
        <span className="mark mark--warn">
          <span aria-hidden="true">⚠</span> parent hop never arrived
        </span>
      )}
      {hop.startsBeforeParentEnd && (
        <span className="mark mark--warn">
          <span aria-hidden="true">⚠</span> starts before its parent ended (clock skew?)
        </span>
      )}
      {hop.stitched && hop.correlationId !== primary && (
        <span className="mark mark--stitch" title="Stitched by business key">
          <span aria-hidden="true">⛓</span> {hop.correlationId}
        </span>
      )}
    </span>
  );
}

interface WaterfallProps {
  hops: readonly TraceHop[];
  primary: string;
  selected: string | null;
  onOpen: (hop: TraceHop) => void;
}

/**
 * One bar per hop on a shared time axis, in parent/child order, with the gap since its parent drawn
 * and labelled (long ones stand out: a gateway's store-and-forward during an outage). Filters and
 * collapsed stages only hide rows; the axis stays the message's.
 */
export function Waterfall({ hops, primary, selected, onOpen }: WaterfallProps) {
  const [status, setStatus] = useState('');
  const [system, setSystem] = useState('');
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(new Set());
  const axis = useMemo(() => axisMs(hops), [hops]);
  const rows = useMemo(() => treeOrder(hops), [hops]);
  const systems = useMemo(() => [...new Set(hops.map((h) => h.system).filter(Boolean))].sort(), [hops]);
  const stages = useMemo(() => {
    const counts = new Map<string, number>();
    for (const h of hops) counts.set(h.stage, (counts.get(h.stage) ?? 0) + 1);
    return [...counts.entries()];
  }, [hops]);
  const visible = rows.filter(
    (r) =>
      !collapsed.has(r.hop.stage) &&
      (status === '' || (status === 'problem' ? isProblem(r.hop) : !isProblem(r.hop))) &&
      (system === '' || r.hop.system === system),
  );
  const toggle = (stage: string) => {
    const next = new Set(collapsed);
    if (next.has(stage)) next.delete(stage);
    else next.add(stage);
    setCollapsed(next);
  };
  const ticks = [0, 0.25, 0.5, 0.75, 1];

  return (
    <div className="waterfall">
      <div className="waterfall__toolbar">
        <label>
          Show{' '}
          <select value={status} onChange={(e) => setStatus(e.target.value)}>
            {STATUS_FILTERS.map((s) => (
              <option key={s.value} value={s.value}>
                {s.label}
              </option>
            ))}
          </select>
        </label>
        <label>
          System{' '}
          <select value={system} onChange={(e) => setSystem(e.target.value)}>
            <option value="">Every system</option>
            {systems.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </label>
        <div className="waterfall__stages" role="group" aria-label="Collapse or expand stages">
          {stages.map(([stage, n]) => (
            <button
              key={stage}
              type="button"
              className="button button--small"
              aria-pressed={!collapsed.has(stage)}
              onClick={() => toggle(stage)}
              title={collapsed.has(stage) ? `Expand ${stage}` : `Collapse ${stage}`}
            >
              {collapsed.has(stage) ? '▸' : '▾'} {stage} ({n})
            </button>
          ))}
        </div>
      </div>
      <div className="waterfall__axis" aria-hidden="true">
        <span className="waterfall__label" />
        <span className="waterfall__track">
          {ticks.map((t) => (
            <span key={t} className="waterfall__tick" style={{ left: `${t * 100}%` }}>
              {durationText(axis * t)}
            </span>
          ))}
        </span>
      </div>
      <ol className="waterfall__rows" aria-label="Hops">
        {visible.map(({ hop, depth }) => {
          const bar = place(hop.offsetMs, hop.durationMs, axis);
          const gap = hop.gapMs != null && hop.gapMs > 0 ? place(hop.offsetMs - hop.gapMs, hop.gapMs, axis) : null;
          const long = isLongGap(hop.gapMs, axis);
          const gapLabel =
            hop.gapMs != null && hop.gapMs > 0
              ? `${durationText(hop.gapMs)} ${hop.stage === 'gateway' ? 'buffered at the gateway' : 'since its parent'}`
              : null;
          return (
            <li key={hop.hopId} className={`hop hop--${hop.status}${hop.hopId === selected ? ' hop--selected' : ''}`}>
              <button
                type="button"
                className="hop__button"
                onClick={() => onOpen(hop)}
                aria-label={`${hop.stage} hop ${hop.hopId}, ${hop.status}, ${durationText(hop.durationMs)}${gapLabel ? `, ${gapLabel}` : ''}`}
                data-hop-id={hop.hopId}
                data-stage={hop.stage}
              >
                <span className="waterfall__label" style={{ paddingLeft: `${depth * 0.6}rem` }}>
                  <strong>{hop.stage}</strong> <span className="muted">{hop.system}</span>
                  <HopMarks hop={hop} primary={primary} />
                </span>
                <span className="waterfall__track">
                  {gap && (
                    <span
                      className={`gap${long ? ' gap--long' : ''}`}
                      style={{ left: `${gap.left}%`, width: `${gap.width}%` }}
                      data-testid={long ? 'long-gap' : undefined}
                    >
                      {long && <span className="gap__label">{gapLabel}</span>}
                    </span>
                  )}
                  <span className={`bar bar--${hop.status}`} style={{ left: `${bar.left}%`, width: `${bar.width}%` }} />
                  <span className="bar__text" style={{ left: `${Math.min(bar.left + bar.width, 88)}%` }}>
                    {durationText(hop.durationMs)}
                  </span>
                </span>
              </button>
            </li>
          );
        })}
      </ol>
      {visible.length < rows.length && (
        <p className="muted">
          {rows.length - visible.length} of {rows.length} hops hidden by the filters or collapsed stages.
        </p>
      )}
    </div>
  );
}
