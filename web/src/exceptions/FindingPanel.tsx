import { Link } from 'react-router';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { errorCode, errorMessage } from '../api/errors';
import { FormError, TextField, formErrors } from '../app/form';
import { Time } from '../app/Time';
import { ageText, moneyText, quantitiesText, quantityText } from './finding-format';
import { statusLabel, typeLabel } from './finding-vocabulary';
import { FindingActions } from './FindingActions';
import { holdsAny } from '../auth/permissions';
import { usePerson } from '../auth/session-context';
import { ReplayButton } from '../replay/ReplayDialog';
import { REPLAYABLE } from '../replay/replay-format';
import { CorrelationId, SeverityBadge, StatusBadge } from './FindingBadges';
import {
  useCommentOnFinding,
  useFinding,
  type FindingDetail,
  type FindingDeviceEvent,
  type FindingHistoryEntry,
  type FindingPosting,
} from './useFinding';

function formatJson(text: string): string {
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
}

function DeviceEventCard({ event: e }: { event: FindingDeviceEvent }) {
  return (
    <li className="side__item" data-testid="device-event">
      <strong>{e.eventId}</strong>
      <span>
        <Time iso={e.eventTime} />
      </span>
      <span>
        {e.eventType} · {e.plant} / {e.line}
        {e.asset ? ` · ${e.asset}` : ''}
      </span>
      <span>
        Order {e.orderId || '–'} · {e.material || '–'}
      </span>
      <span className="side__quantity">
        {quantityText(e.quantity, e.unit)}
        {e.quantityInFindingUnit !== null && e.quantityInFindingUnit !== undefined && ` (= ${e.quantityInFindingUnit})`}
      </span>
    </li>
  );
}

function PostingCard({ posting: p }: { posting: FindingPosting }) {
  return (
    <li className="side__item" data-testid="erp-posting">
      <strong>{p.documentId}</strong>
      <span>
        <Time iso={p.postedAt} />
      </span>
      <span>
        {p.postingType} · {p.plant}
      </span>
      <span>
        Order {p.orderId || '–'} · {p.material || '–'}
      </span>
      <span className="side__quantity">{quantityText(p.quantity, p.unit)}</span>
      <span className="muted">
        {p.deviceEventId ? `References ${p.deviceEventId}` : 'References no device event'}
        {p.reversesDocumentId && ` · reverses ${p.reversesDocumentId}`}
      </span>
    </li>
  );
}

