import { useId, useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router';
import { errorMessage } from '../api/errors';
import { FormError, TextField, formErrors } from '../app/form';
import { Pager } from '../app/Pager';
import { Time } from '../app/Time';
import type { DeadLetterTargetInput } from '../gql/graphql';
import { withParams } from './finding-filter';
import {
  ANY,
  LETTER_STATUSES,
  REASON_LABELS,
  lettersText,
  pivotCounts,
  prettyPayload,
  reasonLabel,
  rejectedFromParams,
  rejectedParams,
} from './rejected';
import {
  LETTERS_CHANGED,
  LETTERS_PAGE_SIZE,
  useDeadLetterCounts,
  useDeadLetters,
  useDiscard,
  useRedeliver,
  type DeadLetter,
} from './useDeadLetters';
import { useModal } from '../app/useModal';

interface ActionProps {
  target: DeadLetterTargetInput;
  /** "this message", "12 rejected messages matching the filter". */
  what: string;
  count: number;
  onClose: () => void;
  onDone: (message: string) => void;
}

/** Redeliver through the normal ingest path; for one letter, with its payload to fix first. */
function RedeliverDialog({ target, what, count, onClose, onDone, letter }: ActionProps & { letter?: DeadLetter }) {
  const ref = useModal();
  const titleId = useId();
  const [state, redeliver] = useRedeliver();
  const editable = !!letter && !letter.payloadTruncated;
  const initial = letter ? prettyPayload(letter.payload) : '';
  const [payload, setPayload] = useState(initial);
  const [stillInvalid, setStillInvalid] = useState<string | null>(null);
  const errors = formErrors(state.error, ['payload']);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setStillInvalid(null);
    const edited = editable && payload !== initial ? payload : null;
    const answer = (await redeliver({ target, payload: edited }, LETTERS_CHANGED)).data?.redeliverDeadLetters;
    if (!answer) return;
    if (letter && answer.redelivered === 0 && answer.failed.length) {
      setStillInvalid(answer.failed[0].reason);
      return;
    }
    const failed = answer.failed.length;
    onDone(
      `Redelivered: ${answer.redelivered.toLocaleString('en')} stored.` +
        (failed ? ` ${failed.toLocaleString('en')} still invalid and left open (first: ${answer.failed[0].reason}).` : ''),
    );
  };

  return (
    <dialog ref={ref} className="dialog dialog--wide" aria-labelledby={titleId} onClose={onClose}>
      <form className="form" onSubmit={(e) => void submit(e)} noValidate>
        <h2 id={titleId} className="card__title">
          Redeliver {what}?
        </h2>
        <p className="muted">
          {letter ? 'The payload' : `Each of the ${count.toLocaleString('en')}`} goes through the same parsing and validation as a
          new message. One that is still invalid stays open and the answer says why.
        </p>
        <FormError>{errors.general}</FormError>
        {stillInvalid && (
          <p className="form__error" role="alert" data-testid="redeliver-still-invalid">
            Still invalid, left open: {stillInvalid}
          </p>
        )}
        {letter &&
          (editable ? (
            <TextField
              label="Payload"
              name="payload"
              value={payload}
              onChange={setPayload}
              error={errors.of('payload')}
              hint="Fix it here; it replaces the payload for this redelivery (the original stays on record)."
              rows={14}
            />
          ) : (
            <p className="muted">The payload is too large to edit here; it is redelivered as it is.</p>
          ))}
        <div className="form__actions">
          <button type="submit" className="button button--primary" disabled={state.fetching}>
            {state.fetching ? 'Working…' : letter ? 'Redeliver' : `Yes, redeliver ${lettersText(count)}`}
          </button>
          <button type="button" className="button" onClick={() => ref.current?.close()}>
            Cancel
          </button>
        </div>
      </form>
    </dialog>
  );
}

