import { CartesianGrid, Legend, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { Link, useNavigate } from 'react-router';
import { Time } from '../app/Time';
import { duration, exceptionsLink, type Grouping } from './sync-lag-url';
import type { LagSeriesData } from './useSyncLagDashboard';

const COLOURS = ['#2563eb', '#d97706', '#7c3aed', '#059669', '#db2777', '#0891b2'];
const tick = new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' });
const axisTime = (ms: number) => tick.format(new Date(ms));
const bucketEnd = (t: string, s: number) => new Date(Date.parse(t) + s * 1000).toISOString();

/** A chart's points as a table too: readable without a mouse, and each point opens its exceptions. */
function PointsTable({ series }: { series: LagSeriesData }) {
  return (
    <details className="lag-points">
      <summary>Points as a table ({series.points.length})</summary>
      <table className="table" data-testid={`lag-points-${series.flow}`}>
        <thead>
          <tr>
            <th scope="col">From</th>
            <th scope="col">Messages</th>
            <th scope="col">Posted</th>
            <th scope="col">p50</th>
            <th scope="col">p95</th>
            <th scope="col">p99</th>
            <th scope="col">Exceptions</th>
          </tr>
        </thead>
        <tbody>
          {series.points.map((p) => (
            <tr key={p.t} data-t={p.t}>
              <td>
                <Time iso={p.t} />
              </td>
              <td>{p.messages}</td>
              <td>{p.posted}</td>
              <td data-seconds={p.p50 ?? ''}>{duration(p.p50)}</td>
              <td data-seconds={p.p95 ?? ''}>{duration(p.p95)}</td>
              <td data-seconds={p.p99 ?? ''}>{duration(p.p99)}</td>
              <td>
                <Link to={exceptionsLink({ flow: series.flow, from: p.t, to: bucketEnd(p.t, series.bucketSeconds) })}>open</Link>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}

/** p50/p95/p99 of one flow, its SLA drawn; a click on a point opens that flow's exceptions of that point's time. */
function FlowChart({ series }: { series: LagSeriesData }) {
  const navigate = useNavigate();
  const data = series.points.map((p) => ({ ms: Date.parse(p.t), t: p.t, p50: p.p50, p95: p.p95, p99: p.p99 }));
  return (
    <figure className="lag-chart" aria-label={`Lag of ${series.flow}`}>
      <figcaption>
        <strong>{series.flow}</strong>{' '}
        <span className="muted">
          SLA {duration(series.slaSeconds)} · one point per {duration(series.bucketSeconds)}
        </span>
      </figcaption>
      <div className="chart">
        <ResponsiveContainer width="100%" height={220}>
          <LineChart
            data={data}
            onClick={(e) => {
              const i = typeof e?.activeTooltipIndex === 'number' ? e.activeTooltipIndex : Number(e?.activeTooltipIndex);
              const p = Number.isInteger(i) ? data[i] : undefined;
              if (p) void navigate(exceptionsLink({ flow: series.flow, from: p.t, to: bucketEnd(p.t, series.bucketSeconds) }));
            }}
          >
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis
              dataKey="ms"
              type="number"
              scale="time"
              domain={['dataMin', 'dataMax']}
              tickFormatter={axisTime}
              fontSize={11}
            />
            <YAxis tickFormatter={(v: number) => duration(v)} fontSize={11} width={64} />
            <Tooltip labelFormatter={(v) => axisTime(Number(v))} formatter={(v) => duration(Number(v))} />
            <Legend />
            <ReferenceLine
              y={series.slaSeconds}
              stroke="#dc2626"
              strokeDasharray="6 3"
              label={{ value: 'SLA', fontSize: 11, fill: '#dc2626' }}
            />
            <Line dataKey="p50" name="p50" stroke="#60a5fa" dot={false} isAnimationActive={false} connectNulls />
            <Line dataKey="p95" name="p95" stroke="#d97706" strokeWidth={2} dot={false} isAnimationActive={false} connectNulls />
            <Line
              dataKey="p99"
              name="p99"
              stroke="#7c3aed"
              strokeDasharray="4 2"
              dot={false}
              isAnimationActive={false}
              connectNulls
            />
          </LineChart>
        </ResponsiveContainer>
      </div>
      <PointsTable series={series} />
    </figure>
  );
}

/** p95 of every flow in one chart, with the strictest SLA drawn. */
function AllFlowsChart({ series }: { series: readonly LagSeriesData[] }) {
  const byMs = new Map<number, Record<string, number | null>>();
  for (const s of series)
    for (const p of s.points) {
      const ms = Date.parse(p.t);
      byMs.set(ms, { ...(byMs.get(ms) ?? { ms }), [s.flow]: p.p95 ?? null });
    }
  const data = [...byMs.values()].sort((a, b) => Number(a.ms) - Number(b.ms));
  const sla = Math.min(...series.map((s) => s.slaSeconds));
  return (
    <figure className="lag-chart" aria-label="p95 lag of every flow">
      <figcaption>
        <strong>p95 lag per flow</strong> <span className="muted">strictest SLA {duration(sla)}</span>
      </figcaption>
      <div className="chart">
        <ResponsiveContainer width="100%" height={260}>
          <LineChart data={data}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis
              dataKey="ms"
              type="number"
              scale="time"
              domain={['dataMin', 'dataMax']}
              tickFormatter={axisTime}
              fontSize={11}
            />
            <YAxis tickFormatter={(v: number) => duration(v)} fontSize={11} width={64} />
            <Tooltip labelFormatter={(v) => axisTime(Number(v))} formatter={(v) => duration(Number(v))} />
            <Legend />
            <ReferenceLine
              y={sla}
              stroke="#dc2626"
              strokeDasharray="6 3"
              label={{ value: 'SLA', fontSize: 11, fill: '#dc2626' }}
            />
            {series.map((s, i) => (
              <Line
                key={s.flow}
                dataKey={s.flow}
                stroke={COLOURS[i % COLOURS.length]}
                dot={false}
                isAnimationActive={false}
                connectNulls
              />
            ))}
          </LineChart>
        </ResponsiveContainer>
      </div>
      {series.map((s) => (
        <PointsTable key={s.flow} series={s} />
      ))}
    </figure>
  );
}

export function LagCharts({ series, group }: { series: readonly LagSeriesData[]; group: Grouping }) {
  if (series.length === 0) return <p className="page__empty">No messages to chart.</p>;
  if (group === 'all') return <AllFlowsChart series={series} />;
  return (
    <div className="lag-charts">
      {series.map((s) => (
        <FlowChart key={s.flow} series={s} />
      ))}
    </div>
  );
}
