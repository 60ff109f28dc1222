import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { startEmbeddedClickHouse, type EmbeddedClickHouse } from '@syncline/clickhouse';

declare module 'vitest' {
  export interface ProvidedContext {
    clickhouseUrl: string;
  }
}

let engine: EmbeddedClickHouse | undefined;
let dir: string | undefined;

/**
 * One real ClickHouse for the whole run: the embedded engine (or CLICKHOUSE_URL when a server is
 * given). Each test file creates its own database on it, so files never see each other's data.
 */
export async function setup(project: TestProject) {
  if (process.env.CLICKHOUSE_URL) {
    project.provide('clickhouseUrl', process.env.CLICKHOUSE_URL);
    return;
  }
  dir = mkdtempSync(path.join(tmpdir(), 'syncline-test-ch-'));
  engine = await startEmbeddedClickHouse({ dataDir: dir });
  project.provide('clickhouseUrl', engine.url);
}

export async function teardown() {
  await engine?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
}
