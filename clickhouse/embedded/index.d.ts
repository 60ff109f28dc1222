export interface EmbeddedClickHouse {
  /** HTTP URL of the engine, e.g. http://127.0.0.1:38123 */
  url: string;
  port: number;
  pid: number | undefined;
  /** Resolves with the exit code when the engine process ends. */
  exited: Promise<number>;
  stop(timeoutMs?: number): Promise<void>;
}

export interface EmbeddedClickHouseOptions {
  dataDir: string;
  /** 0 or omitted: a free port is chosen. */
  port?: number;
  startTimeoutMs?: number;
  onLog?: (line: string) => void;
}

export function startEmbeddedClickHouse(options: EmbeddedClickHouseOptions): Promise<EmbeddedClickHouse>;
