import { lazy, type ComponentType } from 'react';
import { createBrowserRouter } from 'react-router';
import { SessionGate } from '../auth/SessionGate';
import { HomeRedirect } from './HomeRedirect';
import { accessTo } from './nav';
import { NotFoundPage } from './NotFoundPage';
import { RequireAccess } from './RequireAccess';

// Pages load when first opened, so the first load carries only the shell and the sign-in page
// (the chart library, for one, comes with Sync lag).
const page = <M,>(load: () => Promise<M>, pick: (m: M) => ComponentType) => lazy(async () => ({ default: pick(await load()) }));

const SyncLagPage = page(
  () => import('../sync-lag/SyncLagPage'),
  (m) => m.SyncLagPage,
);
const ExceptionsPage = page(
  () => import('../exceptions/ExceptionsPage'),
  (m) => m.ExceptionsPage,
);
const TracesPage = page(
  () => import('../traces/TracesPage'),
  (m) => m.TracesPage,
);
const TracePage = page(
  () => import('../traces/TracePage'),
  (m) => m.TracePage,
);
const ReplaysPage = page(
  () => import('../replay/ReplaysPage'),
  (m) => m.ReplaysPage,
);
const ReplayTargetsPage = page(
  () => import('../replay/ReplayTargetsPage'),
  (m) => m.ReplayTargetsPage,
);
const AlertsPage = page(
  () => import('../alerts/AlertsPage'),
  (m) => m.AlertsPage,
);
const FlowRulesPage = page(
  () => import('../settings/FlowRulesPage'),
  (m) => m.FlowRulesPage,
);
const MasterDataPage = page(
  () => import('../settings/MasterDataPage'),
  (m) => m.MasterDataPage,
);
const CalendarsPage = page(
  () => import('../settings/CalendarsPage'),
  (m) => m.CalendarsPage,
);
const ApiKeysPage = page(
  () => import('../settings/ApiKeysPage'),
  (m) => m.ApiKeysPage,
);
const RoiSettingsPage = page(
  () => import('../settings/RoiSettingsPage'),
  (m) => m.RoiSettingsPage,
);
const RoiPage = page(
  () => import('../roi/RoiPage'),
  (m) => m.RoiPage,
);
const SettingsLayout = page(
  () => import('../settings/SettingsLayout'),
  (m) => m.SettingsLayout,
);
const SettingsIndex = page(
  () => import('../settings/SettingsIndex'),
  (m) => m.SettingsIndex,
);
const PeoplePage = page(
  () => import('../people/PeoplePage'),
  (m) => m.PeoplePage,
);
const AuditPage = page(
  () => import('../audit/AuditPage'),
  (m) => m.AuditPage,
);
const AccountPage = page(
  () => import('../account/AccountPage'),
  (m) => m.AccountPage,
);

function guarded(path: string, Page: ComponentType) {
  return (
    <RequireAccess anyOf={accessTo(path)}>
      <Page />
    </RequireAccess>
  );
}

export const router = createBrowserRouter([
  {
    path: '/',
    element: <SessionGate />,
    children: [
      { index: true, element: <HomeRedirect /> },
      { path: 'sync-lag', element: guarded('/sync-lag', SyncLagPage) },
      { path: 'exceptions', element: guarded('/exceptions', ExceptionsPage) },
      { path: 'traces', element: guarded('/traces', TracesPage) },
      { path: 'traces/:correlationId', element: guarded('/traces', TracePage) },
      { path: 'replays', element: guarded('/replays', ReplaysPage) },
      { path: 'roi', element: guarded('/roi', RoiPage) },
      {
        path: 'settings',
        element: guarded('/settings', SettingsLayout),
        children: [
          { index: true, element: <SettingsIndex /> },
          { path: 'people', element: guarded('/settings/people', PeoplePage) },
          { path: 'audit', element: guarded('/settings/audit', AuditPage) },
          { path: 'flows', element: guarded('/settings/flows', FlowRulesPage) },
          { path: 'units', element: guarded('/settings/units', MasterDataPage) },
          { path: 'calendars', element: guarded('/settings/calendars', CalendarsPage) },
          { path: 'replay-targets', element: guarded('/settings/replay-targets', ReplayTargetsPage) },
          { path: 'alerts', element: guarded('/settings/alerts', AlertsPage) },
          { path: 'roi', element: guarded('/settings/roi', RoiSettingsPage) },
          { path: 'api-keys', element: guarded('/settings/api-keys', ApiKeysPage) },
        ],
      },
      { path: 'account', element: <AccountPage /> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