function DiscardDialog({ target, what, count, onClose, onDone }: ActionProps) {
  const ref = useModal();
  const titleId = useId();
  const [state, discard] = useDiscard();
  const [reason, setReason] = useState('');
  const errors = formErrors(state.error, ['reason']);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const answer = (await discard({ target, reason }, LETTERS_CHANGED)).data?.discardDeadLetters;
    if (answer) onDone(`Discarded: ${answer.changed.toLocaleString('en')} changed.`);
  };

  return (
    <dialog ref={ref} className="dialog" aria-labelledby={titleId} onClose={onClose}>
      <form className="form" onSubmit={(e) => void submit(e)} noValidate>
        <h2 id={titleId} className="card__title">
          Discard {what}?
        </h2>
        <p className="muted">A discarded message is not stored; it stays on record with the reason until it expires.</p>
        <FormError>{errors.general}</FormError>
        <TextField
          label="Reason"
          name="reason"
          value={reason}
          onChange={setReason}
          error={errors.of('reason')}
          hint="Required: it stays with each message and goes into the audit trail"
          rows={3}
          required
        />
        <div className="form__actions">
          <button type="submit" className="button button--primary" disabled={state.fetching}>
            {state.fetching ? 'Working…' : count === 1 ? 'Yes, discard it' : `Yes, discard ${lettersText(count)}`}
          </button>
          <button type="button" className="button" onClick={() => ref.current?.close()}>
            Cancel
          </button>
        </div>
      </form>
    </dialog>
  );
}

type Open = { kind: 'redeliver' | 'discard'; target: DeadLetterTargetInput; what: string; count: number; letter?: DeadLetter };

function LetterItem({ letter: l, canHandle, onAct }: { letter: DeadLetter; canHandle: boolean; onAct: (open: Open) => void }) {
  const payloadId = useId();
  const name = `message on ${l.topic}`;
  return (
    <li className="letter" data-letter-id={l.id}>
      <dl className="letter__facts">
        <div>
          <dt>Received</dt>
          <dd>
            <Time iso={l.receivedAt} />
          </dd>
        </div>
        <div>
          <dt>Source</dt>
          <dd>{l.source}</dd>
        </div>
        <div>
          <dt>Topic</dt>
          <dd className="letter__topic">{l.topic}</dd>
        </div>
        <div>
          <dt>Plant</dt>
          <dd>{l.plant || '–'}</dd>
        </div>
        <div>
          <dt>Status</dt>
          <dd>
            <span className={`pill ${l.status === 'open' ? 'pill--active' : 'pill--done'}`}>{l.status}</span>
          </dd>
        </div>
      </dl>
      <p className="letter__reason">
        <strong>{reasonLabel(l.reasonCode)}:</strong> {l.reason}
      </p>
      {l.statusReason && (
        <p className="muted">
          {l.status} by {l.statusChangedBy}: {l.statusReason}
        </p>
      )}
      <pre
        className="letter__payload"
        id={payloadId}
        tabIndex={0}
        aria-label={`Payload of the ${name}`}
        data-testid="letter-payload"
      >
        {prettyPayload(l.payload)}
        {l.payloadTruncated ? `\n… (cut; ${l.payloadBytes.toLocaleString('en')} bytes in all)` : ''}
      </pre>
      {canHandle && l.status === 'open' && (
        <div className="actions" role="group" aria-label={`Actions for the ${name}`}>
          <button
            type="button"
            className="button button--small"
            onClick={() => onAct({ kind: 'redeliver', target: { ids: [l.id] }, what: 'this message', count: 1, letter: l })}
          >
            Fix and redeliver…
          </button>
          <button
            type="button"
            className="button button--small"
            onClick={() => onAct({ kind: 'discard', target: { ids: [l.id] }, what: 'this message', count: 1 })}
          >
            Discard…
          </button>
        </div>
      )}
    </li>
  );
}

