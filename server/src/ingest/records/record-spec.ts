import Ajv, { type ValidateFunction } from 'ajv';
import { nativeEncoder, type ColumnDecl, type NativeBlock, type NativeEncoder } from '../../clickhouse/native-block';
import type { UnitTable } from '../units/unit-table';
import { describeAjvError } from './ajv-errors';
import { isRowError, type RowError, type RowResult } from './row-error';
import { parseTimestamp } from './timestamps';
import { RETENTION_DAYS, type RecordKind } from '../../domain/vocabulary';

export interface NormalizeContext {
  units: UnitTable;
  /** Plants the caller may write; null = any plant. */
  plants: ReadonlySet<string> | null;
  stages: ReadonlySet<string>;
}

/** How one kind of record is checked (schema library: ajv, compiled) and turned into a table row. */
export interface RecordSpec {
  kind: RecordKind;
  /** What the spec writes to the table's `source` column (http, mqtt, csv, simulator); '' when it has none. */
  source: string;
  table: string;
  /** The columns of the rows toRow returns, in order, with their ClickHouse types (test/int checks them). */
  columns: readonly ColumnDecl[];
  /** The names of `columns`, for the INSERT. */
  columnNames: readonly string[];
  /** Encodes rows from toRow for an insert into `columns` (Native blocks). */
  encoder: NativeEncoder;
  fields: readonly string[];
  /** The direct path for this kind, when it has one (see body/flat-json.ts). */
  direct?: DirectEncoder;
  /** Validates and normalizes one parsed record: a row for `columns`, or the field and reason it fails. */
  toRow(record: unknown, ctx: NormalizeContext): RowResult;
}

/**
 * Validates and encodes one record straight from its JSON bytes buf[start, end), for the common shape
 * of that kind, as a row of `block`. Answers false, having written nothing, when the record is not plainly
 * valid: the general path (JSON.parse, toRow) then decides and explains. It must never accept what
 * toRow refuses, and must write exactly what toRow and `encoder` would.
 */
export type DirectEncoder = (buf: Buffer, start: number, end: number, ctx: NormalizeContext, block: NativeBlock) => boolean;

export const ajv = new Ajv({
  allErrors: false,
  strict: true,
  allowUnionTypes: true,
  coerceTypes: false,
});

export const str = (max: number) => ({ type: ['string', 'null'], maxLength: max });
export const requiredStr = (max: number) => ({ type: 'string', minLength: 1, maxLength: max });
export const timestamp = { type: ['string', 'number'] };
export const optionalTimestamp = { type: ['string', 'number', 'null'] };
export const attributes = {
  type: ['object', 'null'],
  maxProperties: 128,
  additionalProperties: { type: ['string', 'number', 'boolean'] },
};

export function compile(schema: object, fields: readonly string[]) {
  const validate: ValidateFunction = ajv.compile(schema);
  return (record: unknown): { field: string; reason: string } | undefined =>
    validate(record) ? undefined : describeAjvError(validate.errors![0], fields);
}

export function attributesToMap(a: Record<string, string | number | boolean> | null | undefined): Record<string, string> {
  if (!a) return {};
  const out: Record<string, string> = {};
  for (const k in a) out[k] = typeof a[k] === 'string' ? a[k] : String(a[k]);
  return out;
}

/** Checks the plant against the caller's scope; returns the reason when it is not allowed. */
export function plantNotAllowed(plant: string, ctx: NormalizeContext): string | undefined {
  if (ctx.plants === null) return undefined;
  if (!plant) return `is required for a key scoped to plants ${[...ctx.plants].join(', ')}`;
  return ctx.plants.has(plant) ? undefined : `"${plant}" is outside this API key's plants (${[...ctx.plants].join(', ')})`;
}

export function unitCode(unit: string | null | undefined, ctx: NormalizeContext): string | { field: string; reason: string } {
  const code = ctx.units.resolve(unit ?? '');
  return code ?? { field: 'unit', reason: `"${unit}" is not in the unit table (known: ${ctx.units.codes().join(', ')})` };
}

