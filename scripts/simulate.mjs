// `npm run simulate -- --days 30 --seed 7`: backfills simulated plant history into ClickHouse.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { buildServer, root } from './build-if-stale.mjs';

buildServer();
const r = spawnSync(process.execPath, [path.join(root, 'server/dist/demo/simulate.command.js'), ...process.argv.slice(2)], {
  stdio: 'inherit',
});
process.exit(r.status ?? 1);
