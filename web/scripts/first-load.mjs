// After `vite build`: the JavaScript each role's first page loads (the shell, plus its home page and
// what that imports), gzipped, from the build's manifest. Fails the build above the budget (issue 14:
// 350 KB), so a change that pulls chart code into the first load is caught where it is made.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

const BUDGET_KB = 350;
const dist = path.resolve(import.meta.dirname, '../dist');
const manifest = JSON.parse(readFileSync(path.join(dist, '.vite/manifest.json'), 'utf8'));
const HOMES = {
  'sign-in': [],
  'Sync lag (viewer, plant manager, admin)': ['src/sync-lag/SyncLagPage.tsx'],
  'Exceptions (IT support)': ['src/exceptions/ExceptionsPage.tsx'],
  'ROI (executive)': ['src/roi/RoiPage.tsx'],
};

/** A chunk and every chunk it imports statically. */
function closure(key, seen = new Set()) {
  if (seen.has(key)) return seen;
  seen.add(key);
  for (const dep of manifest[key].imports ?? []) closure(dep, seen);
  return seen;
}
const gz = (file) => gzipSync(readFileSync(path.join(dist, file)), { level: 9 }).length / 1024;

let worst = 0;
for (const [home, pages] of Object.entries(HOMES)) {
  const keys = new Set();
  for (const k of ['index.html', ...pages]) for (const c of closure(k)) keys.add(c);
  const kb = [...keys].reduce((n, k) => n + gz(manifest[k].file), 0);
  worst = Math.max(worst, kb);
  console.log(`first load, ${home}: ${kb.toFixed(1)} KB of JavaScript (gzip)`);
}
if (worst > BUDGET_KB) {
  console.error(`the first load is over the ${BUDGET_KB} KB budget`);
  process.exit(1);
}
