import { describe, expect, it } from 'vitest';
import { splitStatements, toReplicatedEngines } from './sql-statements';

describe('splitStatements', () => {
  it('splits on semicolons outside quotes and drops comments', () => {
    const sql = `-- a comment; with a semicolon
CREATE TABLE a (x String DEFAULT 'a;b') ENGINE = MergeTree ORDER BY x;
/* block; comment */
CREATE VIEW v AS SELECT 'it''s' AS s, "we;ird" AS w;
`;
    expect(splitStatements(sql)).toEqual([
      "CREATE TABLE a (x String DEFAULT 'a;b') ENGINE = MergeTree ORDER BY x",
      `CREATE VIEW v AS SELECT 'it''s' AS s, "we;ird" AS w`,
    ]);
  });

  it('keeps a final statement with no semicolon and ignores empty ones', () => {
    expect(splitStatements('SELECT 1;;\n  ;SELECT 2')).toEqual(['SELECT 1', 'SELECT 2']);
  });

  it('handles backslash escapes inside strings', () => {
    expect(splitStatements("SELECT 'a\\';b'; SELECT 3")).toEqual(["SELECT 'a\\';b'", 'SELECT 3']);
  });
});

describe('toReplicatedEngines', () => {
  it('turns MergeTree-family engines into their Replicated variants, keeping arguments', () => {
    expect(toReplicatedEngines('ENGINE = MergeTree ORDER BY x')).toBe('ENGINE = ReplicatedMergeTree ORDER BY x');
    expect(toReplicatedEngines('ENGINE=ReplacingMergeTree(ingested_at)')).toBe(
      'ENGINE=ReplicatedReplacingMergeTree(ingested_at)',
    );
    expect(toReplicatedEngines('engine = AggregatingMergeTree')).toBe('engine = ReplicatedAggregatingMergeTree');
  });

  it('leaves other engines and already replicated ones alone', () => {
    expect(toReplicatedEngines('ENGINE = Memory')).toBe('ENGINE = Memory');
    expect(toReplicatedEngines('ENGINE = ReplicatedMergeTree')).toBe('ENGINE = ReplicatedMergeTree');
    expect(toReplicatedEngines('CREATE MATERIALIZED VIEW v TO t AS SELECT 1')).toBe(
      'CREATE MATERIALIZED VIEW v TO t AS SELECT 1',
    );
  });
});
