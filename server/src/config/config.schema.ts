import { availableParallelism } from 'node:os';
import { z } from 'zod';

/**
 * Every environment variable Syncline reads, with its default for the embedded setup.
 * README's configuration table is written from this list; keep them in step.
 */
const port = (name: string, fallback: number, allowZero = false) =>
  z.coerce
    .number({ error: `${name} must be a port number` })
    .int(`${name} must be a whole number`)
    .min(allowZero ? 0 : 1, `${name} must be between ${allowZero ? 0 : 1} and 65535`)
    .max(65535, `${name} must be between ${allowZero ? 0 : 1} and 65535`)
    .default(fallback);

const url = (name: string, protocols: string[]) =>
  z
    .string()
    .trim()
    .refine(
      (v) => {
        try {
          return protocols.includes(new URL(v).protocol);
        } catch {
          return false;
        }
      },
      `${name} must be a URL starting with ${protocols.map((p) => `${p}//`).join(' or ')}`,
    );

const identifier = (name: string) =>
  z
    .string()
    .regex(
      /^[A-Za-z_][A-Za-z0-9_]{0,62}$/,
      `${name} must be letters, digits and underscores, starting with a letter or underscore`,
    );

/** Encoder threads for `cores` cores: none up to 3, then one per core beyond two, at most 4. */
export function defaultParseWorkers(cores: number): number {
  return cores < 4 ? 0 : Math.min(4, cores - 2);
}

const count = (name: string, fallback: number, min: number) =>
  z.coerce
    .number({ error: `${name} must be a whole number` })
    .int(`${name} must be a whole number`)
    .min(min, `${name} must be at least ${min}`)
    .default(fallback);

/** A positive number, fractions allowed (0.5 minutes). */
const positive = (name: string, fallback: number) =>
  z.coerce
    .number({ error: `${name} must be a number` })
    .positive(`${name} must be more than 0`)
    .default(fallback);

const emptyAsUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);

