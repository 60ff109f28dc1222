import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { requestOf } from '../common/access/request-of';

/**
 * What a mutation tells the audit trail about itself: the target it changed and its state before
 * and after. The audit interceptor writes it with the outcome once the mutation has finished.
 */
export class AuditNote {
  targetType = '';
  targetId = '';
  before: unknown = undefined;
  after: unknown = undefined;
  plants: string[] = [];
  /** For sign-in, where the actor is who tried, not who is signed in. */
  actor?: { kind: string; id: string; role: string };

  target(type: string, id: string): this {
    this.targetType = type;
    this.targetId = id;
    return this;
  }
}

type NotedRequest = { auditNotes?: Map<string, AuditNote> };

/** The note of one mutation field (a GraphQL request may carry several mutations). */
export function auditNoteFor(req: NotedRequest, path: string): AuditNote {
  req.auditNotes ??= new Map();
  let note = req.auditNotes.get(path);
  if (!note) {
    note = new AuditNote();
    req.auditNotes.set(path, note);
  }
  return note;
}

/** Injects the AuditNote of the running mutation into a resolver. */
export const Audit = createParamDecorator((_data: unknown, context: ExecutionContext): AuditNote => {
  const info = context.getArgByIndex<{ path?: { key: string | number } } | undefined>(3);
  return auditNoteFor(requestOf(context) as NotedRequest, String(info?.path?.key ?? 'http'));
});
