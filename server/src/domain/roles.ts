/** The people who use Syncline (../shared/product.md, "People and what they may do"). */
export const ROLES = ['viewer', 'plant_manager', 'it_support', 'executive', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/**
 * How a role's plants are given: `listed` roles must name at least one plant; `listed_or_all` may
 * name plants or `*` (every plant); `all` roles always see every plant and take no list.
 */
export const ROLE_PLANT_SCOPE: Record<Role, 'listed' | 'listed_or_all' | 'all'> = {
  viewer: 'listed_or_all',
  plant_manager: 'listed',
  it_support: 'listed_or_all',
  executive: 'all',
  admin: 'all',
};

/** Where each role lands after sign-in (the dashboard's route). */
export const ROLE_HOME: Record<Role, string> = {
  viewer: '/sync-lag',
  plant_manager: '/sync-lag',
  it_support: '/exceptions',
  executive: '/roi',
  admin: '/sync-lag',
};

/** A plant code, as ingest accepts it in API key scopes and records. */
export const PLANT_CODE = /^[A-Za-z0-9_.-]{1,64}$/;
