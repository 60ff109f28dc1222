// `npm start`: builds the server and the dashboard when their sources are newer than the build,
// then runs the server in this same process (so stopping or killing `npm start` stops Syncline,
// and the embedded ClickHouse engine follows it).
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function newest(p) {
  if (!existsSync(p)) return 0;
  const st = statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  let max = st.mtimeMs;
  for (const e of readdirSync(p)) if (e !== 'node_modules' && e !== 'dist') max = Math.max(max, newest(path.join(p, e)));
  return max;
}

function buildIfStale(workspace, output, sources) {
  const built = existsSync(output) ? statSync(output).mtimeMs : 0;
  if (built && sources.every((s) => newest(path.join(root, s)) <= built)) return;
  process.stderr.write(`Building ${workspace}...\n`);
  execFileSync(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['run', 'build', '-w', workspace], {
    cwd: root,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
}

buildIfStale('web', path.join(root, 'web/dist/index.html'), ['web/src', 'web/index.html', 'web/vite.config.ts']);
buildIfStale('server', path.join(root, 'server/dist/main.js'), ['server/src']);

await import(pathToFileURL(path.join(root, 'server/dist/main.js')).href);
