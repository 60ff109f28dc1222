import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { errorMessage } from '../api/errors';
import { Time } from '../app/Time';
import { OutcomeBadge, StageChips } from './TraceBadges';
import { HopDetails } from './HopDetails';
import { HOPS_PAGE_SIZE, useTrace } from './useTraces';
import { Waterfall, type TraceHop } from './Waterfall';
import { durationText } from './waterfall';
import { holdsAny } from '../auth/permissions';
import { usePerson } from '../auth/session-context';
import { ReplayButton } from '../replay/ReplayDialog';
import './traces.css';

const money = (value: number, currency: string) =>
  new Intl.NumberFormat(undefined, { style: 'currency', currency: currency || 'EUR', maximumFractionDigits: 0 }).format(value);

/** One message end to end: the waterfall of its hops, its device event, ERP postings and findings. */
export function TracePage() {
  const { correlationId = '' } = useParams();
  const [after, setAfter] = useState<string | null>(null);
  const [pageStart, setPageStart] = useState(0);
  const [open, setOpen] = useState<TraceHop | null>(null);
  const { data, fetching, error } = useTrace(correlationId, after);
  const t = data?.trace;
  const { permissions } = usePerson();
  const [replayed, setReplayed] = useState('');

  const notFound = error?.graphQLErrors.some((e) => e.extensions?.code === 'NOT_FOUND');
  if (fetching && !t) return <p className="muted page">Loading the message…</p>;
  if (notFound)
    return (
      <section className="page traces">
        <h1 className="page__title">Message not found</h1>
        <p className="page__empty">
          No message with correlation id <code>{correlationId}</code> in your plants. <Link to="/traces">Search for one</Link>.
        </p>
      </section>
    );
  if (error) return <p className="page page__error">Could not load the message: {errorMessage(error)}</p>;
  if (!t) return null;
  const m = t.message;
  const shownTo = pageStart + t.hops.length;

  return (
    <section className="page traces trace">
      <p>
        <Link to="/traces">← Traces</Link>
      </p>
      <h1 className="page__title">
        Message <code>{m.correlationId}</code>
      </h1>
      <div className="trace__summary card">
        <OutcomeBadge outcome={m.outcome} hasError={m.hasError} />
        <span>
          {m.plant} / {m.line || '–'} · {m.flow}
        </span>
        <span>
          event <strong>{m.businessKey || '–'}</strong> · order {m.orderId || '–'} · material {m.material || '–'}
        </span>
        <span>
          <Time iso={m.firstHopAt} /> · {durationText(m.durationMs)} end to end
        </span>
        <StageChips stages={[...new Set([...m.stages, ...t.stitched.flatMap((s) => s.stages)])]} missing={m.missingStages} />
        {holdsAny(permissions, ['replay:run']) && (
          <ReplayButton
            source={{ correlationIds: [m.correlationId] }}
            what="this message"
            label="Replay this message…"
            canEdit={holdsAny(permissions, ['replay:edit'])}
            onDone={setReplayed}
          />
        )}
      </div>
      {replayed && (
        <p className="form__ok" role="status">
          {replayed} <Link to="/replays">See it in Replays</Link>.
        </p>
      )}
      {t.stitched.length > 0 && (
        <p className="trace__stitch" role="note">
          <span aria-hidden="true">⛓</span> Stitched by device event {m.businessKey}: the hops of{' '}
          {t.stitched.map((s, i) => (
            <span key={s.correlationId}>
              {i > 0 && ', '}
              <Link to={`/traces/${encodeURIComponent(s.correlationId)}`}>
                <code>{s.correlationId}</code>
              </Link>{' '}
              ({s.stages.join(', ')})
            </span>
          ))}{' '}
          carry the same business key; a system on the way started a new correlation id.
        </p>
      )}
      <div className={open ? 'trace__body trace__body--panel' : 'trace__body'}>
        <div className="trace__main">
          <h2>
            Hops{' '}
            <span className="muted">
              {t.hopCount > t.hops.length ? `${pageStart + 1}–${shownTo} of ${t.hopCount}` : `${t.hopCount}`}
            </span>
          </h2>
          <Waterfall hops={t.hops} primary={m.correlationId} selected={open?.hopId ?? null} onOpen={setOpen} />
          {(pageStart > 0 || t.hopsPageInfo.hasNextPage) && (
            <div className="pager">
              {pageStart > 0 && (
                <button
                  type="button"
                  className="button"
                  onClick={() => {
                    setAfter(null);
                    setPageStart(0);
                  }}
                >
                  First {HOPS_PAGE_SIZE} hops
                </button>
              )}
              {t.hopsPageInfo.hasNextPage && t.hopsPageInfo.endCursor && (
                <button
                  type="button"
                  className="button"
                  onClick={() => {
                    setAfter(t.hopsPageInfo.endCursor ?? null);
                    setPageStart(shownTo);
                  }}
                >
                  Next {Math.min(HOPS_PAGE_SIZE, t.hopCount - shownTo)} hops
                </button>
              )}
            </div>
          )}
          <div className="trace__related">
            <section className="card" aria-label="Device event">
              <h2>Device event</h2>
              {t.deviceEvents.length === 0 ? (
                <p className="muted">
                  {m.businessKey ? `Syncline has no device event ${m.businessKey}.` : 'The message names none.'}
                </p>
              ) : (
                t.deviceEvents.map((e) => (
                  <dl key={e.eventId} className="facts">
                    <dt>Event</dt>
                    <dd>
                      <code>{e.eventId}</code> · {e.eventType}
                    </dd>
                    <dt>When</dt>
                    <dd>
                      <Time iso={e.eventTime} />
                    </dd>
                    <dt>Quantity</dt>
                    <dd>
                      {e.quantity} {e.unit} · order {e.orderId || '–'} · {e.material || '–'}
                    </dd>
                    <dt>Where</dt>
                    <dd>
                      {e.line} · asset {e.asset || '–'}
                    </dd>
                  </dl>
                ))
              )}
            </section>
            <section className="card" aria-label="ERP postings">
              <h2>ERP postings</h2>
              {t.postings.length === 0 ? (
                <p className="muted">No ERP posting references this message&apos;s device event.</p>
              ) : (
                <table className="table">
                  <thead>
                    <tr>
                      <th scope="col">Document</th>
                      <th scope="col">Posted</th>
                      <th scope="col">Quantity</th>
                    </tr>
                  </thead>
                  <tbody>
                    {t.postings.map((p) => (
                      <tr key={p.documentId}>
                        <td>
                          <code>{p.documentId}</code>
                          {p.reversesDocumentId && <div className="muted">reverses {p.reversesDocumentId}</div>}
                        </td>
                        <td>
                          <Time iso={p.postedAt} />
                        </td>
                        <td>
                          {p.quantity} {p.unit}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              )}
            </section>
            <section className="card" aria-label="Findings">
              <h2>Findings</h2>
              {t.findings.length === 0 ? (
                <p className="muted">Reconciliation found nothing about this message.</p>
              ) : (
                <ul className="trace__findings">
                  {t.findings.map((f) => (
                    <li key={f.id}>
                      <Link to={`/exceptions?${new URLSearchParams({ status: 'all', finding: f.id }).toString()}`}>
                        {f.type.replace(/_/g, ' ')}
                      </Link>{' '}
                      <span className="muted">
                        {f.status} · {f.severity}
                        {f.valueAtRisk > 0 && ` · ${money(f.valueAtRisk, f.currency)} at risk`}
                      </span>
                      <div>{f.details}</div>
                    </li>
                  ))}
                </ul>
              )}
            </section>
          </div>
        </div>
        {open && (
          <HopDetails key={open.hopId} correlationId={open.correlationId} hopId={open.hopId} onClose={() => setOpen(null)} />
        )}
      </div>
    </section>
  );
}
