import { configDefaults, defineConfig } from 'vitest/config';

// Three tiers (docs/testing in README): unit = pure logic next to the code; int = real ClickHouse
// engine + real Redis (+ Mosquitto) with the real migrations; e2e = the built dashboard in Chromium.
/**
 * The integration tests whose datasets the cluster tier runs again on two shards. CLUSTER_TIER_SPECS
 * (comma-separated globs) runs others there: `CLUSTER_TIER_SPECS=test/int/replay.int.spec.ts vitest run --project cluster`.
 */
const CLUSTER_SPECS = process.env.CLUSTER_TIER_SPECS?.split(',') ?? [
  'test/int/reconciliation.int.spec.ts',
  'test/int/reconciliation-scenarios.int.spec.ts',
  'test/int/reconcile-schedule.int.spec.ts',
  'test/int/silent-lines.int.spec.ts',
  'test/int/findings-lifecycle.int.spec.ts',
  'test/int/plant-scope.int.spec.ts',
  'test/int/traces.int.spec.ts',
  'test/int/sync-lag.int.spec.ts',
  'test/int/sync-lag-kpis.int.spec.ts',
  'test/int/roi.int.spec.ts',
  'test/int/alerts.int.spec.ts',
  'test/int/cluster/*.int.spec.ts',
];

export default defineConfig({
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['server/src/**/*.spec.ts', 'web/src/**/*.spec.ts'],
          environment: 'node',
          // Some property tests run thousands of cases; on 2 cores shared with the int tier 5 s is too tight.
          testTimeout: 30_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'int',
          include: ['test/int/**/*.int.spec.ts'],
          exclude: [...configDefaults.exclude, 'test/int/cluster/**'],
          globalSetup: ['test/support/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        extends: true,
        test: {
          // The same integration tests on a real two-shard cluster of embedded engines (issue 15, ADR
          // 0011): their datasets and expected answers are the single engine's, so a pass means the
          // cluster answers the same. Plus what only a cluster has (cluster.int.spec.ts).
          name: 'cluster',
          include: CLUSTER_SPECS,
          globalSetup: ['test/support/global-setup-cluster.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.e2e.spec.ts'],
          globalSetup: ['test/support/global-setup.ts'],
          testTimeout: 90_000,
          hookTimeout: 120_000,
          // expect.poll waits 1 s by default: a dashboard action (mutation, refetch, render) can take
          // longer on 2 cores shared with the int tier (the people page's Enable failed once in CI).
          expect: { poll: { timeout: 10_000 } },
        },
      },
    ],
    maxWorkers: 2,
  },
});
