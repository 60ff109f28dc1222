import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { errorMessage } from '../api/errors';
import { Time } from '../app/Time';
import { usePageVisible } from '../app/usePageVisible';
import { countText } from '../exceptions/finding-format';
import type { ReplayBatchesQuery } from '../gql/graphql';
import { ReplayButton } from './ReplayDialog';
import { doneCount, STATE_LABELS } from './replay-format';
import { useBatchControls, useDeadReplays, useReplayBatches, useReplayItems } from './useReplay';
import './replay.css';

type Batch = ReplayBatchesQuery['replayBatches'][number];

const REFRESH_MS = 2000;

/** Replays: running and finished bulk replays with live progress, and what failed or gave up. */
export function ReplaysPage() {
  const { batches, error, refetch } = useReplayBatches();
  const dead = useDeadReplays();
  const visible = usePageVisible();
  const [open, setOpen] = useState<string | null>(null);
  const [message, setMessage] = useState('');
  const running = batches.some((b) => b.state === 'running' || b.state === 'paused');

  // Live progress while anything runs (and the tab is visible).
  useEffect(() => {
    if (!running || !visible) return;
    const t = setInterval(() => {
      refetch({ requestPolicy: 'network-only' });
      dead.refetch({ requestPolicy: 'network-only' });
    }, REFRESH_MS);
    return () => clearInterval(t);
  }, [running, visible, refetch, dead]);

  return (
    <section className="page" aria-labelledby="replays-title">
      <h1 id="replays-title">Replays</h1>
      <p className="muted">
        Each replay is the set of messages frozen when it was confirmed. It runs on the server whatever this page does.
      </p>
      {message && (
        <p className="form__ok" role="status">
          {message}
        </p>
      )}
      {error && (
        <p className="page__error" role="alert">
          Could not load the replays: {errorMessage(error)}
        </p>
      )}
      {!error && batches.length === 0 && <p className="muted">No replays yet. Start one from Exceptions or a trace.</p>}
      {batches.length > 0 && (
        <table className="table" aria-label="Replays">
          <thead>
            <tr>
              <th scope="col">Started</th>
              <th scope="col">By</th>
              <th scope="col">Reason</th>
              <th scope="col">State</th>
              <th scope="col">Progress</th>
              <th scope="col">Actions</th>
            </tr>
          </thead>
          <tbody>
            {batches.map((b) => (
              <BatchRow
                key={b.id}
                batch={b}
                open={open === b.id}
                onToggle={() => setOpen(open === b.id ? null : b.id)}
                onChanged={(m) => {
                  setMessage(m);
                  refetch({ requestPolicy: 'network-only' });
                }}
              />
            ))}
          </tbody>
        </table>
      )}
      {open && <BatchItems batchId={open} live={running && visible} />}
      <h2 className="page__subtitle">Dead and failed</h2>
      {dead.items.length === 0 ? (
        <p className="muted">No replay failed or gave up.</p>
      ) : (
        <table className="table" aria-label="Dead and failed replays">
          <thead>
            <tr>
              <th scope="col">Message</th>
              <th scope="col">State</th>
              <th scope="col">Last answer</th>
              <th scope="col">When</th>
              <th scope="col">Actions</th>
            </tr>
          </thead>
          <tbody>
            {dead.items.map((d) => (
              <tr key={d.id}>
                <td>
                  <Link to={`/traces/${encodeURIComponent(d.correlationId)}`}>{d.correlationId}</Link>
                </td>
                <td>{STATE_LABELS[d.state] ?? d.state}</td>
                <td>{d.outcome}</td>
                <td>
                  <Time iso={d.updatedAt} />
                </td>
                <td>
                  <ReplayButton
                    source={{ correlationIds: [d.correlationId] }}
                    what="this message again"
                    label="Replay again…"
                    onDone={(m) => {
                      setMessage(m);
                      refetch({ requestPolicy: 'network-only' });
                      dead.refetch({ requestPolicy: 'network-only' });
                    }}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function BatchRow({
  batch: b,
  open,
  onToggle,
  onChanged,
}: {
  batch: Batch;
  open: boolean;
  onToggle: () => void;
  onChanged: (m: string) => void;
}) {
  const controls = useBatchControls();
  const [rate, setRate] = useState('');
  const done = doneCount(b);
  const active = b.state === 'running' || b.state === 'paused';
  return (
    <tr data-testid={`replay-${b.id}`}>
      <td>
        <Time iso={b.requestedAt} />
      </td>
      <td>{b.requestedBy}</td>
      <td>{b.reason || <span className="muted">none given</span>}</td>
      <td>{STATE_LABELS[b.state] ?? b.state}</td>
      <td>
        <progress max={b.total} value={done} aria-label={`${countText(done)} of ${countText(b.total)} done`} />{' '}
        <span className="replay__counts" data-testid="replay-counts">
          {countText(b.sent)} sent · {countText(b.skipped)} skipped · {countText(b.failed)} failed · {countText(b.dead)} dead
          {b.cancelled ? ` · ${countText(b.cancelled)} cancelled` : ''} · {countText(b.queued)} queued
        </span>
      </td>
      <td>
        <div className="actions">
          <button type="button" className="button button--small" aria-expanded={open} onClick={onToggle}>
            {open ? 'Hide messages' : 'Messages'}
          </button>
          {b.state === 'running' && (
            <button
              type="button"
              className="button button--small"
              disabled={controls.fetching}
              onClick={() => void controls.pause(b.id).then(() => onChanged('Paused.'))}
            >
              Pause
            </button>
          )}
          {b.state === 'paused' && (
            <button
              type="button"
              className="button button--small"
              disabled={controls.fetching}
              onClick={() => void controls.resume(b.id).then(() => onChanged('Resumed.'))}
            >
              Resume
            </button>
          )}
          {active && (
            <button
              type="button"
              className="button button--small"
              disabled={controls.fetching}
              onClick={() => {
                if (window.confirm(`Cancel this replay? The ${countText(b.queued)} messages not sent yet will not be sent.`))
                  void controls.cancel(b.id).then(() => onChanged('Cancelled: what was not sent yet will not be sent.'));
              }}
            >
              Cancel
            </button>
          )}
          {active && (
            <form
              className="replay__rate"
              onSubmit={(e) => {
                e.preventDefault();
                void controls.setRate(b.id, Number(rate)).then((r) => !r.error && onChanged(`Rate set to ${rate} per second.`));
              }}
            >
              <label>
                <span className="visually-hidden">Messages per second</span>
                <input
                  type="number"
                  min="0.1"
                  step="0.1"
                  value={rate}
                  placeholder={b.ratePerSecond ? String(b.ratePerSecond) : 'per s'}
                  onChange={(e) => setRate(e.target.value)}
                />
              </label>
              <button type="submit" className="button button--small" disabled={!rate || controls.fetching}>
                Set rate
              </button>
            </form>
          )}
          {controls.error && <span className="form__error">{errorMessage(controls.error)}</span>}
        </div>
      </td>
    </tr>
  );
}

function BatchItems({ batchId, live }: { batchId: string; live: boolean }) {
  const { items, error, refetch } = useReplayItems(batchId);
  useEffect(() => {
    if (!live) return;
    const t = setInterval(() => refetch({ requestPolicy: 'network-only' }), REFRESH_MS);
    return () => clearInterval(t);
  }, [live, refetch]);
  return (
    <section className="card" aria-label="Messages of the replay">
      <h2 className="card__title">Messages of the replay</h2>
      {error && <p className="page__error">{errorMessage(error)}</p>}
      <table className="table table--compact">
        <thead>
          <tr>
            <th scope="col">Message</th>
            <th scope="col">Business key</th>
            <th scope="col">State</th>
            <th scope="col">Result</th>
            <th scope="col">Attempts</th>
          </tr>
        </thead>
        <tbody>
          {items.map((i) => (
            <tr key={i.id}>
              <td>
                <Link to={`/traces/${encodeURIComponent(i.correlationId)}`}>{i.correlationId}</Link>
              </td>
              <td>{i.businessKey}</td>
              <td>{STATE_LABELS[i.state] ?? i.state}</td>
              <td>
                {i.outcome}
                {i.edited ? ' (edited payload)' : ''}
              </td>
              <td>{i.attempts}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
