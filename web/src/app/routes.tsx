import { createBrowserRouter, Navigate } from 'react-router';
import { App } from './App';
import { DEFAULT_PATH } from './nav';
import { NotFoundPage } from './NotFoundPage';
import { SyncLagPage } from '../sync-lag/SyncLagPage';
import { ExceptionsPage } from '../exceptions/ExceptionsPage';
import { TracesPage } from '../traces/TracesPage';
import { RoiPage } from '../roi/RoiPage';
import { SettingsPage } from '../settings/SettingsPage';

export const router = createBrowserRouter([
  {
    path: '/',
    element: <App />,
    children: [
      // `replace` so Back does not bounce the user between / and /sync-lag.
      { index: true, element: <Navigate to={DEFAULT_PATH} replace /> },
      { path: 'sync-lag', element: <SyncLagPage /> },
      { path: 'exceptions', element: <ExceptionsPage /> },
      { path: 'traces', element: <TracesPage /> },
      { path: 'roi', element: <RoiPage /> },
      { path: 'settings', element: <SettingsPage /> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
