/**
 * Splits a migration file into statements at `;` outside quotes and comments.
 * ClickHouse's HTTP interface takes one statement per request.
 */
export function splitStatements(sql: string): string[] {
  const out: string[] = [];
  let current = '';
  let i = 0;
  let quote: string | null = null;
  while (i < sql.length) {
    const ch = sql[i];
    const next = sql[i + 1];
    if (quote) {
      current += ch;
      if (ch === '\\' && next !== undefined) {
        current += next;
        i += 2;
        continue;
      }
      if (ch === quote) quote = null;
      i++;
      continue;
    }
    if (ch === '-' && next === '-') {
      const end = sql.indexOf('\n', i);
      i = end === -1 ? sql.length : end;
      continue;
    }
    if (ch === '/' && next === '*') {
      const end = sql.indexOf('*/', i + 2);
      i = end === -1 ? sql.length : end + 2;
      continue;
    }
    if (ch === "'" || ch === '"' || ch === '`') quote = ch;
    if (ch === ';') {
      if (current.trim()) out.push(current.trim());
      current = '';
      i++;
      continue;
    }
    current += ch;
    i++;
  }
  if (current.trim()) out.push(current.trim());
  return out;
}

const MERGE_TREE_ENGINE =
  /(\bENGINE\s*=\s*)(Replacing|Aggregating|Summing|Collapsing|VersionedCollapsing|Coalescing)?MergeTree\b/gi;

/**
 * On a cluster, the database uses ClickHouse's Replicated engine (DDL reaches every replica) and
 * MergeTree-family tables become their Replicated* variants with no path arguments, which a
 * Replicated database fills in. Migration files stay written for a single server.
 */
export function toReplicatedEngines(statement: string): string {
  return statement.replace(
    MERGE_TREE_ENGINE,
    (_m, prefix: string, family: string | undefined) => `${prefix}Replicated${family ?? ''}MergeTree`,
  );
}
