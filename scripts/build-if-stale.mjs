// Builds a workspace when its sources are newer than its build output (npm start, npm run simulate).
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function newest(p) {
  if (!existsSync(p)) return 0;
  const st = statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  let max = st.mtimeMs;
  for (const e of readdirSync(p)) if (e !== 'node_modules' && e !== 'dist') max = Math.max(max, newest(path.join(p, e)));
  return max;
}

export function buildIfStale(workspace, output, sources) {
  const built = existsSync(path.join(root, output)) ? statSync(path.join(root, output)).mtimeMs : 0;
  if (built && sources.every((s) => newest(path.join(root, s)) <= built)) return;
  process.stderr.write(`Building ${workspace}...\n`);
  execFileSync(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['run', 'build', '-w', workspace], {
    cwd: root,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
}

export const buildServer = () => buildIfStale('server', 'server/dist/main.js', ['server/src']);
export const buildWeb = () =>
  buildIfStale('web', 'web/dist/index.html', [
    'web/src',
    'web/index.html',
    'web/vite.config.ts',
    'web/codegen.ts',
    'web/schema.graphql',
  ]);
