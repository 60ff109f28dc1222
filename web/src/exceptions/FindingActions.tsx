import { useId, useState, type FormEvent } from 'react';
import { useModal } from '../app/useModal';
import { FormError, TextField, formErrors } from '../app/form';
import type { FindingTargetInput } from '../gql/graphql';
import { countText } from './finding-format';
import { useFindingAction, type FindingActionKind } from './useFindings';

/** What an action would apply to, as the person is asked about it. */
export interface ActionScope {
  target: FindingTargetInput;
  /** How many findings that is, as far as the page knows (the answer says how many changed). */
  count: number;
  /** Finishes "Resolve …?": "2 selected findings", "412 findings matching this filter", "this finding". */
  what: string;
}

const VERBS: Record<FindingActionKind, { verb: string; done: string }> = {
  acknowledge: { verb: 'Acknowledge', done: 'Acknowledged' },
  assign: { verb: 'Assign', done: 'Assigned' },
  resolve: { verb: 'Resolve', done: 'Resolved' },
  ignore: { verb: 'Ignore', done: 'Ignored' },
};

const KINDS: readonly FindingActionKind[] = ['acknowledge', 'assign', 'resolve', 'ignore'];

/** "Resolved: 412 changed." */
export function doneText(kind: FindingActionKind, changed: number): string {
  return `${VERBS[kind].done}: ${countText(changed)} changed.`;
}

interface ActionDialogProps {
  kind: FindingActionKind;
  scope: ActionScope;
  onClose: () => void;
  onDone: (changed: number) => void;
}

/** Asks before acting, with the count and what the action needs (reason, assignee); server errors beside their field. */
function ActionDialog({ kind, scope, onClose, onDone }: ActionDialogProps) {
  const ref = useModal();
  const titleId = useId();
  const { run, fetching, error } = useFindingAction(kind);
  const [comment, setComment] = useState('');
  const [assignee, setAssignee] = useState('');
  const [reason, setReason] = useState('');
  const errors = formErrors(error, ['comment', 'assignee', 'reason']);
  const { verb } = VERBS[kind];

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const changed = await run({ target: scope.target, comment, assignee, reason });
    if (changed !== undefined) onDone(changed);
  };

  return (
    <dialog ref={ref} className="dialog" aria-labelledby={titleId} onClose={onClose}>
      <form className="form" onSubmit={(e) => void submit(e)} noValidate>
        <h2 id={titleId} className="card__title">
          {verb} {scope.what}?
        </h2>
        <p className="muted">
          Findings that cannot take this step (already resolved, for one) stay as they are; the answer says how many changed.
        </p>
        <FormError>{errors.general}</FormError>
        {kind === 'assign' && (
          <TextField
            label="Assign to"
            name="assignee"
            value={assignee}
            onChange={setAssignee}
            error={errors.of('assignee')}
            hint="A person’s username, or team:<name>"
            placeholder="username or team:name"
            autoComplete="off"
            required
          />
        )}
        {(kind === 'resolve' || kind === 'ignore') && (
          <TextField
            label="Reason"
            name="reason"
            value={reason}
            onChange={setReason}
            error={errors.of('reason')}
            hint="Required: it goes into each finding’s history and the audit trail"
            rows={3}
            required
          />
        )}
        {(kind === 'acknowledge' || kind === 'assign') && (
          <TextField
            label="Comment (optional)"
            name="comment"
            value={comment}
            onChange={setComment}
            error={errors.of('comment')}
            rows={2}
          />
        )}
        <div className="form__actions">
          <button type="submit" className="button button--primary" disabled={fetching}>
            {fetching
              ? 'Working…'
              : `Yes, ${verb.toLowerCase()} ${scope.count === 1 ? '1 finding' : `${countText(scope.count)} findings`}`}
          </button>
          <button type="button" className="button" onClick={() => ref.current?.close()}>
            Cancel
          </button>
        </div>
      </form>
    </dialog>
  );
}

interface FindingActionsProps {
  scope: ActionScope;
  /** Said after each button's name for screen readers, where several rows have the same buttons. */
  context?: string;
  disabled?: boolean;
  onDone: (message: string, kind: FindingActionKind, changed: number) => void;
}

/** Acknowledge, assign, resolve and ignore for one scope, each confirmed in a dialog first (findings:triage). */
export function FindingActions({ scope, context, disabled, onDone }: FindingActionsProps) {
  const [open, setOpen] = useState<FindingActionKind | null>(null);
  return (
    <div className="actions" role="group" aria-label={context ? `Actions for ${context}` : 'Actions'}>
      {KINDS.map((kind) => (
        <button
          key={kind}
          type="button"
          className="button button--small"
          disabled={disabled || scope.count === 0}
          onClick={() => setOpen(kind)}
        >
          {VERBS[kind].verb}…{context && <span className="visually-hidden"> {context}</span>}
        </button>
      ))}
      {open && (
        <ActionDialog
          key={open}
          kind={open}
          scope={scope}
          onClose={() => setOpen(null)}
          onDone={(changed) => {
            setOpen(null);
            onDone(doneText(open, changed), open, changed);
          }}
        />
      )}
    </div>
  );
}
