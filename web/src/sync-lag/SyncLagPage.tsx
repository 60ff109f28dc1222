import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { SignIn } from '../auth/SignIn';
import { useToken } from '../auth/useToken';
import { useSyncLag, type LineSyncLag } from './useSyncLag';

const WINDOW_MINUTES = 60;

const seconds = (v: number | null) => (v === null ? '–' : v < 120 ? `${v.toFixed(1)} s` : `${(v / 60).toFixed(1)} min`);
const percent = (v: number) => `${(v * 100).toFixed(1)} %`;

function age(iso: string | null): string {
  if (!iso) return '–';
  const s = Math.max(0, (Date.now() - Date.parse(iso)) / 1000);
  return s < 120 ? `${Math.round(s)} s ago` : `${Math.round(s / 60)} min ago`;
}

function LagChart({ lines }: { lines: LineSyncLag[] }) {
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
  const token = useToken();
  const { lines, error } = useSyncLag(WINDOW_MINUTES, token !== null);
  if (!token) return <SignIn />;
  return (
    <section className="page">
      <h1 className="page__title">Sync lag</h1>
      <p className="page__lead">Device event to ERP posting, per plant and line, last {WINDOW_MINUTES} minutes (SLA 15 min).</p>
      {error && <p className="page__error">Could not load: {error}</p>}
      {lines === null && !error && <p>Loading…</p>}
      {lines !== null && lines.length === 0 && (
        <p className="page__empty">No device events in the last {WINDOW_MINUTES} minutes.</p>
      )}
      {lines !== null && lines.length > 0 && (
        <>
          <LagChart lines={lines} />
          <table className="table" data-testid="sync-lag-table">
            <thead>
              <tr>
                <th>Plant</th>
                <th>Line</th>
                <th>Events</th>
                <th>Posted</th>
                <th>Within SLA</th>
                <th>p50</th>
                <th>p95</th>
                <th>p99</th>
                <th>Last event</th>
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
                  <td>{age(l.lastEventAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
