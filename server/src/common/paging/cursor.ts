import { InputError } from '../errors/input-error';
import { decodeCursor } from './paging';

/**
 * One element of a decoded cursor: true when `v` has the type and range the query binds it as. A
 * cursor is opaque to clients but not trusted: a crafted one ("after" is any string) must be refused
 * as bad input (BAD_USER_INPUT naming `after`), never reach ClickHouse as a value it cannot bind.
 */
export type CursorPart<T> = (v: unknown) => v is T;

const INT64_MAX = 2n ** 63n - 1n;
/** ClickHouse's UInt32, the type of LIMIT / OFFSET parameters. */
export const UINT32_MAX = 2 ** 32 - 1;
/** Longest string element a cursor carries (ids, keys); longer ones were never given out. */
const MAX_TEXT = 1024;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** ClickHouse's text of a DateTime64: `YYYY-MM-DD hh:mm:ss[.fraction]`. */
const CLICKHOUSE_TIME = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})(?:\.\d{1,9})?$/;

export const cursorParts = {
  /** A finite number (bound as Float64). */
  finite: ((v: unknown) => typeof v === 'number' && Number.isFinite(v)) as CursorPart<number>,
  /** A whole number from `min` to `max` (both within the safe integers). */
  integer(min: number, max: number): CursorPart<number> {
    return (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= min && v <= max;
  },
  /** A whole number as decimal digits that fits ClickHouse's Int64 (0 to 2^63 - 1). */
  int64Digits: ((v: unknown) => typeof v === 'string' && /^\d{1,19}$/.test(v) && BigInt(v) <= INT64_MAX) as CursorPart<string>,
  /** A string of at most 1,024 characters (bound as String). */
  text: ((v: unknown) => typeof v === 'string' && v.length <= MAX_TEXT) as CursorPart<string>,
  /** A UUID in its text form. */
  uuid: ((v: unknown) => typeof v === 'string' && UUID.test(v)) as CursorPart<string>,
  /** A DateTime64 as ClickHouse writes it, a real date and time within the type's range (1900 to 2299). */
  clickhouseTime: ((v: unknown) => {
    if (typeof v !== 'string') return false;
    const m = CLICKHOUSE_TIME.exec(v);
    if (!m) return false;
    const [year, month, day, hour, minute, second] = m.slice(1).map(Number);
    const ms = Date.UTC(year, month - 1, day, hour, minute, second);
    const d = new Date(ms);
    return (
      year >= 1900 &&
      year <= 2299 &&
      d.getUTCMonth() === month - 1 &&
      d.getUTCDate() === day &&
      d.getUTCHours() === hour &&
      d.getUTCMinutes() === minute &&
      d.getUTCSeconds() === second
    );
  }) as CursorPart<string>,
};

/**
 * Decodes a cursor this query gave out (paging.ts encodeCursor) and checks each element against
 * `parts`; anything else is an InputError (BAD_USER_INPUT) naming `field`.
 */
export function decodeCheckedCursor<T extends unknown[]>(
  cursor: unknown,
  parts: { [K in keyof T]: CursorPart<T[K]> },
  field = 'after',
): T {
  const refuse = () =>
    new InputError(`${field} is not a cursor this query gave out; pass the endCursor of the previous page`, field);
  if (typeof cursor !== 'string') throw refuse();
  const key = decodeCursor<unknown[]>(cursor, parts.length, field);
  if (!key.every((v, i) => parts[i](v))) throw refuse();
  return key as T;
}
