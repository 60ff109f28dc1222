// `npm run bench -- <name>`: runs bench/<name>.bench.mjs against the built server. Prints figures.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const name = process.argv[2];
const available = readdirSync(path.join(root, 'bench'))
  .filter((f) => f.endsWith('.bench.mjs'))
  .map((f) => f.replace('.bench.mjs', ''));
if (!name || !available.includes(name)) {
  console.error(`usage: npm run bench -- <name>   (available: ${available.join(', ')})`);
  process.exit(2);
}
if (!existsSync(path.join(root, 'server/dist/main.js')) || process.env.BENCH_SKIP_BUILD !== '1') {
  execFileSync('npm', ['run', 'build', '-w', 'server'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
}
const r = spawnSync(process.execPath, [path.join(root, 'bench', `${name}.bench.mjs`), ...process.argv.slice(3)], {
  cwd: root,
  stdio: 'inherit',
});
process.exit(r.status ?? 1);
