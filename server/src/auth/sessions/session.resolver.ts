import { Inject } from '@nestjs/common';
import { Args, Context, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { Request, Response } from 'express';
import { GraphQLError } from 'graphql';
import { CurrentPrincipal, Public, RequirePermission } from '../../common/access/access.decorators';
import { InputError } from '../../common/errors/input-error';
import { APP_CONFIG } from '../../config/config.module';
import type { AppConfig } from '../../config/config';
import type { Principal } from '../../domain/principal';
import { ROLE_HOME } from '../../domain/roles';
import { Audit, type AuditNote } from '../../audit/audit-note';
import { Authenticator } from '../authenticator.service';
import { verifyAgainstDecoy, verifyPassword } from '../users/password';
import { toSnapshot } from '../users/user.record';
import { LoginResult, Me, toUser } from '../users/user.types';
import { UsersService } from '../users/users.service';
import { clearSessionCookie, setSessionCookie } from './session-cookie';
import { SessionsService } from './sessions.service';
import { SignInLimiter, SignInThrottled } from './sign-in-limiter.service';

const SIGN_IN_FAILED = 'Sign-in failed: the username or password is wrong, or the account is disabled';

type Ctx = { req: Request & { ip?: string }; res: Response };

@Resolver()
export class SessionResolver {
  constructor(
    private readonly users: UsersService,
    private readonly sessions: SessionsService,
    private readonly limiter: SignInLimiter,
    private readonly authenticator: Authenticator,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Mutation(() => LoginResult, { description: 'Signs in. Scripts use the token; browsers also get an HttpOnly session cookie.' })
  @Public()
  async login(
    @Args('username') username: string,
    @Args('password') password: string,
    @Context() { req, res }: Ctx,
    @Audit() audit: AuditNote,
  ): Promise<LoginResult> {
    const name = username.trim().toLowerCase();
    const address = req.ip ?? '';
    audit.target('session', name);
    audit.actor = { kind: 'user', id: name.slice(0, 256), role: '' };
    try {
      await this.limiter.check(name, address);
    } catch (err) {
      if (err instanceof SignInThrottled) {
        throw new GraphQLError(err.message, { extensions: { code: 'RATE_LIMITED', retryAfterSeconds: err.retryAfterSeconds } });
      }
      throw err;
    }
    const record = name.length <= 64 ? await this.users.get(name) : undefined;
    const ok = record ? await verifyPassword(record.password_hash, password) : await verifyAgainstDecoy(password);
    if (!record || !ok || record.disabled) {
      await this.limiter.failed(name, address);
      throw new GraphQLError(SIGN_IN_FAILED, { extensions: { code: 'UNAUTHENTICATED' } });
    }
    await this.limiter.succeeded(name);
    audit.actor.role = record.role;
    const session = await this.sessions.issue(toSnapshot(record), address);
    setSessionCookie(req, res, session.token, session.absoluteExpiresAt, this.config);
    return { token: session.token, expiresAt: new Date(session.expiresAt).toISOString(), user: toUser(record) };
  }

  @Mutation(() => Boolean, { description: 'Ends this session on the server (the token and the cookie stop working everywhere).' })
  @RequirePermission('self:manage')
  async logout(
    @Context() { req, res }: Ctx,
    @CurrentPrincipal() principal: Principal,
    @Audit() audit: AuditNote,
  ): Promise<boolean> {
    audit.target('session', principal.id);
    const token = this.sessionToken(req);
    if (token) await this.sessions.revoke(token);
    clearSessionCookie(req, res, this.config);
    return true;
  }

  @Query(() => Me, { description: 'Who is asking, their role, plants and permissions.' })
  @RequirePermission('self:manage')
  me(@CurrentPrincipal() principal: Principal): Me {
    const role = principal.role ?? 'viewer';
    return {
      username: principal.id,
      displayName: principal.name,
      kind: principal.kind,
      role,
      plants: [...(principal.scope.list ?? ['*'])],
      permissions: [...principal.permissions].sort(),
      home: ROLE_HOME[role],
    };
  }

  @Mutation(() => Boolean, { description: 'Changes one\u2019s own password; every other session of the person ends.' })
  @RequirePermission('self:manage')
  async changePassword(
    @Args('currentPassword') currentPassword: string,
    @Args('newPassword') newPassword: string,
    @Context() { req }: Ctx,
    @CurrentPrincipal() principal: Principal,
    @Audit() audit: AuditNote,
  ): Promise<boolean> {
    if (principal.kind !== 'user') throw new InputError('Only a signed-in person has a password to change', 'currentPassword');
    audit.target('user', principal.id);
    const record = await this.users.get(principal.id);
    if (!record || !(await verifyPassword(record.password_hash, currentPassword))) {
      throw new InputError('currentPassword is not your current password', 'currentPassword');
    }
    const { after } = await this.users.setPassword(principal.id, newPassword, principal.id);
    const token = this.sessionToken(req);
    if (token) await this.sessions.adoptPasswordVersion(token, Number(after.password_version));
    return true;
  }

  private sessionToken(req: Request): string | undefined {
    const header = req.headers.authorization;
    const bearer = header ? /^Bearer\s+(\S+)$/i.exec(header)?.[1] : undefined;
    if (bearer && SessionsService.looksLikeSession(bearer)) return bearer;
    return this.authenticator.sessionCookie(req);
  }
}
