// `npm start` (and `npm run demo`): builds the server and the dashboard when their sources are newer
// than the build, then runs the server in this same process (so stopping or killing `npm start`
// stops Syncline, and the embedded ClickHouse engine follows it).
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildServer, buildWeb, root } from './build-if-stale.mjs';

buildWeb();
buildServer();
await import(pathToFileURL(path.join(root, 'server/dist/main.js')).href);