function Counts({ activeReason, onPick }: { activeReason: string; onPick: (reason: string) => void }) {
  const [{ data, error }] = useDeadLetterCounts();
  if (error)
    return (
      <p className="page__error" role="alert">
        Could not load the counts: {errorMessage(error)}
      </p>
    );
  if (!data) return <p role="status">Loading counts…</p>;
  const rows = pivotCounts(data.deadLetterCounts);
  if (rows.length === 0) return null;
  return (
    <div className="table-scroll">
      <table className="table" data-testid="rejected-counts">
        <caption className="visually-hidden">Rejected messages by source and reason</caption>
        <thead>
          <tr>
            <th scope="col">Source</th>
            <th scope="col">Reason</th>
            <th scope="col" className="num">
              Open
            </th>
            <th scope="col" className="num">
              Redelivered
            </th>
            <th scope="col" className="num">
              Discarded
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={`${r.source}/${r.reason}`} aria-current={activeReason === r.reason ? 'true' : undefined}>
              <td>{r.source}</td>
              <td>
                <button type="button" className="link-button" onClick={() => onPick(activeReason === r.reason ? '' : r.reason)}>
                  {reasonLabel(r.reason)}
                  <span className="visually-hidden">
                    {activeReason === r.reason ? ' (shown; show every reason)' : ' (show only these)'}
                  </span>
                </button>
              </td>
              <td className="num">{r.open.toLocaleString('en')}</td>
              <td className="num">{r.redelivered.toLocaleString('en')}</td>
              <td className="num">{r.discarded.toLocaleString('en')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/**
 * Messages Syncline could neither store nor refuse to a waiting sender (MQTT): counts by source and
 * reason, each message with its raw payload, and (deadletters:handle) fix and redeliver, or discard.
 */
export function RejectedMessages({ canHandle }: { canHandle: boolean }) {
  const [params, setParams] = useSearchParams();
  const state = rejectedFromParams(params);
  const set = (changes: Record<string, string | null>) => setParams((current) => withParams(current, changes));
  const [{ data, error, fetching }] = useDeadLetters(state.filter, state.after);
  const [open, setOpen] = useState<Open | null>(null);
  const filterKey = JSON.stringify(state.filter);
  const [done, setDone] = useState<{ key: string; text: string } | null>(null);
  const page = data?.deadLetters;

  return (
    <div className="rejected">
      <p className="muted">
        Messages that could not be stored and had no sender waiting for an answer (MQTT), kept with their raw payload for 90 days.
      </p>
      <Counts activeReason={state.reason} onPick={(reason) => set(rejectedParams(state.status, reason))} />
      <div className="toolbar">
        <div className="toolbar__sort">
          <label htmlFor="rejected-status">Status</label>
          <select id="rejected-status" value={state.status} onChange={(e) => set(rejectedParams(e.target.value, state.reason))}>
            {LETTER_STATUSES.map((s) => (
              <option key={s} value={s}>
                {s[0].toUpperCase() + s.slice(1)}
              </option>
            ))}
            <option value={ANY}>Any status</option>
          </select>
          <label htmlFor="rejected-reason">Reason</label>
          <select id="rejected-reason" value={state.reason} onChange={(e) => set(rejectedParams(state.status, e.target.value))}>
            <option value="">Any reason</option>
            {Object.entries(REASON_LABELS).map(([code, label]) => (
              <option key={code} value={code}>
                {label}
              </option>
            ))}
          </select>
        </div>
        {canHandle && state.status === 'open' && !!page?.totalCount && (
          <div className="actions" role="group" aria-label="Act on every message matching the filter">
            {(['redeliver', 'discard'] as const).map((kind) => (
              <button
                key={kind}
                type="button"
                className="button button--small"
                onClick={() =>
                  setOpen({
                    kind,
                    target: { filter: state.filter },
                    what: `${lettersText(page.totalCount)} matching the filter`,
                    count: page.totalCount,
                  })
                }
              >
                {kind === 'redeliver' ? 'Redeliver' : 'Discard'} all {page.totalCount.toLocaleString('en')}…
              </button>
            ))}
          </div>
        )}
      </div>
      {done?.key === filterKey && (
        <p className="form__ok" role="status" data-testid="rejected-result">
          {done.text}
        </p>
      )}
      {error ? (
        <p className="page__error" role="alert">
          Could not load rejected messages: {errorMessage(error)}
        </p>
      ) : !page ? (
        <p role="status">Loading rejected messages…</p>
      ) : (
        <>
          <p className="muted" role="status" data-testid="rejected-count">
            {lettersText(page.totalCount)}
            {state.after ? ` (a later page, ${LETTERS_PAGE_SIZE} per page)` : ''}
            {fetching ? ' · refreshing…' : ''}
          </p>
          {page.nodes.length === 0 ? (
            <p className="page__empty">No rejected messages match.</p>
          ) : (
            <ul className="letters" data-testid="rejected-list">
              {page.nodes.map((l) => (
                <LetterItem key={l.id} letter={l} canHandle={canHandle} onAct={setOpen} />
              ))}
            </ul>
          )}
          <Pager after={state.after} pageInfo={page.pageInfo} goTo={(cursor) => set({ rafter: cursor })} />
        </>
      )}
      {open &&
        (open.kind === 'redeliver' ? (
          <RedeliverDialog
            {...open}
            onClose={() => setOpen(null)}
            onDone={(text) => {
              setOpen(null);
              setDone({ key: filterKey, text });
            }}
          />
        ) : (
          <DiscardDialog
            {...open}
            onClose={() => setOpen(null)}
            onDone={(text) => {
              setOpen(null);
              setDone({ key: filterKey, text });
            }}
          />
        ))}
    </div>
  );
}
