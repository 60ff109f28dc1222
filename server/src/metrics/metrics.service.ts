import { Injectable } from '@nestjs/common';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** The product's own Prometheus metrics; features register theirs here so /metrics shows all. */
@Injectable()
export class MetricsService {
  readonly registry = new Registry();
  readonly httpRequestDuration = new Histogram({
    name: 'syncline_http_request_duration_seconds',
    help: 'HTTP request duration by method, route and status code',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });
  readonly queueJobs = new Counter({
    name: 'syncline_queue_jobs_total',
    help: 'Jobs processed by queue, job name and outcome',
    labelNames: ['queue', 'job', 'outcome'] as const,
    registers: [this.registry],
  });

  readonly ingestRows = new Counter({
    name: 'syncline_ingest_rows_total',
    help: 'Records stored, by kind (hops, device_events, erp_postings)',
    labelNames: ['kind'] as const,
    registers: [this.registry],
  });
  readonly ingestRejected = new Counter({
    name: 'syncline_ingest_rejected_total',
    help: 'Records rejected by validation or scope, by kind',
    labelNames: ['kind'] as const,
    registers: [this.registry],
  });
  readonly ingestInsertRows = new Histogram({
    name: 'syncline_ingest_insert_rows',
    help: 'Rows per insert into ClickHouse (requests coalesced by group commit), by kind',
    labelNames: ['kind'] as const,
    buckets: [1, 10, 100, 1000, 5000, 10_000, 25_000, 50_000, 100_000],
    registers: [this.registry],
  });

  readonly ingestInsertSeconds = new Histogram({
    name: 'syncline_ingest_insert_seconds',
    help: 'Time to store one batch in ClickHouse, by kind',
    labelNames: ['kind'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [this.registry],
  });

  readonly redisUp = new Gauge({
    name: 'syncline_redis_up',
    help: '1 while the request-time Redis connection (sessions, rate limits) is up, 0 during an outage',
    registers: [this.registry],
  });
  readonly redisOutages = new Counter({
    name: 'syncline_redis_outages_total',
    help: 'Times the request-time Redis connection was lost',
    registers: [this.registry],
  });
  readonly rateLimitFailOpen = new Counter({
    name: 'syncline_ingest_rate_limit_fail_open_total',
    help: 'Ingest requests let through unlimited because Redis could not count them',
    registers: [this.registry],
  });

  readonly mqttRejected = new Counter({
    name: 'syncline_mqtt_rejected_total',
    help: 'MQTT messages acknowledged but not stored because they were invalid (each kept as a dead letter first)',
    registers: [this.registry],
  });
  readonly deadLetters = new Counter({
    name: 'syncline_dead_letters_total',
    help: 'Messages kept as dead letters (stored neither as data nor refused to a waiting sender), by source and reason',
    labelNames: ['source', 'reason'] as const,
    registers: [this.registry],
  });
  readonly refusedBatches = new Counter({
    name: 'syncline_ingest_refused_batches_total',
    help: "Ingest requests refused with a 4xx answer (HTTP batch, CSV, OTLP), by API key id ('admin', 'session' or 'anonymous' without a key) and error code",
    labelNames: ['key', 'reason'] as const,
    registers: [this.registry],
  });

  readonly reconcileRuns = new Counter({
    name: 'syncline_reconcile_runs_total',
    help: 'Reconciliation runs by kind (window, recheck, full, on_demand) and outcome (ok, failed)',
    labelNames: ['kind', 'outcome'] as const,
    registers: [this.registry],
  });
  readonly reconcileSeconds = new Histogram({
    name: 'syncline_reconcile_duration_seconds',
    help: 'Duration of one reconciliation run, by kind',
    labelNames: ['kind'] as const,
    buckets: [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120],
    registers: [this.registry],
  });
  readonly reconcileFindings = new Counter({
    name: 'syncline_reconcile_findings_total',
    help: 'Finding rows written (detected, refreshed) and status changes made by reconciliation (resolved, reopened)',
    labelNames: ['change'] as const,
    registers: [this.registry],
  });
  readonly replays = new Counter({
    name: 'syncline_replays_total',
    help: 'Replay attempts by outcome (sent, skipped, retried, rate_limited, failed, dead)',
    labelNames: ['outcome'] as const,
    registers: [this.registry],
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry, prefix: 'syncline_' });
  }
}
