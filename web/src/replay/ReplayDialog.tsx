import { useEffect, useId, useState, type FormEvent } from 'react';
import { useModal } from '../app/useModal';
import { Link } from 'react-router';
import { FormError, TextField, formErrors } from '../app/form';
import { countText } from '../exceptions/finding-format';
import type { ReplayPlanFragment } from '../gql/graphql';
import { payloadProblem, skipText } from './replay-format';
import { useReplayRequest, type ReplaySource } from './useReplay';
import '../exceptions/exceptions.css';
import './replay.css';

type Plan = ReplayPlanFragment;

interface ReplayDialogProps {
  source: ReplaySource;
  /** Finishes "Replay …?": "this finding", "3 selected findings", "this message". */
  what: string;
  /** Offers the payload editor (one message, and the person holds replay:edit). */
  canEdit?: boolean;
  onClose: () => void;
  onDone: (message: string) => void;
}

/**
 * Replay, dry run first: the dialog opens with what would be sent (where, with which idempotency key)
 * and what would be skipped and why; the person gives a reason and confirms with the count.
 */
export function ReplayDialog({ source, what, canEdit, onClose, onDone }: ReplayDialogProps) {
  const ref = useModal();
  const titleId = useId();
  const { run, fetching, error } = useReplayRequest(source);
  const [plan, setPlan] = useState<Plan | undefined>();
  const [reason, setReason] = useState('');
  const [editing, setEditing] = useState(false);
  const [payload, setPayload] = useState('');
  const errors = formErrors(error, ['reason', 'payload']);
  const badPayload = editing ? payloadProblem(payload) : '';

  useEffect(() => {
    void run(true, '').then((p) => {
      setPlan(p);
      const first = p?.items.find((i) => i.payload);
      if (first) setPayload(prettyJson(first.payload));
    });
    // The dry run runs once, when the dialog opens.
  }, []);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (badPayload) return;
    const result = await run(false, reason, editing ? payload : undefined);
    if (!result) return;
    onDone(
      result.toSend === 0
        ? `Nothing was sent: ${countText(result.skipped)} skipped.`
        : `Replay started: ${countText(result.toSend)} to send${result.skipped ? `, ${countText(result.skipped)} skipped` : ''}.`,
    );
  };

  const toSend = plan?.items.filter((i) => i.send) ?? [];
  const skipped = plan?.items.filter((i) => !i.send) ?? [];
  return (
    <dialog ref={ref} className="dialog dialog--wide" aria-labelledby={titleId} onClose={onClose}>
      <form className="form" onSubmit={(e) => void submit(e)} noValidate>
        <h2 id={titleId} className="card__title">
          Replay {what}?
        </h2>
        <FormError>{errors.general}</FormError>
        {!plan && !error && <p role="status">Dry run: looking at what would be sent…</p>}
        {plan && (
          <>
            <p role="status" data-testid="replay-plan">
              Dry run: <strong>{countText(plan.toSend)}</strong> {plan.toSend === 1 ? 'message' : 'messages'} would be sent,{' '}
              <strong>{countText(plan.skipped)}</strong> skipped.
            </p>
            {toSend.length > 0 && (
              <table className="table table--compact" aria-label="Would be sent">
                <thead>
                  <tr>
                    <th scope="col">Message</th>
                    <th scope="col">Idempotency key</th>
                    <th scope="col">To</th>
                  </tr>
                </thead>
                <tbody>
                  {toSend.slice(0, 50).map((i) => (
                    <tr key={i.correlationId}>
                      <td>
                        <Link to={`/traces/${encodeURIComponent(i.correlationId)}`}>{i.correlationId}</Link>
                      </td>
                      <td>{i.idempotencyKey}</td>
                      <td>{i.targetUrl}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
            {toSend.length > 50 && <p className="muted">and {countText(toSend.length - 50)} more.</p>}
            {skipped.length > 0 && (
              <table className="table table--compact" aria-label="Would be skipped">
                <thead>
                  <tr>
                    <th scope="col">Skipped</th>
                    <th scope="col">Why</th>
                  </tr>
                </thead>
                <tbody>
                  {skipped.slice(0, 50).map((i, n) => (
                    <tr key={`${i.findingId}-${i.correlationId}-${n}`}>
                      <td>{i.correlationId || i.businessKey || i.findingId}</td>
                      <td>
                        {skipText(i.skip)}: {i.reason}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
            {canEdit && toSend.length === 1 && (
              <label className="checkbox">
                <input type="checkbox" checked={editing} onChange={(e) => setEditing(e.target.checked)} /> Edit the payload before
                sending
              </label>
            )}
            {editing && (
              <TextField
                label="Payload (JSON)"
                name="payload"
                value={payload}
                onChange={setPayload}
                error={badPayload || errors.of('payload')}
                hint="Both the original and your edit are kept; the edit is in the audit trail. The idempotency key stays the same."
                rows={10}
                spellCheck={false}
              />
            )}
            {plan.toSend > 0 && (
              <TextField
                label="Reason"
                name="reason"
                value={reason}
                onChange={setReason}
                error={errors.of('reason')}
                hint="Goes into the audit trail and each finding’s history"
                rows={2}
              />
            )}
          </>
        )}
        <div className="form__actions">
          {plan && plan.toSend > 0 && (
            <button type="submit" className="button button--primary" disabled={fetching || !!badPayload}>
              {fetching ? 'Working…' : `Yes, replay ${plan.toSend === 1 ? '1 message' : `${countText(plan.toSend)} messages`}`}
            </button>
          )}
          <button type="button" className="button" onClick={() => ref.current?.close()}>
            {plan && plan.toSend === 0 ? 'Close' : 'Cancel'}
          </button>
        </div>
      </form>
    </dialog>
  );
}

function prettyJson(text: string): string {
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
}

interface ReplayButtonProps {
  source: ReplaySource;
  what: string;
  count?: number;
  canEdit?: boolean;
  label?: string;
  onDone: (message: string) => void;
}

/** A "Replay…" button that opens the dry run. */
export function ReplayButton({ source, what, count, canEdit, label = 'Replay…', onDone }: ReplayButtonProps) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" className="button button--small" disabled={count === 0} onClick={() => setOpen(true)}>
        {label}
      </button>
      {open && (
        <ReplayDialog
          source={source}
          what={what}
          canEdit={canEdit}
          onClose={() => setOpen(false)}
          onDone={(message) => {
            setOpen(false);
            onDone(message);
          }}
        />
      )}
    </>
  );
}
