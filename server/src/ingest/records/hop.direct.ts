import {
  enumValues,
  wireType,
  type ColumnDecl,
  type Enum8Column,
  type FixedColumn,
  type MapColumn,
  type NativeBlock,
  type NativeColumn,
  type NullableFloat64Column,
  type StringColumn,
} from '../../clickhouse/native-block';
import { FlatJsonScanner, JsonKind, KeyMatcher } from '../body/flat-json';
import { olderThanRetention, plantNotAllowed, type DirectEncoder, type NormalizeContext } from './record-spec';
import { isoMillisZToMicros, parseTimestamp } from './timestamps';
import { EVENT_TYPES, NAME_PATTERN } from '../../domain/vocabulary';

/**
 * The direct path for a hop (see body/flat-json.ts): the same checks as hop.record.ts's ajv schema
 * and toRow, done on the scanned bytes, writing the same Native row. Whenever a record is not
 * plainly valid it answers false and the general path decides, with its error messages.
 * hop.direct.spec.ts holds the two paths to the same results, record by record.
 */

// Field indices, in HOP_COLUMNS order (the input field names are the column names).
export const HOP_FIELD = {
  hop_id: 0,
  correlation_id: 1,
  parent_hop_id: 2,
  flow: 3,
  stage: 4,
  system: 5,
  plant: 6,
  line: 7,
  asset: 8,
  order_id: 9,
  material: 10,
  batch: 11,
  event_type: 12,
  quantity: 13,
  unit: 14,
  start_time: 15,
  end_time: 16,
  status: 17,
  error_code: 18,
  error_message: 19,
  attempt: 20,
  business_key: 21,
  payload: 22,
  attributes: 23,
} as const;
const F = HOP_FIELD;

/** The input fields the direct path knows, in index order (= HOP_COLUMNS; hop.direct.spec.ts checks). */
export const HOP_DIRECT_FIELDS = Object.keys(F);

/** What each column of a hop row is written as, by field index; hopDirectEncoder checks it against the table's columns. */
const WIRE: readonly WireTypeKind[] = [
  ...Array<WireTypeKind>(13).fill('String'), // hop_id .. event_type
  'Nullable(Float64)', // quantity
  'String', // unit
  'Int64', // start_time
  'Int64', // end_time
  'Enum8', // status
  'String', // error_code
  'String', // error_message
  'UInt16', // attempt
  'String', // business_key
  'String', // payload
  'Map(String, String)', // attributes
];
type WireTypeKind = ReturnType<typeof wireType>['kind'];

/** Optional string fields and their maximum lengths, as in the ajv schema. */
export const OPTIONAL_STRINGS: readonly [number, number][] = [
  [F.parent_hop_id, 128],
  [F.system, 128],
  [F.plant, 64],
  [F.line, 64],
  [F.asset, 128],
  [F.order_id, 128],
  [F.material, 128],
  [F.batch, 128],
  [F.unit, 32],
  [F.error_code, 128],
  [F.error_message, 8192],
  [F.business_key, 256],
];
// The same as two typed arrays: the per-record loop then destructures nothing.
const OPTIONAL_FIELDS = Int32Array.from(OPTIONAL_STRINGS.map(([i]) => i));
const OPTIONAL_MAX = Int32Array.from(OPTIONAL_STRINGS.map(([, max]) => max));

/** NAME_PATTERN (^[a-z][a-z0-9_]{0,63}$) on a string. */
export function isNameString(s: string): boolean {
  const len = s.length;
  if (len < 1 || len > 64) return false;
  const first = s.charCodeAt(0);
  if (first < 0x61 || first > 0x7a) return false;
  for (let i = 1; i < len; i++) {
    const c = s.charCodeAt(i);
    if (!((c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39) || c === 0x5f)) return false;
  }
  return true;
}

