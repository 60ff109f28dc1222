import { ForbiddenException, Injectable, UnauthorizedException, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { IS_PUBLIC, REQUIRED_PERMISSION } from '../common/access/access.decorators';
import { requestOf } from '../common/access/request-of';
import type { Permission } from '../domain/permissions';
import { actorOf, AuditService } from '../audit/audit.service';

/**
 * Global guard, denied by default: a handler runs only when it is @Public() or the caller (set by
 * AuthMiddleware) holds the permission it declares. Denied mutations and REST writes are audited.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly audit: AuditService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    const permission = this.reflector.getAllAndOverride<Permission | undefined>(REQUIRED_PERMISSION, targets);
    const req = requestOf(context);
    const principal = req.principal;
    if (!principal) {
      throw new UnauthorizedException(
        req.credentialProblem
          ? `Invalid credentials: ${req.credentialProblem}`
          : 'Missing credentials: sign in, or send "Authorization: Bearer <session token, API key or admin token>"',
      );
    }
    if (permission && principal.permissions.has(permission)) return true;
    const operation = this.operation(context);
    if (operation) {
      await this.audit.record(actorOf(principal), {
        operation: operation.name,
        outcome: 'denied',
        error: `needs ${permission ?? 'a declared permission'}`,
        clientAddress: req.ip,
        requestId: req.requestId,
      });
    }
    throw new ForbiddenException(
      principal.kind === 'api_key'
        ? 'API keys may only send data; this operation needs a person or the admin token'
        : `Your role (${principal.role}) may not do this: it needs the "${permission}" permission`,
    );
  }

  /** The change that was attempted: a mutation field, or a REST method other than GET. */
  private operation(context: ExecutionContext): { name: string } | undefined {
    if (context.getType<string>() === 'graphql') {
      const info = GqlExecutionContext.create(context).getInfo<GraphQLResolveInfo>();
      return info.parentType.name === 'Mutation' ? { name: info.fieldName } : undefined;
    }
    const req = requestOf(context);
    return req.method && req.method !== 'GET' && req.method !== 'HEAD' ? { name: `${req.method} ${req.path}` } : undefined;
  }
}
