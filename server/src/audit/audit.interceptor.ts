import { HttpException, Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { from, lastValueFrom, type Observable } from 'rxjs';
import { requestOf } from '../common/access/request-of';
import { auditNoteFor, type AuditNote } from './audit-note';
import { actorOf, AuditService, type AuditOutcome } from './audit.service';
import { redactText } from './redact';

/**
 * Every GraphQL mutation writes exactly one audit record once it has finished: `success` only when
 * it returned, `failure` (with the error) when it threw. A mutation whose record cannot be written
 * fails: a change nobody can account for is not reported as done.
 */
@Injectable()
export class AuditInterceptor implements NestInterceptor {
  constructor(private readonly audit: AuditService) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType<string>() !== 'graphql') return next.handle();
    const info = GqlExecutionContext.create(context).getInfo<GraphQLResolveInfo>();
    if (info.parentType.name !== 'Mutation') return next.handle();
    const req = requestOf(context);
    const write = (outcome: AuditOutcome, error?: string) => {
      const note = auditNoteFor(req as { auditNotes?: Map<string, AuditNote> }, String(info.path.key));
      return this.audit.record(note.actor ?? actorOf(req.principal), {
        operation: info.fieldName,
        outcome,
        targetType: note.targetType,
        targetId: note.targetId,
        before: note.before,
        after: note.after,
        plants: note.plants,
        error,
        clientAddress: req.ip,
        requestId: req.requestId,
      });
    };
    return from(
      (async () => {
        let result: unknown;
        try {
          result = await lastValueFrom(next.handle(), { defaultValue: undefined });
        } catch (err) {
          const denied = err instanceof HttpException && err.getStatus() === 403;
          // Messages should never quote a secret; should one slip through, it is scrubbed here (redactText).
          await write(denied ? 'denied' : 'failure', redactText(err instanceof Error ? err.message : String(err)));
          throw err;
        }
        await write('success');
        return result;
      })(),
    );
  }
}