export const configSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('production'),
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: port('PORT', 3000, true),
  SYNCLINE_DATA_DIR: z.string().min(1).default('./data'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  CLICKHOUSE_URL: z.preprocess(emptyAsUndefined, url('CLICKHOUSE_URL', ['http:', 'https:']).optional()),
  CLICKHOUSE_USER: z.string().default('default'),
  CLICKHOUSE_PASSWORD: z.string().default(''),
  CLICKHOUSE_DATABASE: identifier('CLICKHOUSE_DATABASE').default('syncline'),
  CLICKHOUSE_CLUSTER: z.preprocess(emptyAsUndefined, identifier('CLICKHOUSE_CLUSTER').optional()),
  CLICKHOUSE_SHARD_URLS: z
    .preprocess(
      (v) =>
        typeof v === 'string'
          ? v
              .split(',')
              .map((u) => u.trim())
              .filter(Boolean)
          : v,
      z.array(url('CLICKHOUSE_SHARD_URLS', ['http:', 'https:'])),
    )
    .default([]),
  CLICKHOUSE_REPLICATED: z.enum(['true', 'false'], { error: 'CLICKHOUSE_REPLICATED must be true or false' }).default('false'),
  CLICKHOUSE_EMBEDDED_PORT: port('CLICKHOUSE_EMBEDDED_PORT', 0, true),
  SYNCLINE_SHARDS: z.coerce
    .number({ error: 'SYNCLINE_SHARDS must be a whole number' })
    .int('SYNCLINE_SHARDS must be a whole number')
    .min(1, 'SYNCLINE_SHARDS must be between 1 and 16')
    .max(16, 'SYNCLINE_SHARDS must be between 1 and 16')
    .default(1),
  SYNCLINE_ROLE: z.enum(['all', 'api', 'worker'], { error: 'SYNCLINE_ROLE must be all, api or worker' }).default('all'),
  REDIS_URL: url('REDIS_URL', ['redis:', 'rediss:']).default('redis://127.0.0.1:6379'),
  QUEUE_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,40}$/, 'QUEUE_PREFIX must be 1-40 letters, digits, - or _')
    .default('syncline'),
  WEB_DIST_DIR: z.string().default(''),
  CLICKHOUSE_MIGRATIONS_DIR: z.string().default(''),
  SYNCLINE_ADMIN_TOKEN: z.preprocess(
    emptyAsUndefined,
    z.string().min(16, 'SYNCLINE_ADMIN_TOKEN must be at least 16 characters').optional(),
  ),
  SYNCLINE_ADMIN_USER: z
    .string()
    .regex(/^[a-z0-9][a-z0-9._-]{1,63}$/, 'SYNCLINE_ADMIN_USER must be 2-64 lower-case letters, digits, . _ or -')
    .default('admin'),
  SYNCLINE_ADMIN_PASSWORD: z.preprocess(
    emptyAsUndefined,
    z.string().min(12, 'SYNCLINE_ADMIN_PASSWORD must be at least 12 characters').optional(),
  ),
  SESSION_IDLE_MINUTES: positive('SESSION_IDLE_MINUTES', 12 * 60),
  SESSION_MAX_DAYS: positive('SESSION_MAX_DAYS', 7),
  SESSION_COOKIE_SECURE: z
    .enum(['auto', 'true', 'false'], { error: 'SESSION_COOKIE_SECURE must be auto, true or false' })
    .default('auto'),
  GRAPHQL_INTROSPECTION: z
    .enum(['signed_in', 'on', 'off'], { error: 'GRAPHQL_INTROSPECTION must be signed_in, on or off' })
    .default('signed_in'),
  GRAPHQL_MAX_DEPTH: count('GRAPHQL_MAX_DEPTH', 12, 2),
  GRAPHQL_MAX_COST: count('GRAPHQL_MAX_COST', 20_000, 10),
  SYNCLINE_CURRENCY: z
    .string()
    .regex(/^[A-Z]{3}$/, 'SYNCLINE_CURRENCY must be a three-letter ISO 4217 code such as EUR or USD')
    .default('EUR'),
  RECONCILE_INTERVAL_SECONDS: count('RECONCILE_INTERVAL_SECONDS', 30, 0),
  RECONCILE_RECHECK_MINUTES: count('RECONCILE_RECHECK_MINUTES', 10, 0),
  RECONCILE_RECHECK_DAYS: count('RECONCILE_RECHECK_DAYS', 7, 1),
  RECONCILE_MAX_THREADS: count('RECONCILE_MAX_THREADS', 0, 0),
  RECONCILE_MAX_MEMORY_MB: count('RECONCILE_MAX_MEMORY_MB', 4096, 64),
  RECONCILE_QUERY_TIMEOUT_SECONDS: count('RECONCILE_QUERY_TIMEOUT_SECONDS', 1800, 10),
  RECONCILE_BY_EVENT_FROM_HOURS: count('RECONCILE_BY_EVENT_FROM_HOURS', 24, 0),
  SILENT_LINE_MINUTES: count('SILENT_LINE_MINUTES', 30, 1),
  REPLAY_ATTEMPTS: count('REPLAY_ATTEMPTS', 6, 1),
  REPLAY_BACKOFF_MS: count('REPLAY_BACKOFF_MS', 1000, 1),
  REPLAY_JOB_CONCURRENCY: count('REPLAY_JOB_CONCURRENCY', 2048, 1),
  REPLAY_SWEEP_SECONDS: count('REPLAY_SWEEP_SECONDS', 60, 0),
  SYNCLINE_SECRETS_FILE: z.string().optional(),
  ALERT_EVALUATE_SECONDS: count('ALERT_EVALUATE_SECONDS', 30, 0),
  ALERT_DELIVERY_ATTEMPTS: count('ALERT_DELIVERY_ATTEMPTS', 5, 1),
  ALERT_BACKOFF_MS: count('ALERT_BACKOFF_MS', 2000, 1),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'SMTP_URL must start with smtp:// or smtps://')
    .optional(),
  ALERT_EMAIL_FROM: z.string().default('Syncline <syncline@localhost>'),
  SYNCLINE_PUBLIC_URL: z.string().url('SYNCLINE_PUBLIC_URL must be a URL such as https://syncline.plant.example').optional(),
  ROLLUP_INTERVAL_SECONDS: count('ROLLUP_INTERVAL_SECONDS', 15, 0),
  ROLLUP_LATE_HOURS: count('ROLLUP_LATE_HOURS', 48, 1),
  ROLLUP_MESSAGE_SPAN_HOURS: count('ROLLUP_MESSAGE_SPAN_HOURS', 6, 1),
  INGEST_MAX_BODY_BYTES: count('INGEST_MAX_BODY_BYTES', 64 * 1024 * 1024, 1024),
  INGEST_MAX_ROWS: count('INGEST_MAX_ROWS', 100_000, 1),
  INGEST_CSV_MAX_BYTES: count('INGEST_CSV_MAX_BYTES', 512 * 1024 * 1024, 1024),
  INGEST_BATCH_MAX_ROWS: count('INGEST_BATCH_MAX_ROWS', 20_000, 1),
  INGEST_BATCH_WAIT_MS: count('INGEST_BATCH_WAIT_MS', 200, 0),
  INGEST_INSERTS_IN_FLIGHT: count('INGEST_INSERTS_IN_FLIGHT', 1, 1),
  // Encoder threads only where cores are to spare after the HTTP thread and ClickHouse: on 2 cores
  // they cost more CPU per hop than they free (docs/benchmarks.md).
  INGEST_PARSE_WORKERS: count('INGEST_PARSE_WORKERS', defaultParseWorkers(availableParallelism()), 0),
  INGEST_INSERT_MAX_ROWS: count('INGEST_INSERT_MAX_ROWS', 100_000, 1),
  INGEST_BACKLOG_MAX_ROWS: count('INGEST_BACKLOG_MAX_ROWS', 500_000, 1),
  INGEST_RATE_LIMIT_PER_MINUTE: count('INGEST_RATE_LIMIT_PER_MINUTE', 1200, 1),
  SYNCLINE_EXTRA_STAGES: z
    .string()
    .regex(
      /^([a-z][a-z0-9_]{0,63})?(,[a-z][a-z0-9_]{0,63})*$/,
      'SYNCLINE_EXTRA_STAGES must be a comma-separated list of lower_snake names',
    )
    .default(''),
  MQTT_URL: z.preprocess(emptyAsUndefined, url('MQTT_URL', ['mqtt:', 'mqtts:', 'ws:', 'wss:']).optional()),
  MQTT_TOPICS: z.string().min(1).default('syncline/device-events/{plant}/{line}'),
  MQTT_SHARE_GROUP: z
    .string()
    .regex(/^[A-Za-z0-9_-]{0,64}$/, 'MQTT_SHARE_GROUP must be letters, digits, - or _ (empty: no shared subscription)')
    .default('syncline'),
  MQTT_CLIENT_ID: z.string().default(''),
  MQTT_CONNECTIONS: count('MQTT_CONNECTIONS', 8, 1),
  SHUTDOWN_TIMEOUT_MS: z.coerce
    .number({ error: 'SHUTDOWN_TIMEOUT_MS must be a number of milliseconds' })
    .int()
    .min(0, 'SHUTDOWN_TIMEOUT_MS must be 0 or more')
    .default(15000),
});

export type RawConfig = z.infer<typeof configSchema>;
