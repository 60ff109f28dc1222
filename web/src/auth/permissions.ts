import type { Role } from '../gql/graphql';

/**
 * What a person may do, as `me.permissions` lists it. The server decides (its permission matrix,
 * docs/security.md); the dashboard only hides what would be refused anyway.
 */
export type Permission =
  | 'data:view'
  | 'roi:view'
  | 'findings:triage'
  | 'replay:run'
  | 'replay:edit'
  | 'deadletters:handle'
  | 'rules:manage'
  | 'people:manage'
  | 'audit:view'
  | 'system:operate'
  | 'ingest:write'
  | 'self:manage';

/** True when the person holds at least one of `anyOf` (an empty list needs nothing). */
export function holdsAny(permissions: readonly string[], anyOf: readonly Permission[]): boolean {
  return anyOf.length === 0 || anyOf.some((p) => permissions.includes(p));
}

export const ROLE_LABELS: Record<Role, string> = {
  viewer: 'Viewer',
  plant_manager: 'Plant manager',
  it_support: 'IT support',
  executive: 'Executive',
  admin: 'Administrator',
};

/** In the order a person-creating admin thinks of them: least access first. */
export const ROLES: readonly Role[] = ['viewer', 'plant_manager', 'it_support', 'executive', 'admin'];

/** Which plants each role takes, as a hint beside the plants field (the server enforces it). */
export const ROLE_PLANTS_HINT: Record<Role, string> = {
  viewer: 'One or more plant codes, or * for every plant.',
  plant_manager: 'One or more plant codes (not *).',
  it_support: 'One or more plant codes, or * for every plant.',
  executive: 'Sees every plant: leave empty.',
  admin: 'Sees every plant: leave empty.',
};
