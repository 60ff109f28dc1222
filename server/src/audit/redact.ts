import { SECRET_REF } from '../replay/secrets';

/** Field names whose values never reach the audit trail (or a log): they are replaced by "[redacted]". */
const SECRET_KEY = /password|secret|token|hash|authorization|cookie|credential/i;
/**
 * Field names whose values are URLs that may carry a secret (a Slack or Teams webhook URL is one, its
 * token is the path; others put it in the query or user info): only their scheme and host are kept.
 */
const URL_KEY = /url$|uri$|webhook|endpoint|dsn$/i;

/**
 * A URL as the audit trail may show it: scheme and host, with "/[redacted]" for whatever followed
 * (user info, path, query, fragment). A secret reference (env:NAME, file:NAME) names the secret
 * without holding it and is kept; text that is no URL is "[redacted]" whole.
 */
export function redactUrl(value: string): string {
  if (value === '' || SECRET_REF.test(value.trim())) return value;
  let u: URL;
  try {
    u = new URL(value.trim());
  } catch {
    return '[redacted]';
  }
  if (!u.host) return '[redacted]';
  const more = u.username || u.password || (u.pathname && u.pathname !== '/') || u.search || u.hash;
  return `${u.protocol}//${u.host}${more ? '/[redacted]' : ''}`;
}

const URL_IN_TEXT = /\b[a-z][a-z0-9+.-]*:\/\/[^\s"'<>]+/gi;
/** An Authorization header's credentials: `Bearer` in any case, `Basic` and `Digest` as HTTP writes them. */
const AUTH_SCHEME_IN_TEXT = /\b([Bb][Ee][Aa][Rr][Ee][Rr]|Basic|Digest)\s+[^\s"',;]+/g;
const KEY_VALUE_IN_TEXT =
  /\b(password|passwd|pwd|secret|token|api[_-]?key|access[_-]?key|client[_-]?secret|signature|sig)=[^\s&,;"']+/gi;

/**
 * Free text (an error message) with what looks like a secret replaced: credentials after an auth
 * scheme (`Bearer ...`), `password=...`-style pairs, and URLs cut to scheme and host (redactUrl).
 * Messages should never quote a secret in the first place; this is the audit trail's second line.
 */
export function redactText(text: string): string {
  return text
    .replace(URL_IN_TEXT, (url) => {
      // A sentence's closing punctuation is not part of the URL.
      const [, body, tail] = /^(.*?)([.,;:!?)\]]*)$/s.exec(url)!;
      return redactUrl(body) + tail;
    })
    .replace(AUTH_SCHEME_IN_TEXT, '$1 [redacted]')
    .replace(KEY_VALUE_IN_TEXT, '$1=[redacted]');
}

/** A JSON-safe copy of `value` with secrets replaced, for the audit trail's before/after columns. */
export function redact(value: unknown, depth = 0, urls = false): unknown {
  if (value === null || value === undefined) return value ?? null;
  if (depth > 8) return '[nested too deep]';
  if (value instanceof Date) return value.toISOString();
  if (value instanceof Set) return redact([...value], depth, urls);
  if (Array.isArray(value)) return value.map((v) => redact(v, depth + 1, urls));
  if (typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
      out[k] = SECRET_KEY.test(k) ? '[redacted]' : redact(v, depth + 1, URL_KEY.test(k));
    }
    return out;
  }
  if (typeof value === 'string' && urls) return redactUrl(value);
  if (typeof value === 'bigint') return value.toString();
  return value;
}

export function toAuditJson(value: unknown): string {
  return value === undefined ? '' : JSON.stringify(redact(value));
}
