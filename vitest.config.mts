import { defineConfig } from 'vitest/config';

// Three tiers (docs/testing in README): unit = pure logic next to the code; int = real ClickHouse
// engine + real Redis (+ Mosquitto) with the real migrations; e2e = the built dashboard in Chromium.
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
          globalSetup: ['test/support/global-setup.ts'],
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
