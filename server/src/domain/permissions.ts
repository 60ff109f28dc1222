import type { Role } from './roles';

/**
 * The operations a person or machine may be allowed, each separate so that a new role is a new row
 * of ROLE_PERMISSIONS, never new code. docs/security.md prints this matrix; a unit test holds the
 * two equal.
 */
export const PERMISSIONS = {
  'data:view': 'see sync lag, findings and traces of the plants in scope',
  'roi:view': 'see ROI and business KPIs of the plants in scope',
  'findings:triage': 'acknowledge, assign, comment on, resolve and ignore findings',
  'replay:run': 'replay failed or missing messages',
  'replay:edit': 'edit a payload before replaying it',
  'deadletters:handle': 'fix and redeliver or discard rejected messages',
  'rules:manage': 'change flow rules, units, material costs, calendars, replay targets and alerts',
  'people:manage': 'create and change people, reset passwords, manage API keys',
  'audit:view': 'read the audit trail',
  'system:operate': 'run operational actions (queue checks, on-demand reconciliation)',
  'ingest:write': 'send hops, device events and ERP postings to the ingest API',
  'self:manage': 'see who one is, sign out, change one\u2019s own password',
} as const;
export type Permission = keyof typeof PERMISSIONS;
export const ALL_PERMISSIONS = Object.keys(PERMISSIONS) as Permission[];

const SIGNED_IN: Permission[] = ['self:manage', 'data:view'];

/** Role x operation. Anything not listed is denied. */
export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  viewer: [...SIGNED_IN],
  plant_manager: [...SIGNED_IN, 'roi:view'],
  it_support: [...SIGNED_IN, 'findings:triage', 'replay:run', 'replay:edit', 'deadletters:handle'],
  executive: [...SIGNED_IN, 'roi:view'],
  admin: [
    ...SIGNED_IN,
    'roi:view',
    'findings:triage',
    'replay:run',
    'replay:edit',
    'deadletters:handle',
    'rules:manage',
    'people:manage',
    'audit:view',
    'system:operate',
    'ingest:write',
  ],
};

export function roleAllows(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission);
}