/** NAME_PATTERN (^[a-z][a-z0-9_]{0,63}$) on bytes. */
function isName(buf: Buffer, start: number, end: number): boolean {
  const len = end - start;
  if (len < 1 || len > 64) return false;
  const first = buf[start];
  if (first < 0x61 || first > 0x7a) return false;
  for (let i = start + 1; i < end; i++) {
    const c = buf[i];
    if (!((c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39) || c === 0x5f)) return false;
  }
  return true;
}
if (NAME_PATTERN !== '^[a-z][a-z0-9_]{0,63}$') throw new Error('hop.direct.ts: isName no longer matches NAME_PATTERN');

/** The last unit spelling seen and its code, so a batch of one unit resolves it once. */
class UnitCache {
  private table: NormalizeContext['units'] | undefined;
  private spelling = Buffer.alloc(32);
  private spellingLength = -1;
  private code = '';

  resolve(ctx: NormalizeContext, scan: FlatJsonScanner, i: number): string | undefined {
    const present = scan.kinds[i] === JsonKind.String;
    if (!present) return ctx.units.resolve('');
    const buf = scan.source;
    const start = scan.starts[i];
    const len = scan.ends[i] - start;
    if (this.table === ctx.units && len === this.spellingLength) {
      let j = 0;
      while (j < len && buf[start + j] === this.spelling[j]) j++;
      if (j === len) return this.code;
    }
    const code = ctx.units.resolve(scan.text(i));
    if (code !== undefined && len <= this.spelling.length) {
      buf.copy(this.spelling, 0, start, start + len);
      this.spellingLength = len;
      this.table = ctx.units;
      this.code = code;
    }
    return code;
  }
}

