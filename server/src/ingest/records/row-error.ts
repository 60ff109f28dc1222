/** One rejected row: its 0-based index in the request, the field, and what is wrong or allowed. */
export interface RowError {
  index: number;
  /** For CSV uploads: the line in the file (the header is line 1). */
  line?: number;
  field: string;
  reason: string;
}

export type RowResult = unknown[] | { field: string; reason: string };

export function isRowError(r: RowResult): r is { field: string; reason: string } {
  return !Array.isArray(r);
}
