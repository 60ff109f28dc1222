/** ClickHouse could not be reached (down, restarting, network): callers answer 503 or retry. */
export class ClickHouseUnavailableError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'ClickHouseUnavailableError';
  }
}

/** ClickHouse answered with an error for this query. */
export class ClickHouseQueryError extends Error {
  constructor(
    message: string,
    readonly queryName: string,
    readonly code: string | undefined,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'ClickHouseQueryError';
  }
}

const UNAVAILABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'UND_ERR_SOCKET',
]);

/** Maps whatever the client threw to one of the two typed errors above. */
export function toClickHouseError(err: unknown, queryName: string): Error {
  if (err instanceof ClickHouseUnavailableError || err instanceof ClickHouseQueryError) return err;
  const e = err as { code?: unknown; message?: unknown; type?: unknown };
  const code = typeof e?.code === 'string' ? e.code : undefined;
  const message = typeof e?.message === 'string' ? e.message : String(err);
  if ((code && UNAVAILABLE_CODES.has(code)) || /timeout|socket hang up|ECONNREFUSED/i.test(message)) {
    return new ClickHouseUnavailableError(`ClickHouse is unavailable (${queryName}): ${message}`, { cause: err });
  }
  return new ClickHouseQueryError(`ClickHouse rejected ${queryName}: ${message}`, queryName, code, { cause: err });
}
