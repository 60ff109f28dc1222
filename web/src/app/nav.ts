import type { Permission } from '../auth/permissions';

// Single source for the navigation and the routes' access rules, so a link is shown exactly
// where its page would open.
export interface NavItem {
  path: string;
  label: string;
  /** Shown to a person holding any of these. */
  anyOf: readonly Permission[];
}

export const NAV_ITEMS: readonly NavItem[] = [
  { path: '/sync-lag', label: 'Sync lag', anyOf: ['data:view'] },
  { path: '/exceptions', label: 'Exceptions', anyOf: ['data:view'] },
  { path: '/traces', label: 'Traces', anyOf: ['data:view'] },
  { path: '/replays', label: 'Replays', anyOf: ['replay:run'] },
  { path: '/roi', label: 'ROI', anyOf: ['roi:view'] },
  { path: '/settings', label: 'Settings', anyOf: ['people:manage', 'audit:view', 'rules:manage', 'findings:triage'] },
];

export const SETTINGS_ITEMS: readonly NavItem[] = [
  { path: '/settings/people', label: 'People', anyOf: ['people:manage'] },
  { path: '/settings/audit', label: 'Audit', anyOf: ['audit:view'] },
  { path: '/settings/flows', label: 'Flows and rules', anyOf: ['rules:manage'] },
  { path: '/settings/units', label: 'Units and costs', anyOf: ['rules:manage'] },
  { path: '/settings/calendars', label: 'Calendars', anyOf: ['rules:manage'] },
  { path: '/settings/replay-targets', label: 'Replay targets', anyOf: ['rules:manage'] },
  { path: '/settings/alerts', label: 'Alerts', anyOf: ['rules:manage', 'findings:triage'] },
  { path: '/settings/roi', label: 'ROI assumptions', anyOf: ['rules:manage'] },
  { path: '/settings/api-keys', label: 'API keys', anyOf: ['people:manage'] },
];

export function accessTo(path: string): readonly Permission[] {
  const item = [...NAV_ITEMS, ...SETTINGS_ITEMS].find((i) => i.path === path);
  if (!item) throw new Error(`No navigation entry for ${path}`);
  return item.anyOf;
}
