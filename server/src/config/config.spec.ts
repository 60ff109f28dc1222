import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config';
import { defaultParseWorkers } from './config.schema';

describe('loadConfig', () => {
  it('gives the embedded defaults when nothing is set', () => {
    const c = loadConfig({}, '/srv/app');
    expect(c.port).toBe(3000);
    expect(c.host).toBe('127.0.0.1');
    expect(c.dataDir).toBe('/srv/app/data');
    expect(c.clickhouse.url).toBeUndefined();
    expect(c.clickhouse.database).toBe('syncline');
    expect(c.redis.url).toBe('redis://127.0.0.1:6379');
    expect(path.basename(c.migrationsDir)).toBe('migrations');
  });

  it('reads every variable it is given', () => {
    const c = loadConfig(
      {
        PORT: '8080',
        SYNCLINE_DATA_DIR: '/var/lib/syncline',
        CLICKHOUSE_URL: 'https://ch.example:8443',
        CLICKHOUSE_DATABASE: 'plant_a',
        CLICKHOUSE_CLUSTER: 'prod',
        CLICKHOUSE_SHARD_URLS: 'https://ch-1.example:8443, https://ch-2.example:8443',
        CLICKHOUSE_REPLICATED: 'true',
        SYNCLINE_ROLE: 'worker',
        REDIS_URL: 'rediss://:pw@redis:6380/2',
      },
      '/x',
    );
    expect(c).toMatchObject({
      port: 8080,
      dataDir: '/var/lib/syncline',
      clickhouse: {
        url: 'https://ch.example:8443',
        database: 'plant_a',
        cluster: 'prod',
        shardUrls: ['https://ch-1.example:8443', 'https://ch-2.example:8443'],
        replicated: true,
      },
      role: 'worker',
      redis: { url: 'rediss://:pw@redis:6380/2' },
    });
  });

  it('refuses cluster settings that do not go together, saying what is missing', () => {
    const problems = (env: Record<string, string>) => {
      try {
        loadConfig(env);
        return [];
      } catch (err) {
        return (err as ConfigError).problems;
      }
    };
    expect(problems({ CLICKHOUSE_URL: 'http://ch:8123', CLICKHOUSE_CLUSTER: 'prod' })).toEqual([
      expect.stringMatching(/^CLICKHOUSE_SHARD_URLS: must list one HTTP URL per shard/),
    ]);
    expect(problems({ CLICKHOUSE_URL: 'http://ch:8123', CLICKHOUSE_SHARD_URLS: 'http://a:8123' })).toEqual([
      expect.stringMatching(/^CLICKHOUSE_CLUSTER: must name the <remote_servers> cluster/),
    ]);
    expect(problems({ CLICKHOUSE_CLUSTER: 'prod', CLICKHOUSE_SHARD_URLS: 'http://a:8123' })).toEqual([
      expect.stringMatching(/^CLICKHOUSE_URL: must be set/),
    ]);
    expect(problems({ CLICKHOUSE_SHARD_URLS: 'http://a:8123,ftp://b' })[0]).toMatch(
      /^CLICKHOUSE_SHARD_URLS \(entry 2\): .*http:\/\//,
    );
    expect(problems({ SYNCLINE_SHARDS: '2', CLICKHOUSE_URL: 'http://ch:8123' })[0]).toMatch(
      /^SYNCLINE_SHARDS: starts local engines/,
    );
    expect(problems({ SYNCLINE_SHARDS: '40' })[0]).toMatch(/^SYNCLINE_SHARDS: SYNCLINE_SHARDS must be between 1 and 16/);
    expect(problems({ SYNCLINE_ROLE: 'both' })[0]).toMatch(/^SYNCLINE_ROLE: SYNCLINE_ROLE must be all, api or worker/);
    expect(loadConfig({ SYNCLINE_SHARDS: '2' }).clickhouse.embeddedShards).toBe(2);
  });

  it('treats an empty CLICKHOUSE_URL as unset (embedded engine)', () => {
    expect(loadConfig({ CLICKHOUSE_URL: '  ' }).clickhouse.url).toBeUndefined();
  });

  it.each([
    [{ PORT: 'abc' }, /PORT: PORT must be a port number \(got "abc"\)/],
    [{ PORT: '70000' }, /PORT must be between 0 and 65535/],
    [{ CLICKHOUSE_URL: 'ch:9000' }, /CLICKHOUSE_URL must be a URL starting with http:\/\/ or https:\/\//],
    [{ REDIS_URL: 'http://redis' }, /REDIS_URL must be a URL starting with redis:\/\/ or rediss:\/\//],
    [{ CLICKHOUSE_DATABASE: 'drop table;' }, /CLICKHOUSE_DATABASE must be letters, digits and underscores/],
    [{ LOG_LEVEL: 'loud' }, /LOG_LEVEL: .*"loud"/],
  ])('names the variable and what is allowed for %o', (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
  });

  it('reports every bad variable at once', () => {
    try {
      loadConfig({ PORT: '-1', REDIS_URL: 'nope' });
      expect.unreachable();
    } catch (err) {
      expect((err as ConfigError).problems).toHaveLength(2);
    }
  });

  it('never echoes a password back', () => {
    expect(() => loadConfig({ SYNCLINE_ADMIN_TOKEN: 'short' })).toThrow(/at least 16 characters/);
  });
});

describe('defaultParseWorkers', () => {
  it('uses no encoder threads below 4 cores, then one per core beyond two, at most 4', () => {
    expect([1, 2, 3, 4, 5, 6, 8, 64].map(defaultParseWorkers)).toEqual([0, 0, 0, 2, 3, 4, 4, 4]);
  });

  it('takes INGEST_PARSE_WORKERS as given, 0 included', () => {
    expect(loadConfig({ INGEST_PARSE_WORKERS: '0' }, '/x').ingest.parseWorkers).toBe(0);
    expect(loadConfig({ INGEST_PARSE_WORKERS: '3' }, '/x').ingest.parseWorkers).toBe(3);
    expect(() => loadConfig({ INGEST_PARSE_WORKERS: '-1' }, '/x')).toThrow('INGEST_PARSE_WORKERS');
  });
});
