import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Logger } from 'pino';
import { startSyncline, type RunningSyncline } from '../../server/src/bootstrap/start-syncline';
import { clickhouseEnv, createTestDatabase, type TestDatabase } from './clickhouse';

export const TEST_ADMIN_TOKEN = 'sl_admin_test_token_0123456789';
/** The first admin every test app starts with (SYNCLINE_ADMIN_USER / SYNCLINE_ADMIN_PASSWORD). */
export const TEST_ADMIN_USER = 'admin';
export const TEST_ADMIN_PASSWORD = 'admin password for tests';

export interface TestApp {
  syncline: RunningSyncline;
  url: string;
  db: TestDatabase;
  dataDir: string;
  queuePrefix: string;
  close(): Promise<void>;
}

export interface TestAppOptions {
  /** Another instance of the same installation: same database and Redis prefix (several instances, or a restart). */
  shareWith?: TestApp;
  /** A cluster the test started itself (outside the cluster tier): the app runs on it. */
  cluster?: { cluster: string; urls: string[] };
  logger?: Logger;
}

/** The whole server in-process on a free port, on its own database and queue prefix (unless shared). */
export async function startTestApp(env: Record<string, string> = {}, options: TestAppOptions = {}): Promise<TestApp> {
  const shared = options.shareWith;
  const db = shared?.db ?? (await createTestDatabase('t', options.cluster));
  const dataDir = mkdtempSync(path.join(tmpdir(), 'syncline-test-data-'));
  const queuePrefix = shared?.queuePrefix ?? `test-${randomBytes(4).toString('hex')}`;
  const syncline = await startSyncline(
    {
      NODE_ENV: 'test',
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
      SYNCLINE_DATA_DIR: dataDir,
      ...(env.CLICKHOUSE_URL ? {} : clickhouseEnv(options.cluster)),
      CLICKHOUSE_DATABASE: db.database,
      QUEUE_PREFIX: queuePrefix,
      SYNCLINE_ADMIN_TOKEN: TEST_ADMIN_TOKEN,
      SYNCLINE_ADMIN_USER: TEST_ADMIN_USER,
      SYNCLINE_ADMIN_PASSWORD: TEST_ADMIN_PASSWORD,
      REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
      // No scheduled reconciliation in the background of every test; tests that want it set these.
      RECONCILE_INTERVAL_SECONDS: '0',
      RECONCILE_RECHECK_MINUTES: '0',
      // No automatic replay sweep either: the replay tests call the sweeper themselves.
      REPLAY_SWEEP_SECONDS: '0',
      // Nor rollups: the Sync lag tests roll up with refreshSyncLagRollups when their data is in.
      ROLLUP_INTERVAL_SECONDS: '0',
      // Nor alert evaluations: the alert tests evaluate with evaluateAlertsNow.
      ALERT_EVALUATE_SECONDS: '0',
      ...env,
    },
    options.logger,
  );
  return {
    syncline,
    url: syncline.url,
    db,
    dataDir,
    queuePrefix,
    async close() {
      await syncline.close();
      if (!shared) await db.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export interface GraphqlAnswer<T> {
  status: number;
  body: { data?: T; errors?: { message: string; extensions?: Record<string, unknown> }[] };
  headers: Headers;
}

/** POST /graphql with a bearer token, or `{ cookie }` to act as a browser session. */
export async function graphql<T = unknown>(
  url: string,
  query: string,
  variables?: Record<string, unknown>,
  credential?: string | { cookie: string },
): Promise<GraphqlAnswer<T>> {
  const auth: Record<string, string> =
    typeof credential === 'string' ? { authorization: `Bearer ${credential}` } : credential ? { cookie: credential.cookie } : {};
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...auth },
    body: JSON.stringify({ query, variables }),
  });
  return { status: res.status, body: (await res.json()) as never, headers: res.headers };
}
