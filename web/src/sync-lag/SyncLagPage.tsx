import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { errorMessage } from '../api/errors';
import { Time } from '../app/Time';
import { useSyncLag, type LineSyncLag } from './useSyncLag';

const WINDOW_MINUTES = 60;
const SLA_MINUTES = 15;

const seconds = (v: number | null) => (v === null ? '–' : v < 120 ? `${v.toFixed(1)} s` : `${(v / 60).toFixed(1)} min`);
const percent = (v: number) => `${(v * 100).toFixed(1)} %`;

function age(iso: string): string {
  const s = Math.max(0, (Date.now() - Date.parse(iso)) / 1000);
  return s < 120 ? `${Math.round(s)} s ago` : `${Math.round(s / 60)} min ago`;
}

function LagChart({ lines }: { lines: readonly LineSyncLag[] }) {
  const data = lines.map((l) => ({ name: `${l.plant} ${l.line}`, p50: l.lagP50Seconds ?? 0, p95: l.lagP95Seconds ?? 0 }));
  return (
    <div className="chart" aria-label="Lag per line">
      <ResponsiveContainer width="100%" height={260}>
        <BarChart data={data}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="name" fontSize={11} />
          <YAxis unit=" s" fontSize={11} />
          <Tooltip />
          <Legend />
          <Bar dataKey="p50" name="p50 lag (s)" fill="#60a5fa" isAnimationActive={false} />
          <Bar dataKey="p95" name="p95 lag (s)" fill="#f59e0b" isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}

export function SyncLagPage() {
  const { lines, error } = useSyncLag(WINDOW_MINUTES, SLA_MINUTES);
  return (
    <section className="page">
      <h1 className="page__title">Sync lag</h1>
      <p className="page__lead">
        Device event to ERP posting, per plant and line, last {WINDOW_MINUTES} minutes (SLA {SLA_MINUTES} min).
      </p>
      {error && (
        <p className="page__error" role="alert">
          Could not load: {errorMessage(error)}
        </p>
      )}
      {lines === undefined && !error && <p role="status">Loading…</p>}
      {lines !== undefined && lines.length === 0 && (
        <p className="page__empty">No device events in the last {WINDOW_MINUTES} minutes.</p>
      )}
      {lines !== undefined && lines.length > 0 && (
        <>
          <LagChart lines={lines} />
          <table className="table" data-testid="sync-lag-table">
            <thead>
              <tr>
                <th scope="col">Plant</th>
                <th scope="col">Line</th>
                <th scope="col">Events</th>
                <th scope="col">Posted</th>
                <th scope="col">Within SLA</th>
                <th scope="col">p50</th>
                <th scope="col">p95</th>
                <th scope="col">p99</th>
                <th scope="col">Last event</th>
              </tr>
            </thead>
            <tbody>
              {lines.map((l) => (
                <tr key={`${l.plant}/${l.line}`}>
                  <td>{l.plant}</td>
                  <td>{l.line}</td>
                  <td>{l.events}</td>
                  <td>{l.posted}</td>
                  <td>{percent(l.withinSlaShare)}</td>
                  <td>{seconds(l.lagP50Seconds)}</td>
                  <td>{seconds(l.lagP95Seconds)}</td>
                  <td>{seconds(l.lagP99Seconds)}</td>
                  <td>{l.lastEventAt ? <Time iso={l.lastEventAt}>{age(l.lastEventAt)}</Time> : '–'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
