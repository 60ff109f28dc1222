import { Inject, Injectable } from '@nestjs/common';
import { parse as parseCookie } from 'cookie';
import { ALL_PERMISSIONS, ROLE_PERMISSIONS } from '../domain/permissions';
import { PlantScope } from '../domain/plant-scope';
import type { Principal, RequestWithPrincipal } from '../domain/principal';
import { ROLE_PLANT_SCOPE } from '../domain/roles';
import { secretsEqual } from './admin-token';
import { ApiKeysService } from './api-keys/api-keys.service';
import { ADMIN_TOKEN } from './auth.tokens';
import { SESSION_COOKIE } from './sessions/session-cookie';
import { SessionsService, type ActiveSession } from './sessions/sessions.service';
import type { UserSnapshot } from './users/user.record';

const BEARER = /^Bearer\s+(\S+)$/i;

/**
 * Turns the credentials of a request into a Principal: `Authorization: Bearer` with a session token,
 * an API key or the admin token; or the browser's session cookie. Cookies are taken only where a
 * cross-site request cannot act with them: GraphQL (Apollo's CSRF prevention) and GET requests.
 */
@Injectable()
export class Authenticator {
  constructor(
    @Inject(ADMIN_TOKEN) private readonly adminToken: string,
    private readonly apiKeys: ApiKeysService,
    private readonly sessions: SessionsService,
  ) {}

  /** Sets req.principal, or req.credentialProblem when credentials were sent but are not valid. */
  async authenticate(req: RequestWithPrincipal & { path?: string; originalUrl?: string }): Promise<void> {
    const header = req.headers['authorization'];
    const value = Array.isArray(header) ? header[0] : header;
    if (value) {
      const m = BEARER.exec(value);
      if (!m) {
        req.credentialProblem = 'the Authorization header must be "Bearer <token>"';
        return;
      }
      req.principal = await this.fromBearer(m[1]);
      if (!req.principal) req.credentialProblem = 'the token is not recognised, has expired or was revoked';
      return;
    }
    const token = this.sessionCookie(req);
    if (!token) return;
    const path = (req.originalUrl ?? req.path ?? '').split('?')[0];
    if (!(path === '/graphql' || req.method === 'GET' || req.method === 'HEAD')) return;
    const session = await this.sessions.authenticate(token);
    if (session) req.principal = userPrincipal(session, 'cookie');
    else req.credentialProblem = 'the session has expired or was ended; sign in again';
  }

  sessionCookie(req: RequestWithPrincipal): string | undefined {
    const raw = req.headers['cookie'];
    const text = Array.isArray(raw) ? raw.join('; ') : raw;
    return text ? parseCookie(text)[SESSION_COOKIE] : undefined;
  }

  private async fromBearer(token: string): Promise<Principal | undefined> {
    if (token.startsWith('sl_') && !token.startsWith('sl_admin_')) return this.apiKeys.authenticate(token);
    if (secretsEqual(token, this.adminToken)) return adminTokenPrincipal();
    if (SessionsService.looksLikeSession(token)) {
      const session = await this.sessions.authenticate(token);
      return session ? userPrincipal(session, 'bearer') : undefined;
    }
    return undefined;
  }
}

export function adminTokenPrincipal(): Principal {
  return {
    kind: 'admin_token',
    id: 'admin-token',
    name: 'admin token',
    role: 'admin',
    permissions: new Set(ALL_PERMISSIONS),
    scope: PlantScope.all(),
  };
}

export function userPrincipal(session: ActiveSession, via: 'bearer' | 'cookie'): Principal {
  const { user } = session;
  return {
    kind: 'user',
    id: user.username,
    name: user.displayName || user.username,
    role: user.role,
    permissions: new Set(ROLE_PERMISSIONS[user.role]),
    scope: scopeOf(user),
    sessionId: session.id,
    via,
  };
}

export function scopeOf(user: Pick<UserSnapshot, 'role' | 'plants'>): PlantScope {
  return ROLE_PLANT_SCOPE[user.role] === 'all' ? PlantScope.all() : PlantScope.of(user.plants);
}
