/** One difference between two JSON documents: where, and the value on each side (undefined: absent). */
export interface JsonChange {
  path: string;
  before: unknown;
  after: unknown;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * What an edit of a payload changed, field by field (objects are compared key by key, anything else as a
 * whole), for the audit trail: `[{ path: "quantity", before: 10, after: 12 }]`. At most `limit` changes.
 */
export function jsonDiff(before: unknown, after: unknown, limit = 100, path = ''): JsonChange[] {
  if (isObject(before) && isObject(after)) {
    const changes: JsonChange[] = [];
    for (const key of [...new Set([...Object.keys(before), ...Object.keys(after)])].sort()) {
      if (changes.length >= limit) break;
      changes.push(...jsonDiff(before[key], after[key], limit - changes.length, path ? `${path}.${key}` : key));
    }
    return changes;
  }
  return JSON.stringify(before) === JSON.stringify(after) ? [] : [{ path: path || '(whole payload)', before, after }];
}