/** `columns`: the hop columns (hop.record.ts), which must be the fields and types this path writes. */
export function hopDirectEncoder(columns: readonly ColumnDecl[]): DirectEncoder {
  const columnKinds = columns.map((c) => wireType(c.type).kind);
  if (columns.some((c, i) => c.name !== HOP_DIRECT_FIELDS[i] || columnKinds[i] !== WIRE[i]) || columns.length !== WIRE.length) {
    throw new Error(`hop.direct.ts writes ${WIRE.join(', ')}; the hop columns are ${columnKinds.join(', ')}`);
  }
  const statusCodes = enumValues(columns[F.status].type);
  const scan = new FlatJsonScanner(new KeyMatcher(HOP_DIRECT_FIELDS));
  const { kinds, numbers, starts, ends } = scan;
  const statuses = new KeyMatcher([...statusCodes.keys()]);
  const statusValues = [...statusCodes.values()];
  const eventTypes = new KeyMatcher(EVENT_TYPES);
  const units = new UnitCache();
  let stagesOf: ReadonlySet<string> | undefined;
  let stages = new KeyMatcher([]);
  /** Whether string key `i` is one of `m`'s keys. */
  const among = (m: KeyMatcher, i: number) => m.match(scan.source, starts[i], ends[i]) >= 0;

  const isStringOrNone = (i: number) =>
    kinds[i] === JsonKind.String || kinds[i] === JsonKind.Absent || kinds[i] === JsonKind.Null;
  const time = (i: number): number | undefined => {
    const k = kinds[i];
    if (k === JsonKind.String) {
      const fast = isoMillisZToMicros(scan.source, scan.starts[i], scan.ends[i]);
      if (fast !== undefined) return fast;
    }
    const t =
      k === JsonKind.String ? parseTimestamp(scan.text(i)) : k === JsonKind.Number ? parseTimestamp(numbers[i]) : undefined;
    return typeof t === 'number' ? t : undefined;
  };
  const writeOptional = (cols: NativeColumn[], buf: Buffer, i: number) => {
    const c = cols[i] as StringColumn;
    if (kinds[i] === JsonKind.String) c.putBytes(buf, starts[i], ends[i]);
    else c.put('');
  };

  return (buf: Buffer, start: number, end: number, ctx: NormalizeContext, block: NativeBlock): boolean => {
    if (!scan.scan(buf, start, end)) return false;

    // Required fields.
    if (kinds[F.hop_id] !== JsonKind.String || scan.length(F.hop_id) < 1 || scan.length(F.hop_id) > 128) return false;
    if (kinds[F.correlation_id] !== JsonKind.String) return false;
    if (scan.length(F.correlation_id) < 1 || scan.length(F.correlation_id) > 128) return false;
    if (kinds[F.flow] !== JsonKind.String || kinds[F.stage] !== JsonKind.String || kinds[F.status] !== JsonKind.String)
      return false;
    if (!isName(buf, starts[F.flow], ends[F.flow]) || !isName(buf, starts[F.stage], ends[F.stage])) return false;
    if (stagesOf !== ctx.stages) {
      stagesOf = ctx.stages;
      stages = new KeyMatcher([...ctx.stages]);
    }
    if (!among(stages, F.stage)) return false;
    const statusIndex = statuses.match(buf, starts[F.status], ends[F.status]);
    if (statusIndex < 0) return false;

    // Optional fields: string or null, within their lengths; the rest absent or null unless noted.
    for (let k = 0; k < OPTIONAL_FIELDS.length; k++) {
      const i = OPTIONAL_FIELDS[k];
      if (!isStringOrNone(i) || (kinds[i] === JsonKind.String && ends[i] - starts[i] > OPTIONAL_MAX[k])) return false;
    }
    const eventKind = kinds[F.event_type];
    if (eventKind === JsonKind.String) {
      if (!among(eventTypes, F.event_type)) return false;
    } else if (eventKind !== JsonKind.Absent && eventKind !== JsonKind.Null) return false;
    const qKind = kinds[F.quantity];
    if (qKind === JsonKind.Number) {
      if (!Number.isFinite(numbers[F.quantity])) return false;
    } else if (qKind !== JsonKind.Absent && qKind !== JsonKind.Null) return false;
    const aKind = kinds[F.attempt];
    let attempt = 1;
    if (aKind === JsonKind.Number) {
      attempt = numbers[F.attempt];
      if (!Number.isInteger(attempt) || attempt < 1 || attempt > 65535) return false;
    } else if (aKind !== JsonKind.Absent && aKind !== JsonKind.Null) return false;
    if (!isStringOrNone(F.payload)) return false;
    if (kinds[F.attributes] !== JsonKind.Absent && kinds[F.attributes] !== JsonKind.Null) return false;

    // The checks after the schema: plant scope, times (parsed, within retention, end not before start), unit.
    if (ctx.plants !== null) {
      const plant = kinds[F.plant] === JsonKind.String ? scan.text(F.plant) : '';
      if (plantNotAllowed(plant, ctx) !== undefined) return false;
    }
    const startUs = time(F.start_time);
    if (startUs === undefined || olderThanRetention('hops', startUs) !== undefined) return false;
    let endUs = startUs;
    const endKind = kinds[F.end_time];
    if (endKind !== JsonKind.Absent && endKind !== JsonKind.Null) {
      const e = time(F.end_time);
      if (e === undefined || e < startUs) return false;
      endUs = e;
    }
    const unit = units.resolve(ctx, scan, F.unit);
    if (unit === undefined) return false;

    // The row, in HOP_COLUMNS order (column types checked against WIRE above).
    const cols = block.columns;
    (cols[F.hop_id] as StringColumn).putBytes(buf, starts[F.hop_id], ends[F.hop_id]);
    (cols[F.correlation_id] as StringColumn).putBytes(buf, starts[F.correlation_id], ends[F.correlation_id]);
    for (let i = F.parent_hop_id; i <= F.event_type; i++) writeOptional(cols, buf, i);
    (cols[F.quantity] as NullableFloat64Column).put(qKind === JsonKind.Number ? numbers[F.quantity] : null);
    (cols[F.unit] as StringColumn).put(unit);
    (cols[F.start_time] as FixedColumn).put(startUs);
    (cols[F.end_time] as FixedColumn).put(endUs);
    (cols[F.status] as Enum8Column).putCode(statusValues[statusIndex]);
    writeOptional(cols, buf, F.error_code);
    writeOptional(cols, buf, F.error_message);
    (cols[F.attempt] as FixedColumn).put(attempt);
    writeOptional(cols, buf, F.business_key);
    writeOptional(cols, buf, F.payload);
    (cols[F.attributes] as MapColumn).putEmpty();
    block.rows++;
    return true;
  };
}
