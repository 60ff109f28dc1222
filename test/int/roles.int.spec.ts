import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql, startTestApp, TEST_ADMIN_TOKEN, type TestApp } from '../support/app';
import { allFindings, failedMessage, reconcileNow, seed } from '../support/reconcile';
import { TestReplayTarget } from '../support/replay-target';

/**
 * SYNCLINE_ROLE (issue 15): a process of role `api` serves HTTP and queues work but takes no job; a
 * process of role `worker` sharing its Redis and ClickHouse does the work.
 */
describe('process roles', () => {
  let api: TestApp;
  let worker: TestApp | undefined;
  let target: TestReplayTarget;

  beforeAll(async () => {
    api = await startTestApp({ SYNCLINE_ROLE: 'api' });
    target = await new TestReplayTarget().start();
  });
  afterAll(async () => {
    await worker?.close();
    await target?.stop();
    await api?.close();
  });

  it('an api process queues a replay that only a worker process sends', async () => {
    const saved = await graphql(
      api.url,
      'mutation($input: ReplayTargetInput!) { saveReplayTarget(input: $input) { flow } }',
      { input: { flow: 'production_confirmation', url: target.url, timeoutMs: 2000, ratePerSecond: 50, concurrency: 4 } },
      TEST_ADMIN_TOKEN,
    );
    expect(saved.body.errors, JSON.stringify(saved.body.errors)).toBeUndefined();
    const m = failedMessage('role-1', 'O-role');
    await seed(api.url, { events: m.events, hops: m.hops });
    await reconcileNow(api.url, 'production_confirmation');
    const [finding] = await allFindings(api.url, { orderId: 'O-role', types: ['missing_posting'] });
    const asked = await graphql<{ replay: { batchId: string; toSend: number } }>(
      api.url,
      'mutation($ids: [String!]) { replay(findingIds: $ids, dryRun: false, reason: "roles") { batchId toSend } }',
      { ids: [finding.id] },
      TEST_ADMIN_TOKEN,
    );
    expect(asked.body.errors, JSON.stringify(asked.body.errors)).toBeUndefined();
    expect(asked.body.data!.replay.toSend).toBe(1);
    const state = async () => {
      const { body } = await graphql<{ replayBatch: { queued: number; sent: number } }>(
        api.url,
        'query($id: String!) { replayBatch(id: $id) { queued sent } }',
        { id: asked.body.data!.replay.batchId },
        TEST_ADMIN_TOKEN,
      );
      return body.data!.replayBatch;
    };
    // Nothing takes the job while only the api process runs.
    await new Promise((r) => setTimeout(r, 2000));
    expect(target.received).toHaveLength(0);
    expect(await state()).toEqual({ queued: 1, sent: 0 });

    worker = await startTestApp({ SYNCLINE_ROLE: 'worker' }, { shareWith: api });
    await expect.poll(() => target.count('role-1'), { timeout: 15_000 }).toBe(1);
    await expect.poll(state, { timeout: 10_000 }).toEqual({ queued: 0, sent: 1 });
  });

  it('a target saved on the api process after the worker started gets its replays sent by that worker', async () => {
    worker ??= await startTestApp({ SYNCLINE_ROLE: 'worker' }, { shareWith: api });
    const late = await new TestReplayTarget().start();
    try {
      const saved = await graphql(
        api.url,
        'mutation($input: ReplayTargetInput!) { saveReplayTarget(input: $input) { flow } }',
        {
          input: {
            flow: 'production_confirmation',
            plant: 'P8',
            url: late.url,
            timeoutMs: 2000,
            ratePerSecond: 50,
            concurrency: 4,
          },
        },
        TEST_ADMIN_TOKEN,
      );
      expect(saved.body.errors, JSON.stringify(saved.body.errors)).toBeUndefined();
      const m = failedMessage('role-late', 'O-role-late', 'P8');
      await seed(api.url, { events: m.events, hops: m.hops });
      await reconcileNow(api.url, 'production_confirmation');
      const [finding] = await allFindings(api.url, { orderId: 'O-role-late', types: ['missing_posting'] });
      const asked = await graphql<{ replay: { toSend: number } }>(
        api.url,
        'mutation($ids: [String!]) { replay(findingIds: $ids, dryRun: false, reason: "roles") { toSend } }',
        { ids: [finding.id] },
        TEST_ADMIN_TOKEN,
      );
      expect(asked.body.data?.replay.toSend, JSON.stringify(asked.body.errors)).toBe(1);
      // The worker looks for new targets every 10 s.
      await expect.poll(() => late.count('role-late'), { timeout: 25_000 }).toBe(1);
    } finally {
      await late.stop();
    }
  });
});
