import { readdirSync } from 'node:fs';
import { createClient, type ClickHouseClient } from '@clickhouse/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql, startTestApp, TEST_ADMIN_TOKEN, type TestApp } from '../../support/app';
import { MIGRATIONS_DIR, queryRows, testCluster } from '../../support/clickhouse';
import { postRecords } from '../../support/ingest';
import { allFindings, deviceEvent, failedMessage, reconcileNow, seed } from '../../support/reconcile';
import { TestReplayTarget } from '../../support/replay-target';
import { migrateCluster } from '../../../server/src/clickhouse/cluster/cluster-schema';
import { TABLE_PLACEMENT } from '../../../server/src/clickhouse/cluster/placement';
import { MigrationError } from '../../../server/src/clickhouse/migrations/migration-runner';

/**
 * What only a cluster has (issue 15, ADR 0011), on a real cluster of two embedded engines: the schema on
 * both shards, rows on the shard of their plant, and two Syncline instances with workers sharing it.
 * The other tests of this tier run the single-engine datasets and expected answers on the same cluster.
 */

const FLOW = 'production_confirmation';
const PLANTS = ['CP1', 'CP2', 'CP3', 'CP4', 'CP5', 'CP6'];

function shards(database: string): ClickHouseClient[] {
  return testCluster()!.urls.map((url) => createClient({ url, database }));
}

/** The shard (1-based) the Distributed tables put `plant` on: cityHash64(plant) modulo the two shards' weights. */
async function expectedShard(client: ClickHouseClient, plant: string): Promise<number> {
  const [r] = await queryRows<{ n: number }>(client, 'SELECT cityHash64({p:String}) % 2 + 1 AS n', { p: plant });
  return Number(r.n);
}