/** What the machines reported next to what the ERP booked. */
function SideBySide({ detail }: { detail: FindingDetail }) {
  return (
    <div className="side-by-side" data-testid="side-by-side">
      <section aria-labelledby="finding-device-title">
        <h3 id="finding-device-title" className="panel__subtitle">
          Device {detail.deviceEvents.length === 1 ? 'event' : 'events'} (the plant)
        </h3>
        {detail.deviceEvents.length === 0 ? (
          <p className="muted">None</p>
        ) : (
          <ul className="side">
            {detail.deviceEvents.map((e) => (
              <DeviceEventCard key={e.eventId} event={e} />
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="finding-erp-title">
        <h3 id="finding-erp-title" className="panel__subtitle">
          ERP {detail.postings.length === 1 ? 'posting' : 'postings'} (the books)
        </h3>
        {detail.postings.length === 0 ? (
          <p className="muted">None</p>
        ) : (
          <ul className="side">
            {detail.postings.map((p) => (
              <PostingCard key={p.documentId} posting={p} />
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}

function historyWhat(h: FindingHistoryEntry): string {
  if (h.kind === 'assign') return `Assigned to ${h.assignee ?? '–'}`;
  if (h.kind === 'status') return h.status ? statusLabel(h.status) : 'Status';
  if (h.kind === 'comment') return 'Comment';
  return h.kind;
}

function History({ entries }: { entries: readonly FindingHistoryEntry[] }) {
  if (entries.length === 0) return <p className="muted">No changes yet: open since reconciliation found it.</p>;
  return (
    <table className="table table--compact" data-testid="finding-history">
      <thead>
        <tr>
          <th scope="col">When</th>
          <th scope="col">Who</th>
          <th scope="col">What</th>
          <th scope="col">Comment</th>
        </tr>
      </thead>
      <tbody>
        {entries.map((h, i) => (
          <tr key={`${h.at}-${i}`}>
            <td className="nowrap">
              <Time iso={h.at} />
            </td>
            <td>{h.actor}</td>
            <td>{historyWhat(h)}</td>
            <td>{h.comment ?? ''}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function CommentForm({ id }: { id: string }) {
  const [comment, setComment] = useState('');
  const [saved, setSaved] = useState(false);
  const { run, fetching, error } = useCommentOnFinding();
  const errors = formErrors(error, ['comment']);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setSaved(false);
    const changed = await run(id, comment);
    if (changed !== undefined) {
      setSaved(true);
      setComment('');
    }
  };

  return (
    <form className="form" onSubmit={(e) => void submit(e)} aria-label="Add a comment" noValidate>
      <FormError>{errors.general}</FormError>
      {saved && (
        <p className="form__ok" role="status">
          Comment added.
        </p>
      )}
      <TextField
        label="Add a comment"
        name="comment"
        value={comment}
        onChange={setComment}
        error={errors.of('comment')}
        rows={2}
      />
      <button type="submit" className="button" disabled={fetching}>
        Add comment
      </button>
    </form>
  );
}

function Facts({ detail }: { detail: FindingDetail }) {
  const f = detail.finding;
  const quantities = quantitiesText(f.deviceQuantity, f.erpQuantity, f.unit);
  return (
    <dl className="facts">
      <dt>Status</dt>
      <dd>
        <StatusBadge status={f.status} />
        {f.statusChangedAt && (
          <>
            {' '}
            since <Time iso={f.statusChangedAt} /> by {f.statusChangedBy}
          </>
        )}
      </dd>
      {f.resolution && (
        <>
          <dt>Reason</dt>
          <dd>{f.resolution}</dd>
        </>
      )}
      <dt>Assignee</dt>
      <dd>{f.assignee ?? '–'}</dd>
      <dt>Severity</dt>
      <dd>
        <SeverityBadge severity={f.severity} /> (flow priority {f.priority})
      </dd>
      <dt>Where</dt>
      <dd>
        {f.plant} / {f.line || '–'} · {f.flow || 'no flow'}
      </dd>
      <dt>Order</dt>
      <dd>
        {f.orderId || '–'} · material {f.material || '–'}
      </dd>
      {quantities && (
        <>
          <dt>Quantities</dt>
          <dd>{quantities}</dd>
        </>
      )}
      <dt>Value at risk</dt>
      <dd>{moneyText(f.valueAtRisk, f.currency)}</dd>
      <dt>Happened</dt>
      <dd>
        <Time iso={f.happenedAt} />
      </dd>
      <dt>A finding since</dt>
      <dd>
        <Time iso={f.conditionSince} />
      </dd>
      <dt>First seen</dt>
      <dd>
        <Time iso={f.firstSeenAt} /> ({ageText(f.ageSeconds)} ago)
      </dd>
      <dt>Last seen</dt>
      <dd>
        <Time iso={f.lastSeenAt} />
      </dd>
      <dt>Correlation ids</dt>
      <dd>
        {f.correlationIds.length === 0 ? (
          f.eventIds.length > 0 ? (
            <ul className="inline-list" data-testid="event-traces">
              {f.eventIds.map((e) => (
                <li key={e}>
                  <Link to={`/traces?${new URLSearchParams({ q: e, open: '1' }).toString()}`}>Open trace of {e}</Link>
                </li>
              ))}
            </ul>
          ) : (
            <span className="muted">None recorded</span>
          )
        ) : (
          <ul className="inline-list" data-testid="correlation-ids">
            {f.correlationIds.map((c) => (
              <li key={c}>
                <CorrelationId id={c} />
              </li>
            ))}
          </ul>
        )}
      </dd>
      <dt>Rules version</dt>
      <dd>{f.rulesVersion}</dd>
      <dt>Finding id</dt>
      <dd>
        <code>{f.id}</code>
      </dd>
    </dl>
  );
}

interface FindingPanelProps {
  id: string;
  canTriage: boolean;
  onClose: () => void;
}

/** One finding (mount it with `key={id}`): what it means, what it is about (device and ERP side by side), its history, and what to do. */
export function FindingPanel({ id, canTriage, onClose }: FindingPanelProps) {
  const canReplay = holdsAny(usePerson().permissions, ['replay:run']);
  const [{ data, error }] = useFinding(id);
  const [done, setDone] = useState<string | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const detail = data?.finding;

  // Opening a finding moves the keyboard focus to it (the page keys the panel by id, so each finding mounts anew).
  useEffect(() => {
    heading.current?.focus();
  }, []);

  return (
    <aside className="card panel" aria-labelledby="finding-panel-title" data-testid="finding-panel">
      <div className="panel__head">
        <h2 id="finding-panel-title" className="card__title" ref={heading} tabIndex={-1}>
          {detail ? typeLabel(detail.finding.type) : 'Finding'}
          <span className="panel__id"> {id}</span>
        </h2>
        <button type="button" className="button button--small" onClick={onClose}>
          Close<span className="visually-hidden"> the finding</span>
        </button>
      </div>
      {error && (
        <p className="page__error" role="alert">
          {errorCode(error) === 'NOT_FOUND'
            ? `There is no finding ${id} in your plants.`
            : `Could not load the finding: ${errorMessage(error)}`}
        </p>
      )}
      {!detail && !error && <p role="status">Loading…</p>}
      {detail && (
        <>
          <p className="panel__meaning" data-testid="finding-meaning">
            {detail.meaning}
          </p>
          <p className="panel__details">{detail.finding.details}</p>
          {canTriage && (
            <div className="panel__actions">
              <FindingActions scope={{ target: { ids: [id] }, count: 1, what: 'this finding' }} onDone={setDone} />
              {canReplay && REPLAYABLE.includes(detail.finding.type) && (
                <ReplayButton source={{ findingIds: [id] }} what="this finding’s message" onDone={setDone} />
              )}
              {done && (
                <p className="form__ok" role="status">
                  {done}
                </p>
              )}
            </div>
          )}
          <SideBySide detail={detail} />
          <Facts detail={detail} />
          <h3 className="panel__subtitle">History</h3>
          <History entries={detail.history} />
          {canTriage && <CommentForm id={id} />}
          <details className="changes">
            <summary>Flow rules, version {detail.finding.rulesVersion}</summary>
            {detail.rules ? (
              <pre>{formatJson(detail.rules)}</pre>
            ) : (
              <p className="muted">That version of the rules is not stored.</p>
            )}
          </details>
        </>
      )}
    </aside>
  );
}
