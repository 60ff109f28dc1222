/**
 * Where each table's rows live on a cluster (ADR 0011). Every table a migration creates must be listed:
 * the schema step refuses to start on a cluster with a table it does not know how to place.
 *
 * - `plant`: sharded by `cityHash64(plant)`. A plant's hops, device events, postings, findings and their
 *   history, replays and rollups live on one shard, so reconciliation and the rollups run on each shard
 *   over its own plants with shard-local joins, and a plant-filtered query reads only its shard.
 * - `everywhere`: small settings and people tables; every node keeps a whole copy (written to all of them
 *   through the `<cluster>_all` cluster), so a query on any shard can join them locally.
 * - `spread`: sharded by the given key, for tables that no query joins with plant data.
 */
export type Placement = { kind: 'plant' } | { kind: 'everywhere' } | { kind: 'spread'; key: string };

const PLANT: Placement = { kind: 'plant' };
const EVERYWHERE: Placement = { kind: 'everywhere' };

export const TABLE_PLACEMENT: Readonly<Record<string, Placement>> = {
  // Plant data: what reconciliation, traces, the rollups and replay read and write together.
  hops: PLANT,
  trace_index: PLANT, // filled on each shard by trace_index_mv from that shard's hops
  device_events: PLANT,
  erp_postings: PLANT,
  posting_refs: PLANT, // filled on each shard by posting_refs_mv from that shard's postings
  events_by_id: PLANT, // filled on each shard by events_by_id_mv from that shard's device events
  postings_by_event: PLANT, // filled on each shard by postings_by_event_mv from that shard's postings
  event_postings: PLANT, // filled on each shard by event_postings_mv from that shard's postings
  line_days: PLANT, // filled on each shard by line_days_mv from that shard's device events
  line_minutes: PLANT, // filled on each shard by line_minutes_mv from that shard's device events
  reversals: PLANT, // filled on each shard by reversals_mv from that shard's postings
  findings: PLANT,
  finding_events: PLANT, // carries its finding's plant so a finding and its history share a shard
  replays: PLANT,
  dead_letters: PLANT,
  sim_ground_truth: PLANT,
  lag_minute: PLANT,
  lag_hour: PLANT,
  lag_day: PLANT,
  stage_lag_minute: PLANT,
  stage_lag_hour: PLANT,
  roi_postings_hour: PLANT,
  roi_inventory_hour: PLANT,
  roi_maintenance_hour: PLANT,
  // The audit trail is append-only and never joined: spread evenly.
  audit_log: { kind: 'spread', key: 'cityHash64(audit_id)' },
  // Settings, people and bookkeeping: a few thousand rows at most, read by every shard's queries.
  users: EVERYWHERE,
  api_keys: EVERYWHERE,
  units: EVERYWHERE,
  unit_conversions: EVERYWHERE,
  flow_rules: EVERYWHERE,
  material_costs: EVERYWHERE,
  plant_calendars: EVERYWHERE,
  line_silences: EVERYWHERE,
  replay_targets: EVERYWHERE,
  replay_batches: EVERYWHERE,
  roi_settings: EVERYWHERE,
  rollup_progress: EVERYWHERE,
  reconcile_runs: EVERYWHERE,
  alert_channels: EVERYWHERE,
  alert_rules: EVERYWHERE,
  alert_state: EVERYWHERE,
  alert_silences: EVERYWHERE,
  alert_notifications: EVERYWHERE,
};

/** The Distributed engine clause of `table` on `cluster`, over `localDb`; throws for an unplaced table. */
export function distributedEngine(table: string, cluster: string, localDb: string): string {
  const placement = TABLE_PLACEMENT[table];
  if (!placement) {
    throw new Error(
      `table ${table} has no placement for a cluster: add it to TABLE_PLACEMENT in server/src/clickhouse/cluster/placement.ts`,
    );
  }
  // Identifiers only (validated configuration and our own table names); no values.
  if (placement.kind === 'everywhere') return `Distributed('${cluster}_all', '${localDb}', '${table}')`;
  const key = placement.kind === 'plant' ? 'cityHash64(plant)' : placement.key;
  return `Distributed('${cluster}', '${localDb}', '${table}', ${key})`;
}

/** The database holding a cluster node's own (local) tables, behind the Distributed tables of `database`. */
export function localDatabase(database: string): string {
  return `${database}_local`;
}
