import path from 'node:path';
import { configSchema } from './config.schema';

/** server/{src,dist}/config -> the repository (or image) root holding web/ and clickhouse/. */
const REPO_ROOT = path.resolve(__dirname, '../../..');

export interface AppConfig {
  env: 'development' | 'production' | 'test';
  host: string;
  port: number;
  dataDir: string;
  logLevel: string;
  clickhouse: {
    /** Unset: Syncline starts the embedded engine and fills this in at start-up. */
    url: string | undefined;
    user: string;
    password: string;
    database: string;
    /**
     * The `<remote_servers>` cluster the plant-sharded tables spread over (`${cluster}_all` holds the small
     * tables every shard keeps a copy of); undefined: one server, no Distributed tables (ADR 0011).
     */
    cluster: string | undefined;
    /** One HTTP URL per shard (any replica of it), in the cluster's shard order; empty on one server. */
    shardUrls: string[];
    /** A cluster with ClickHouse Keeper: `ON CLUSTER` DDL, Replicated databases and tables. */
    replicated: boolean;
    embeddedPort: number;
    /** Embedded mode only: local engines started as a cluster of this many shards (1: one engine). */
    embeddedShards: number;
  };
  /** What this process does: `api` serves HTTP only, `worker` runs jobs and MQTT only, `all` both. */
  role: 'all' | 'api' | 'worker';
  redis: { url: string };
  queuePrefix: string;
  webDistDir: string;
  migrationsDir: string;
  adminToken: string | undefined;
  /** The first admin, created when nobody exists yet. */
  firstAdmin: { username: string; password: string | undefined };
  sessions: { idleMs: number; maxMs: number; cookieSecure: 'auto' | 'always' | 'never' };
  graphql: { introspection: 'signed_in' | 'on' | 'off'; maxDepth: number; maxCost: number };
  shutdownTimeoutMs: number;
  replay: {
    /** Attempts per message before it is dead (transient errors only; 429 waits do not count). */
    attempts: number;
    /** First retry delay; each next one doubles. */
    backoffMs: number;
    /** Replay jobs in progress per target queue in this instance (requests to the target: its own concurrency). */
    jobConcurrency: number;
    /** How often automatic replay looks for failed hops to replay (0: never). */
    sweepSeconds: number;
    /** JSON file of secrets that replay targets' headers refer to as file:NAME. */
    secretsFile: string | undefined;
    /** SYNCLINE_SECRET_* variables of the environment Syncline started with (env:NAME). Never logged. */
    envSecrets: Readonly<Record<string, string>>;
  };
  alerts: {
    /** Seconds between evaluations of the alert rules; 0 = never (on demand only). */
    evaluateSeconds: number;
    deliveryAttempts: number;
    /** First retry delay of a delivery; each next one doubles. */
    backoffMs: number;
    /** smtp(s)://user:password@host:port for email channels. A secret: never logged. */
    smtpUrl: string | undefined;
    emailFrom: string;
    /** Where people open the dashboard, for links in notifications. */
    publicUrl: string | undefined;
  };
  rollup: {
    /** Seconds between runs of the Sync lag rollup job; 0 = never (on demand only). */
    intervalSeconds: number;
    /** A hop that arrives later than this after it happened waits for a rebuild to be rolled up. */
    lateHours: number;
    /** How long after a message's first hop its stage times are looked for. */
    messageSpanHours: number;
  };
  reconcile: {
    currency: string;
    /** Seconds between continuous runs per flow; 0 = no continuous runs (on demand only). */
    intervalSeconds: number;
    /** Minutes between re-checks of older findings; 0 = never. */
    recheckMinutes: number;
    recheckDays: number;
    /** ClickHouse threads per reconciliation query; 0 = the server's default. */
    maxThreads: number;
    maxMemoryBytes: number;
    /** How long one reconciliation query may take (a full pass over months is long; dashboards are not). */
    queryTimeoutMs: number;
    /** Windows at least this long read the copies sorted by device event (ADR 0012); 0 = every window. */
    byEventFromHours: number;
    silentLineMinutes: number;
  };
  ingest: {
    maxBodyBytes: number;
    maxRows: number;
    csvMaxBytes: number;
    batchMaxRows: number;
    batchWaitMs: number;
    insertsInFlight: number;
    /** Worker threads that validate and encode request bodies; 0 = on the main thread. */
    parseWorkers: number;
    insertMaxRows: number;
    backlogMaxRows: number;
    rateLimitPerMinute: number;
    extraStages: string[];
  };
  mqtt: {
    url: string | undefined;
    topics: string[];
    shareGroup: string;
    clientId: string;
    connections: number;
  };
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Reads and validates the environment once; a bad value names the variable and what is allowed. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): AppConfig {
  const parsed = configSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => {
        const name = String(issue.path[0]);
        // A list variable (CLICKHOUSE_SHARD_URLS) names the entry that is wrong.
        const entry = issue.path.length > 1 ? ` (entry ${Number(issue.path[1]) + 1})` : '';
        const given = env[name];
        const shown = /PASSWORD|TOKEN|SECRET|SMTP_URL/.test(name) || given === undefined ? '' : ` (got "${given}")`;
        return `${name}${entry}: ${issue.message}${shown}`;
      }),
    );
  }
  const c = parsed.data;
  const problems = clusterProblems(c);
  if (problems.length) throw new ConfigError(problems);
  return {
    env: c.NODE_ENV,
    host: c.HOST,
    port: c.PORT,
    dataDir: path.resolve(cwd, c.SYNCLINE_DATA_DIR),
    logLevel: c.LOG_LEVEL,
    clickhouse: {
      url: c.CLICKHOUSE_URL,
      user: c.CLICKHOUSE_USER,
      password: c.CLICKHOUSE_PASSWORD,
      database: c.CLICKHOUSE_DATABASE,
      cluster: c.CLICKHOUSE_CLUSTER,
      shardUrls: c.CLICKHOUSE_SHARD_URLS,
      replicated: c.CLICKHOUSE_REPLICATED === 'true',
      embeddedPort: c.CLICKHOUSE_EMBEDDED_PORT,
      embeddedShards: c.SYNCLINE_SHARDS,
    },
    role: c.SYNCLINE_ROLE,
    redis: { url: c.REDIS_URL },
    queuePrefix: c.QUEUE_PREFIX,
    webDistDir: c.WEB_DIST_DIR ? path.resolve(cwd, c.WEB_DIST_DIR) : path.join(REPO_ROOT, 'web/dist'),
    migrationsDir: c.CLICKHOUSE_MIGRATIONS_DIR
      ? path.resolve(cwd, c.CLICKHOUSE_MIGRATIONS_DIR)
      : path.join(REPO_ROOT, 'clickhouse/migrations'),
    adminToken: c.SYNCLINE_ADMIN_TOKEN,
    firstAdmin: { username: c.SYNCLINE_ADMIN_USER, password: c.SYNCLINE_ADMIN_PASSWORD },
    sessions: {
      idleMs: Math.round(c.SESSION_IDLE_MINUTES * 60_000),
      maxMs: Math.round(c.SESSION_MAX_DAYS * 86_400_000),
      cookieSecure: c.SESSION_COOKIE_SECURE === 'auto' ? 'auto' : c.SESSION_COOKIE_SECURE === 'true' ? 'always' : 'never',
    },
    graphql: { introspection: c.GRAPHQL_INTROSPECTION, maxDepth: c.GRAPHQL_MAX_DEPTH, maxCost: c.GRAPHQL_MAX_COST },
    shutdownTimeoutMs: c.SHUTDOWN_TIMEOUT_MS,
    replay: {
      attempts: c.REPLAY_ATTEMPTS,
      backoffMs: c.REPLAY_BACKOFF_MS,
      jobConcurrency: c.REPLAY_JOB_CONCURRENCY,
      sweepSeconds: c.REPLAY_SWEEP_SECONDS,
      secretsFile: c.SYNCLINE_SECRETS_FILE ? path.resolve(cwd, c.SYNCLINE_SECRETS_FILE) : undefined,
      envSecrets: Object.fromEntries(
        Object.entries(env).filter((e): e is [string, string] => e[0].startsWith('SYNCLINE_SECRET_') && typeof e[1] === 'string'),
      ),
    },
    alerts: {
      evaluateSeconds: c.ALERT_EVALUATE_SECONDS,
      deliveryAttempts: c.ALERT_DELIVERY_ATTEMPTS,
      backoffMs: c.ALERT_BACKOFF_MS,
      smtpUrl: c.SMTP_URL,
      emailFrom: c.ALERT_EMAIL_FROM,
      publicUrl: c.SYNCLINE_PUBLIC_URL?.replace(/\/+$/, ''),
    },
    rollup: {
      intervalSeconds: c.ROLLUP_INTERVAL_SECONDS,
      lateHours: c.ROLLUP_LATE_HOURS,
      messageSpanHours: c.ROLLUP_MESSAGE_SPAN_HOURS,
    },
    reconcile: {
      currency: c.SYNCLINE_CURRENCY,
      intervalSeconds: c.RECONCILE_INTERVAL_SECONDS,
      recheckMinutes: c.RECONCILE_RECHECK_MINUTES,
      recheckDays: c.RECONCILE_RECHECK_DAYS,
      maxThreads: c.RECONCILE_MAX_THREADS,
      maxMemoryBytes: c.RECONCILE_MAX_MEMORY_MB * 1024 * 1024,
      queryTimeoutMs: c.RECONCILE_QUERY_TIMEOUT_SECONDS * 1000,
      byEventFromHours: c.RECONCILE_BY_EVENT_FROM_HOURS,
      silentLineMinutes: c.SILENT_LINE_MINUTES,
    },
    ingest: {
      maxBodyBytes: c.INGEST_MAX_BODY_BYTES,
      maxRows: c.INGEST_MAX_ROWS,
      csvMaxBytes: c.INGEST_CSV_MAX_BYTES,
      batchMaxRows: c.INGEST_BATCH_MAX_ROWS,
      batchWaitMs: c.INGEST_BATCH_WAIT_MS,
      insertsInFlight: c.INGEST_INSERTS_IN_FLIGHT,
      parseWorkers: c.INGEST_PARSE_WORKERS,
      insertMaxRows: c.INGEST_INSERT_MAX_ROWS,
      backlogMaxRows: c.INGEST_BACKLOG_MAX_ROWS,
      rateLimitPerMinute: c.INGEST_RATE_LIMIT_PER_MINUTE,
      extraStages: c.SYNCLINE_EXTRA_STAGES ? c.SYNCLINE_EXTRA_STAGES.split(',') : [],
    },
    mqtt: {
      url: c.MQTT_URL,
      topics: c.MQTT_TOPICS.split(',')
        .map((t) => t.trim())
        .filter(Boolean),
      shareGroup: c.MQTT_SHARE_GROUP,
      clientId: c.MQTT_CLIENT_ID,
      connections: c.MQTT_CONNECTIONS,
    },
  };
}

