import { InputError } from '../errors/input-error';

/**
 * Milliseconds of an ISO 8601 time a filter was given, or `fallback` when none was. @IsISO8601 lets
 * through forms Date.parse cannot read (week dates 2024-W01-1, ordinal dates 2024-100): those are an
 * InputError naming `field`, never NaN bound into a query (a database error).
 */
export function timeInput(value: string | null | undefined, field: string, fallback: number): number;
export function timeInput(value: string | null | undefined, field: string, fallback: null): number | null;
export function timeInput(value: string | null | undefined, field: string, fallback: number | null): number | null {
  if (!value) return fallback;
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) throw new InputError(`${field} must be a date and time such as 2024-01-31T08:00:00Z`, field);
  return ms;
}
