import type { Permission } from './permissions';
import type { PlantScope } from './plant-scope';
import type { Role } from './roles';
import type { RecordKind } from './vocabulary';

interface PrincipalBase {
  /** Stable id for the audit trail: the username, `admin-token`, or the API key id. */
  id: string;
  /** Shown in the audit trail and the header. */
  name: string;
  permissions: ReadonlySet<Permission>;
  scope: PlantScope;
}

/** Who is calling: a signed-in person, automation holding the admin token, or a machine's API key. */
export type Principal =
  | (PrincipalBase & { kind: 'user'; role: Role; sessionId: string; via: 'bearer' | 'cookie' })
  | (PrincipalBase & { kind: 'admin_token'; role: 'admin' })
  | (PrincipalBase & {
      kind: 'api_key';
      role: null;
      kinds: ReadonlySet<RecordKind>;
      rateLimitPerMinute: number;
    });

/** What the HTTP layer hands to guards and resolvers. */
export interface RequestWithPrincipal {
  headers: Record<string, string | string[] | undefined>;
  method?: string;
  ip?: string;
  principal?: Principal;
  /** Why credentials that were sent were not accepted (for the 401 message). */
  credentialProblem?: string;
  requestId?: string;
}
