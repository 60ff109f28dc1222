import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
// The /dom entry wires React DOM's flushSync into the router; the plain
// 'react-router' RouterProvider is renderer-agnostic.
import { RouterProvider } from 'react-router/dom';
import { router } from './app/routes';
import { SessionProvider } from './auth/SessionProvider';
import './app/app.css';

const container = document.getElementById('root');
if (!container) {
  throw new Error('index.html is missing the #root element');
}

createRoot(container).render(
  <StrictMode>
    <SessionProvider>
      <RouterProvider router={router} />
    </SessionProvider>
  </StrictMode>,
);
