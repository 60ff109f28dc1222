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
  /** With configFile: the native-protocol port the other engines of a local cluster reach this one on. */
  tcpPort?: number;
  /** A ClickHouse config file (a `<remote_servers>` cluster) for the engine. */
  configFile?: string;
  startTimeoutMs?: number;
  onLog?: (line: string) => void;
}

export interface EmbeddedCluster {
  /** The name of the plant-sharded cluster; `${cluster}_all` holds every engine as a replica of one shard. */
  cluster: string;
  engines: EmbeddedClickHouse[];
  /** HTTP URL of each shard's engine, in shard order. */
  urls: string[];
  stop(timeoutMs?: number): Promise<void>;
}

export interface EmbeddedClusterOptions {
  dataDir: string;
  shards: number;
  /** The cluster's name in `<remote_servers>` (default `syncline`). */
  cluster?: string;
  startTimeoutMs?: number;
  onLog?: (shard: number, line: string) => void;
}

export function startEmbeddedCluster(options: EmbeddedClusterOptions): Promise<EmbeddedCluster>;
export function clusterConfigXml(name: string, tcpPorts: number[]): string;

export function startEmbeddedClickHouse(options: EmbeddedClickHouseOptions): Promise<EmbeddedClickHouse>;