describe('Syncline on a two-shard cluster', () => {
  let a: TestApp;
  let b: TestApp;

  beforeAll(async () => {
    expect(testCluster(), 'this file runs in the cluster tier (vitest --project cluster)').toBeDefined();
    a = await startTestApp();
    b = await startTestApp({}, { shareWith: a });
  });
  afterAll(async () => {
    await b?.close();
    await a?.close();
  });

  it('applies every migration to both shards, records it on each, and puts a Distributed table in front of every table', async () => {
    const files = readdirSync(MIGRATIONS_DIR).filter((f) => f.endsWith('.sql')).length;
    for (const [n, shard] of shards('default').entries()) {
      const applied = await queryRows<{ n: number }>(shard, 'SELECT count() AS n FROM {db:Identifier}.syncline_migrations', {
        db: `${a.db.database}_local`,
      });
      expect(Number(applied[0].n), `shard ${n + 1}`).toBe(files);
      const front = await queryRows<{ name: string; engine_full: string }>(
        shard,
        "SELECT name, engine_full FROM system.tables WHERE database = {db:String} AND engine = 'Distributed' ORDER BY name",
        { db: a.db.database },
      );
      expect(front.map((t) => t.name).sort(), `shard ${n + 1}`).toEqual(Object.keys(TABLE_PLACEMENT).sort());
      expect(front.find((t) => t.name === 'hops')!.engine_full).toContain('cityHash64(plant)');
      expect(front.find((t) => t.name === 'users')!.engine_full).toContain(`'${testCluster()!.cluster}_all'`);
      await shard.close();
    }
  });

  it('refuses to start on shards that disagree, naming the shard and the migration', async () => {
    const cluster = testCluster()!;
    const [first, second] = shards('default');
    // Shard 2 says a migration was applied with other contents than shard 1 and the files have.
    await second.command({
      query: `ALTER TABLE ${a.db.database}_local.syncline_migrations UPDATE checksum = 'tampered' WHERE version = '20261201090000' SETTINGS mutations_sync = 1`,
    });
    try {
      const attempt = migrateCluster({
        entry: first,
        shards: [first, second],
        shardUrls: cluster.urls,
        database: a.db.database,
        cluster: cluster.cluster,
        replicated: false,
        dir: MIGRATIONS_DIR,
      });
      await expect(attempt).rejects.toThrow(MigrationError);
      await expect(attempt).rejects.toThrow(/^On shard 2 .*20261201090000_create_users\.sql was changed after it was applied/);
      // A list of shards that is not the cluster's is refused before anything is applied.
      const three = migrateCluster({
        entry: first,
        shards: [first, second, first],
        shardUrls: [...cluster.urls, cluster.urls[0]],
        database: a.db.database,
        cluster: cluster.cluster,
        replicated: false,
        dir: MIGRATIONS_DIR,
      });
      await expect(three).rejects.toThrow(/has 2 shard\(s\) in <remote_servers>, but CLICKHOUSE_SHARD_URLS lists 3/);
    } finally {
      const [r] = await queryRows<{ checksum: string }>(
        first,
        `SELECT checksum FROM ${a.db.database}_local.syncline_migrations WHERE version = '20261201090000'`,
      );
      await second.command({
        query: `ALTER TABLE ${a.db.database}_local.syncline_migrations UPDATE checksum = {c:String} WHERE version = '20261201090000' SETTINGS mutations_sync = 1`,
        query_params: { c: r.checksum },
      });
      await Promise.all([first.close(), second.close()]);
    }
  });

  it('stores what either instance ingests on the shard of its plant, and answers for all plants through either', async () => {
    const events = PLANTS.flatMap((plant) =>
      Array.from({ length: 5 }, (_, i) =>
        deviceEvent(`ing-${plant}-${i}`, 30, { plant, order_id: `O-ing-${plant}`, line: 'L9' }),
      ),
    );
    await seed(a.url, { events: events.slice(0, 15) });
    await seed(b.url, { events: events.slice(15) });
    const perShard = await Promise.all(
      shards(`${a.db.database}_local`).map(async (s) => {
        const rows = await queryRows<{ plant: string; n: number }>(
          s,
          "SELECT plant, count() AS n FROM device_events FINAL WHERE line = 'L9' GROUP BY plant ORDER BY plant",
        );
        await s.close();
        return rows.map((r) => ({ plant: r.plant, n: Number(r.n) }));
      }),
    );
    expect(perShard[0].length).toBeGreaterThan(0);
    expect(perShard[1].length).toBeGreaterThan(0);
    for (const plant of PLANTS) {
      const on = perShard.map((rows) => rows.find((r) => r.plant === plant)?.n ?? 0);
      const shard = await expectedShard(a.db.client, plant);
      expect(on[shard - 1], `${plant} on shard ${shard}`).toBe(5);
      expect(on[2 - shard], `${plant} not on the other shard`).toBe(0);
    }
    // Hops as NDJSON (the direct path), the plants mixed in one body: each shard's rows, and the trace
    // index its view makes of them, on that shard alone.
    const hops = PLANTS.flatMap((plant, p) =>
      [0, 1].map((i) => ({
        hop_id: `hop-ing-${plant}-${i}`,
        correlation_id: `corr-ing-${plant}-${i}`,
        flow: FLOW,
        stage: 'device',
        plant,
        line: 'L9',
        start_time: new Date(Date.now() - (p * 2 + i + 1) * 60_000).toISOString(),
        status: 'ok',
      })),
    );
    const interleaved = [...hops.filter((_, i) => i % 2 === 0), ...hops.filter((_, i) => i % 2 === 1)];
    const sent = await postRecords(b.url, '/api/v1/hops', interleaved, { token: TEST_ADMIN_TOKEN, ndjson: true });
    expect(sent.status, JSON.stringify(sent.body)).toBe(200);
    const shardOf = new Map<string, number>();
    for (const plant of PLANTS) shardOf.set(plant, await expectedShard(a.db.client, plant));
    for (const [n, s] of shards(`${a.db.database}_local`).entries()) {
      const expected = PLANTS.filter((plant) => shardOf.get(plant) === n + 1).map((plant) => ({ plant, n: 2 }));
      for (const table of ['hops', 'trace_index']) {
        const rows = await queryRows<{ plant: string; n: number }>(
          s,
          "SELECT plant, count() AS n FROM {table:Identifier} WHERE correlation_id LIKE 'corr-ing-%' GROUP BY plant ORDER BY plant",
          { table },
        );
        expect(
          rows.map((r) => ({ plant: r.plant, n: Number(r.n) })),
          `${table} on shard ${n + 1}`,
        ).toEqual(expected);
      }
      await s.close();
    }
    // Through the Distributed tables: all plants, whichever instance reconciled and whichever answers.
    const [all] = await queryRows<{ n: number }>(a.db.client, "SELECT count() AS n FROM device_events WHERE line = 'L9'");
    expect(Number(all.n)).toBe(30);
    await reconcileNow(b.url, FLOW);
    const missing = await allFindings(a.url, { types: ['missing_posting'], lines: ['L9'] });
    expect(missing.map((f) => f.eventIds[0]).sort()).toEqual(events.map((e) => e.event_id).sort());
    expect(new Set(missing.map((f) => f.plant))).toEqual(new Set(PLANTS));
  });

  it('two instances reconciling and replaying at once find each finding once and send each message once', async () => {
    const target = await new TestReplayTarget().start();
    try {
      const saved = await graphql(
        a.url,
        'mutation($input: ReplayTargetInput!) { saveReplayTarget(input: $input) { flow } }',
        { input: { flow: FLOW, url: target.url, timeoutMs: 2000, ratePerSecond: 200, concurrency: 8 } },
        TEST_ADMIN_TOKEN,
      );
      expect(saved.body.errors, JSON.stringify(saved.body.errors)).toBeUndefined();
      const ids = PLANTS.flatMap((plant) => Array.from({ length: 4 }, (_, i) => `two-${plant}-${i}`));
      const parts = ids.map((id) => failedMessage(id, `O-${id.split('-')[1]}`, id.split('-')[1]));
      await seed(a.url, { events: parts.slice(0, 12).flatMap((p) => p.events), hops: parts.slice(0, 12).flatMap((p) => p.hops) });
      await seed(b.url, { events: parts.slice(12).flatMap((p) => p.events), hops: parts.slice(12).flatMap((p) => p.hops) });

      // Both instances reconcile the same data at the same moment, twice.
      await Promise.all([reconcileNow(a.url, FLOW), reconcileNow(b.url, FLOW)]);
      await Promise.all([reconcileNow(b.url, FLOW), reconcileNow(a.url, FLOW)]);
      const filter = { types: ['missing_posting'], plants: PLANTS, lines: ['L1'] };
      const found = await allFindings(a.url, filter);
      expect(found.map((f) => f.eventIds[0]).sort()).toEqual([...ids].sort());
      expect(new Set(found.map((f) => f.id)).size).toBe(ids.length);
      expect((await allFindings(b.url, filter)).map((f) => f.id).sort()).toEqual(found.map((f) => f.id).sort());
      const [stored] = await queryRows<{ rows: number; ids: number }>(
        a.db.client,
        "SELECT count() AS rows, uniqExact(finding_id) AS ids FROM findings FINAL WHERE type = 'missing_posting' AND line = 'L1' AND plant IN {p:Array(String)}",
        { p: PLANTS },
      );
      expect({ rows: Number(stored.rows), ids: Number(stored.ids) }).toEqual({ rows: ids.length, ids: ids.length });

      // Both instances are asked to replay all of them at once: each message reaches the target once.
      const ask = (app: TestApp) =>
        graphql<{ replay: { batchId: string; toSend: number } }>(
          app.url,
          'mutation($filter: FindingFilterInput) { replay(filter: $filter, dryRun: false, reason: "cluster test") { batchId toSend } }',
          { filter },
          TEST_ADMIN_TOKEN,
        );
      const answers = await Promise.all([ask(a), ask(b)]);
      for (const r of answers) expect(r.body.errors, JSON.stringify(r.body.errors)).toBeUndefined();
      await expect.poll(() => new Set(target.received.map((r) => r.key)).size, { timeout: 20_000 }).toBe(ids.length);
      // Long enough for a second send of any of them to have happened.
      await new Promise((r) => setTimeout(r, 1500));
      expect(target.duplicates()).toEqual([]);
      expect(target.received.map((r) => r.key).sort()).toEqual([...ids].sort());
    } finally {
      await target.stop();
    }
  });
});
