/**
 * Several queries in one read (one round trip, and on a cluster one fan-out instead of one per query):
 * one `UNION ALL` branch per kind, each row a JSON object of its query's columns (named tuples). Rows
 * come in no order. `settings` ends the statement (`SETTINGS ...`, without the keyword).
 */
export function rowsByKind(branches: Record<string, string>, settings = ''): string {
  const union = Object.entries(branches)
    .map(([kind, sql]) => {
      // A kind is a name from the code, written into the SQL as a literal: a plain word, never a value.
      if (!/^[a-z_]+$/.test(kind)) throw new Error(`"${kind}" is not a plain word; refusing to put it in SQL`);
      return `SELECT '${kind}' AS kind, toJSONString(tuple(*)) AS row FROM (${sql})`;
    })
    .join('\nUNION ALL\n');
  return `${union}\nSETTINGS enable_named_columns_in_function_tuple = 1${settings ? `, ${settings}` : ''}`;
}

/** A row of a rowsByKind read. */
export interface KindRow {
  kind: string;
  row: string;
}

/** The rows of one kind of a rowsByKind read, parsed. */
export function rowsOf<T>(rows: KindRow[], kind: string): T[] {
  return rows.filter((r) => r.kind === kind).map((r) => JSON.parse(r.row) as T);
}
