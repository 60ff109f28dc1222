// Single source for the sidebar so nav labels and route paths cannot drift apart.
export interface NavItem {
  path: string;
  label: string;
}

export const NAV_ITEMS: readonly NavItem[] = [
  { path: '/sync-lag', label: 'Sync lag' },
  { path: '/exceptions', label: 'Exceptions' },
  { path: '/traces', label: 'Traces' },
  { path: '/roi', label: 'ROI' },
  { path: '/settings', label: 'Settings' },
];

export const DEFAULT_PATH = '/sync-lag';
