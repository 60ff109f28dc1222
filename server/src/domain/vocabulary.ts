/** The product's fixed vocabularies (../shared/product.md). Unknown values are errors, never defaults. */
export const EVENT_TYPES = [
  'production_start',
  'production_stop',
  'cycle_complete',
  'downtime',
  'scrap',
  'maintenance_alert',
  'quality_hold',
  'batch_complete',
  'inventory_movement',
  'goods_receipt',
] as const;

export const BASE_STAGES = ['device', 'gateway', 'broker', 'middleware', 'erp_api', 'erp_posting'] as const;

export const HOP_STATUSES = ['ok', 'error', 'retry', 'dropped'] as const;

export const RECORD_KINDS = ['hops', 'device_events', 'erp_postings'] as const;
export type RecordKind = (typeof RECORD_KINDS)[number];

/** Flow and posting type names: lower snake case, like production_confirmation. */
export const NAME_PATTERN = '^[a-z][a-z0-9_]{0,63}$';

/**
 * Retention of each table, as its TTL in clickhouse/migrations says. Records already older than this
 * are refused at ingest: ClickHouse would drop them on insert, and a 2xx would be a lie.
 */
export const RETENTION_DAYS: Record<RecordKind, number> = { hops: 90, device_events: 730, erp_postings: 730 };
