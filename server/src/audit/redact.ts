/** Field names whose values never reach the audit trail (or a log): they are replaced by "[redacted]". */
const SECRET_KEY = /password|secret|token|hash|authorization|cookie|credential/i;

/** A JSON-safe copy of `value` with secrets replaced, for the audit trail's before/after columns. */
export function redact(value: unknown, depth = 0): unknown {
  if (value === null || value === undefined) return value ?? null;
  if (depth > 8) return '[nested too deep]';
  if (value instanceof Date) return value.toISOString();
  if (value instanceof Set) return redact([...value], depth);
  if (Array.isArray(value)) return value.map((v) => redact(v, depth + 1));
  if (typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
      out[k] = SECRET_KEY.test(k) ? '[redacted]' : redact(v, depth + 1);
    }
    return out;
  }
  if (typeof value === 'bigint') return value.toString();
  return value;
}

export function toAuditJson(value: unknown): string {
  return value === undefined ? '' : JSON.stringify(redact(value));
}
