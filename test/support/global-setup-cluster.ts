import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { startEmbeddedCluster, type EmbeddedCluster } from '@syncline/clickhouse';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Set in the `cluster` tier: a real two-shard cluster of embedded engines (ADR 0011). */
    clickhouseCluster: { cluster: string; urls: string[] } | undefined;
  }
}

let cluster: EmbeddedCluster | undefined;
let dir: string | undefined;

/**
 * The `cluster` tier: the same integration tests on a cluster of two real engines, each a shard, with
 * Distributed tables in front. Each test file still creates its own database on it.
 */
export async function setup(project: TestProject) {
  dir = mkdtempSync(path.join(tmpdir(), 'syncline-test-cluster-'));
  cluster = await startEmbeddedCluster({ dataDir: dir, shards: 2 });
  project.provide('clickhouseCluster', { cluster: cluster.cluster, urls: cluster.urls });
  project.provide('clickhouseUrl', cluster.urls[0]);
}

export async function teardown() {
  await cluster?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
}