/** The cluster variables only make sense together. */
function clusterProblems(c: ReturnType<typeof configSchema.parse>): string[] {
  const problems: string[] = [];
  const cluster = c.CLICKHOUSE_CLUSTER;
  const shards = c.CLICKHOUSE_SHARD_URLS;
  if (cluster && shards.length === 0)
    problems.push(
      'CLICKHOUSE_SHARD_URLS: must list one HTTP URL per shard of CLICKHOUSE_CLUSTER, in the order of its <remote_servers> entry',
    );
  if (!cluster && shards.length > 0)
    problems.push('CLICKHOUSE_CLUSTER: must name the <remote_servers> cluster that CLICKHOUSE_SHARD_URLS are the shards of');
  if (shards.length > 0 && !c.CLICKHOUSE_URL)
    problems.push('CLICKHOUSE_URL: must be set with CLICKHOUSE_SHARD_URLS (the node Syncline sends its queries to)');
  if (c.CLICKHOUSE_REPLICATED === 'true' && !cluster)
    problems.push('CLICKHOUSE_REPLICATED: true needs CLICKHOUSE_CLUSTER and CLICKHOUSE_SHARD_URLS');
  if (c.SYNCLINE_SHARDS > 1 && c.CLICKHOUSE_URL)
    problems.push(
      'SYNCLINE_SHARDS: starts local engines, so it cannot be used with CLICKHOUSE_URL (a cluster of servers is CLICKHOUSE_CLUSTER)',
    );
  return problems;
}