const DAY_US = 86_400_000_000;

/** The reason a time (epoch µs) is too old for the table's retention, if it is. */
export function olderThanRetention(kind: RecordKind, epochUs: number): string | undefined {
  const days = RETENTION_DAYS[kind];
  return epochUs < Date.now() * 1000 - days * DAY_US
    ? `is older than the ${days}-day retention of ${kind}; it would be deleted as soon as it was stored`
    : undefined;
}

export type FieldProblem = { field: string; reason: string };

/** Validates every record with spec.toRow: the rows of the valid ones, and the problems of the others by index. */
export function partitionRecords(
  spec: RecordSpec,
  records: readonly unknown[],
  ctx: NormalizeContext,
): { rows: unknown[][]; errors: RowError[] } {
  const rows: unknown[][] = [];
  const errors: RowError[] = [];
  for (let i = 0; i < records.length; i++) {
    const r = spec.toRow(records[i], ctx);
    if (isRowError(r)) errors.push({ index: i, field: r.field, reason: r.reason });
    else rows.push(r);
  }
  return { rows, errors };
}

// String.prototype.isWellFormed (ES2024, in Node 20's V8; the project's TypeScript lib is ES2023).
const isWellFormed = (s: string) => (s as unknown as { isWellFormed(): boolean }).isWellFormed();

/**
 * A record kind from its columns and its own checks: the Native encoder and the column names come
 * from `columns`, and every row toRow accepts is also checked for strings UTF-8 cannot hold.
 */
export function defineRecordSpec(
  def: Omit<RecordSpec, 'columnNames' | 'encoder'>,
  encoder: NativeEncoder = nativeEncoder(def.columns),
): RecordSpec {
  const { toRow, columns } = def;
  return {
    ...def,
    columnNames: columns.map((c) => c.name),
    encoder,
    toRow(record, ctx) {
      const row = toRow(record, ctx);
      return isRowError(row) ? row : (illFormedString(row, columns) ?? row);
    },
  };
}

/**
 * A string holding half of a surrogate pair cannot be stored as UTF-8: it would become U+FFFD, so two
 * different ids could be stored as the same one (and collapse on it). Checks every string of a row,
 * map keys and values included; the first such column and why, if any.
 */
export function illFormedString(row: readonly unknown[], columns: readonly ColumnDecl[]): FieldProblem | undefined {
  for (let i = 0; i < row.length; i++) {
    const v = row[i];
    let bad = false;
    if (typeof v === 'string') bad = !isWellFormed(v);
    else if (v !== null && typeof v === 'object') {
      for (const [k, x] of Object.entries(v as Record<string, unknown>)) {
        if (!isWellFormed(k) || (typeof x === 'string' && !isWellFormed(x))) bad = true;
      }
    }
    if (bad)
      return { field: columns[i].name, reason: 'contains an unpaired UTF-16 surrogate (\\ud800-\\udfff); send valid Unicode' };
  }
  return undefined;
}

/**
 * The checks every record kind shares after its schema: the plant against the caller's scope, the
 * record's time (to epoch µs, within retention) and its unit through the unit table.
 */
export function checkPlantTimeUnit(
  kind: RecordKind,
  plant: string,
  timeField: string,
  time: unknown,
  unit: string | null | undefined,
  ctx: NormalizeContext,
): { us: number; unit: string } | FieldProblem {
  const scope = plantNotAllowed(plant, ctx);
  if (scope) return { field: 'plant', reason: scope };
  const us = parseTimestamp(time);
  if (typeof us === 'string') return { field: timeField, reason: us };
  const expired = olderThanRetention(kind, us);
  if (expired) return { field: timeField, reason: expired };
  const code = unitCode(unit, ctx);
  return typeof code === 'string' ? { us, unit: code } : code;
}
