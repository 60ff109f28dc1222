/**
 * Query parameters travel in the request's URL form, and ClickHouse's HTTP server refuses a field over
 * about 100 KB ("HTML Form Exception: Field value too long"): a list of 10,000 ids of 35 characters
 * does not fit in one. Lists that can be long are sent in parts of at most `maxBytes` each.
 */
export function paramChunks(values: readonly string[], maxBytes = 60_000): string[][] {
  const parts: string[][] = [];
  let part: string[] = [];
  let bytes = 0;
  for (const v of values) {
    const size = Buffer.byteLength(v) + 4; // quotes and the comma around it
    if (part.length > 0 && bytes + size > maxBytes) {
      parts.push(part);
      part = [];
      bytes = 0;
    }
    part.push(v);
    bytes += size;
  }
  if (part.length > 0) parts.push(part);
  return parts;
}

/** Runs `query` for each part of `values` and concatenates the rows (one query when the list is short). */
export async function queryInParts<T>(values: readonly string[], query: (part: string[]) => Promise<T[]>): Promise<T[]> {
  const rows: T[] = [];
  for (const part of paramChunks(values)) rows.push(...(await query(part)));
  return rows;
}
