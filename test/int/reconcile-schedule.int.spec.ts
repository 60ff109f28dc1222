import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QueueName } from '../../server/src/queues/queue-names';
import { startTestApp, type TestApp } from '../support/app';
import { queryRows } from '../support/clickhouse';
import { allFindings, deviceEvent, posting, seed, summary } from '../support/reconcile';

/**
 * Continuous reconciliation: BullMQ job schedulers per flow on two instances sharing one ClickHouse
 * and one Redis. Nobody calls reconcileNow here.
 */
describe('scheduled reconciliation on two instances', () => {
  let a: TestApp;
  let b: TestApp;
  const env = { RECONCILE_INTERVAL_SECONDS: '1', RECONCILE_RECHECK_MINUTES: '0' };
  beforeAll(async () => {
    a = await startTestApp(env);
    b = await startTestApp(env, { shareWith: a });
  });
  afterAll(async () => {
    await b?.close();
    await a?.close();
  });

  it('finds new problems and resolves them by itself, each finding once, with one schedule per flow', async () => {
    await seed(a.url, {
      events: [deviceEvent('sched-1', 20, { order_id: 'O-sched' }), deviceEvent('sched-2', 20, { order_id: 'O-sched' })],
    });
    await expect
      .poll(async () => summary(await allFindings(a.url, { orderId: 'O-sched' })), { timeout: 20_000, interval: 500 })
      .toEqual(['missing_posting:sched-1:open', 'missing_posting:sched-2:open']);
    await seed(b.url, { postings: [posting('sched-1-d', 'sched-1', 1, { order_id: 'O-sched' })] });
    await expect
      .poll(async () => summary(await allFindings(b.url, { orderId: 'O-sched' })), { timeout: 20_000, interval: 500 })
      .toEqual(['late_posting:sched-1:open', 'missing_posting:sched-1:resolved_auto', 'missing_posting:sched-2:open']);
    const [ids] = await queryRows<{ n: number; ids: number }>(
      a.db.client,
      "SELECT count() AS n, uniqExact(finding_id) AS ids FROM findings FINAL WHERE order_id = 'O-sched'",
    );
    expect(Number(ids.n)).toBe(Number(ids.ids));
    const [events] = await queryRows<{ n: number }>(
      a.db.client,
      "SELECT count() AS n FROM finding_events FINAL WHERE status = 'resolved_auto' AND finding_id IN (SELECT finding_id FROM findings WHERE has(event_ids, 'sched-1'))",
    );
    expect(Number(events.n)).toBe(1);
    // Both instances upserted the same schedulers: one per flow, plus silent lines.
    const queue = a.syncline.app.get<Queue>(getQueueToken(QueueName.Reconcile));
    expect((await queue.getJobSchedulers(0, -1)).map((s) => s.key).sort()).toEqual([
      'reconcile-silent-lines',
      'reconcile-window:goods_receipt',
      'reconcile-window:maintenance_request',
      'reconcile-window:production_confirmation',
      'reconcile-window:scrap_posting',
    ]);
    const runs = await queryRows<{ kind: string; flows: string[]; n: number }>(
      a.db.client,
      'SELECT kind, flows, count() AS n FROM reconcile_runs WHERE started_at > now() - INTERVAL 1 MINUTE GROUP BY kind, flows ORDER BY kind, flows',
    );
    expect(runs.map((r) => r.flows.join(','))).toEqual([
      '',
      'goods_receipt',
      'maintenance_request',
      'production_confirmation',
      'scrap_posting',
    ]);
  });
});
