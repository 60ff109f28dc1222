import type { RowError } from './records/row-error';

/** An ingest failure with its HTTP status, a stable code and a message that says what to change. */
export class IngestHttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'IngestHttpError';
  }
}

export const MAX_REPORTED_ROW_ERRORS = 100;

export function rowsRejected(errors: RowError[], total: number, status = 422): IngestHttpError {
  const shown = errors.slice(0, MAX_REPORTED_ROW_ERRORS);
  const first = shown[0];
  return new IngestHttpError(
    status,
    status === 403 ? 'forbidden_plant' : 'invalid_rows',
    `${errors.length} of ${total} records ${errors.length === 1 ? 'is' : 'are'} invalid; nothing was stored. ` +
      `First: record ${first.index}, ${first.field} ${first.reason}`,
    { policy: 'all-or-nothing', rejected: errors.length, errors: shown },
  );
}
