import { useState } from 'react';
import { errorMessage } from '../api/errors';
import { Time } from '../app/Time';
import { useTraceHop } from './useTraces';

/** A payload as people read it: JSON pretty-printed, anything else as sent. */
export function prettyPayload(payload: string): string {
  if (!payload) return '';
  try {
    return JSON.stringify(JSON.parse(payload), null, 2);
  } catch {
    return payload;
  }
}

function attributeList(json: string): [string, unknown][] {
  try {
    return Object.entries(JSON.parse(json) as Record<string, unknown>);
  } catch {
    return [];
  }
}

function sizeText(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}

/** One hop opened: its fields, attributes and payload (cut for large ones, with a way to see all). */
export function HopDetails({ correlationId, hopId, onClose }: { correlationId: string; hopId: string; onClose: () => void }) {
  const [full, setFull] = useState(false);
  const { data, fetching, error } = useTraceHop(correlationId, hopId, full);
  const h = data?.traceHop;
  const attributes = h ? attributeList(h.attributes) : [];
  return (
    <aside className="hop-details card" aria-label={`Hop ${hopId}`}>
      <header className="hop-details__header">
        <h2>
          Hop <code>{hopId}</code>
        </h2>
        <button type="button" className="button button--small" onClick={onClose}>
          Close
        </button>
      </header>
      {fetching && !h && <p className="muted">Loading the hop…</p>}
      {error && <p className="page__error">Could not load the hop: {errorMessage(error)}</p>}
      {h && (
        <>
          <dl className="facts">
            <dt>Stage</dt>
            <dd>
              {h.stage} · {h.system || 'no system'} · attempt {h.attempt}
            </dd>
            <dt>Status</dt>
            <dd>
              {h.status}
              {h.errorCode && ` · ${h.errorCode}`}
              {h.errorMessage && `: ${h.errorMessage}`}
            </dd>
            <dt>Started</dt>
            <dd>
              <Time iso={h.startAt} />
            </dd>
            <dt>Ended</dt>
            <dd>
              <Time iso={h.endAt} />
            </dd>
            <dt>Correlation id</dt>
            <dd>
              <code>{h.correlationId}</code>
            </dd>
            <dt>Parent hop</dt>
            <dd>{h.parentHopId ? <code>{h.parentHopId}</code> : <span className="muted">none</span>}</dd>
            <dt>Where</dt>
            <dd>
              {h.plant} / {h.line || '–'} · asset {h.asset || '–'} · {h.flow}
            </dd>
            <dt>Business</dt>
            <dd>
              event {h.businessKey || '–'} · order {h.orderId || '–'} · batch {h.batch || '–'} · material {h.material || '–'}
              {h.quantity != null && ` · ${h.quantity} ${h.unit}`}
            </dd>
            <dt>Stored</dt>
            <dd>
              <Time iso={h.ingestedAt} />
            </dd>
          </dl>
          <h3>Attributes</h3>
          {attributes.length === 0 ? (
            <p className="muted">None</p>
          ) : (
            <table className="table">
              <tbody>
                {attributes.map(([k, v]) => (
                  <tr key={k}>
                    <th scope="row">{k}</th>
                    <td>{String(v)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <h3>Payload</h3>
          {h.payloadBytes === 0 ? (
            <p className="muted">No payload</p>
          ) : (
            <>
              {h.payloadTruncated && (
                <p className="muted">
                  Showing the beginning of {sizeText(h.payloadBytes)}.{' '}
                  <button type="button" className="button button--small" onClick={() => setFull(true)} disabled={fetching}>
                    Show all
                  </button>
                </p>
              )}
              <pre className="payload" data-testid="payload" tabIndex={0}>
                {h.payloadTruncated ? h.payload : prettyPayload(h.payload)}
              </pre>
            </>
          )}
        </>
      )}
    </aside>
  );
}
