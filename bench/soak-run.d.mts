export interface SoakOptions {
  durationSeconds: number;
  faultEverySeconds: number;
  clients?: number;
  batch?: number;
  requestEveryMs?: number;
  pollEveryMs?: number;
  speed?: number;
  graceMs?: number;
  warmupShare?: number;
  log?: (line: string) => void;
}

export interface SoakResult {
  minutes: number;
  acked: number;
  lost: number;
  duplicated: number;
  duplicate_rows_raw: number;
  duplicate_ids_raw: number;
  stored_unacked: number;
  errors_5xx_outside_faults: number;
  errors_5xx_in_faults: number;
  graphql_errors_outside_faults: number;
  connection_errors_outside_faults: number;
  rss_start_mb: number | null;
  rss_end_mb: number;
  memory_flat: boolean;
  p50_ingest_ms: number;
  p99_ingest_ms: number;
  p99_ingest_ms_outside_faults: number;
  max_batch_ack_ms: number;
  ingest_requests: number;
  acked_records_per_s: number;
  queries: number;
  p99_query_ms: number;
  /** Per server SIGKILL, how long its embedded engine outlived it; the most of all (60000: never went). */
  engine_gone_after_server_kill_max_ms: number | null;
  faults: { kind: 'engine' | 'redis' | 'server'; at_s: number; recovered_s: number }[];
  server_processes: {
    pid: number;
    from_s: number;
    to_s: number;
    warm_mb: number | null;
    end_mb: number | null;
    max_mb: number | null;
  }[];
  engine_rss_warm_mb: number | null;
  engine_rss_end_mb: number | null;
  status_counts: Record<string, number>;
  duplicated_examples?: string[];
  lost_examples?: string[];
  errors_5xx_outside_faults_examples?: string[];
}

export function runSoak(options: SoakOptions): Promise<SoakResult>;
