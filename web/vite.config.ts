import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The API server owns these paths; in dev we proxy them so the browser sees one origin
// (no CORS setup needed) just like behind the production reverse proxy.
const API_TARGET = 'http://127.0.0.1:3000';
const proxiedPaths = ['/graphql', '/health', '/ready', '/metrics', '/api', '/v1'] as const;

export default defineConfig({
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // dist/.vite/manifest.json: scripts/first-load.mjs adds up each home page's first load from it.
    manifest: true,
  },
  server: {
    proxy: Object.fromEntries(proxiedPaths.map((path) => [path, { target: API_TARGET, changeOrigin: true }])),
  },
});
