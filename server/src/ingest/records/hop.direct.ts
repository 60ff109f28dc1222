import type { RowBinaryWriter } from '../../clickhouse/row-binary';
import { FlatJsonScanner, JsonKind, KeyMatcher } from '../body/flat-json';
import { olderThanRetention, plantNotAllowed, type DirectEncoder, type NormalizeContext } from './record-spec';
import { parseTimestamp } from './timestamps';
import { EVENT_TYPES, NAME_PATTERN } from './vocabulary';

/**
 * The direct path for a hop (see body/flat-json.ts): the same checks as hop.record.ts's ajv schema
 * and toRow, done on the scanned bytes, writing the same RowBinary row. Whenever a record is not
 * plainly valid it answers false and the general path decides, with its error messages.
 * hop.direct.spec.ts holds the two paths to the same results, record by record.
 */

// Field indices, in HOP_COLUMNS order (the input field names are the column names).
const F = {
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

/** The input fields the direct path knows, in index order (= HOP_COLUMNS; hop.direct.spec.ts checks). */
export const HOP_DIRECT_FIELDS = Object.keys(F);

/** Optional string fields and their maximum lengths, as in the ajv schema. */
const OPTIONAL_STRINGS: readonly [number, number][] = [
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

const NAME = new RegExp(NAME_PATTERN, 'u');
const EVENT_TYPE_SET: ReadonlySet<string> = new Set(EVENT_TYPES);

/** `statusCodes`: the Enum8 value of each status in the `hops.status` column. */
export function hopDirectEncoder(statusCodes: ReadonlyMap<string, number>): DirectEncoder {
  const scan = new FlatJsonScanner(new KeyMatcher(HOP_DIRECT_FIELDS));
  const { kinds, numbers } = scan;

  const isStringOrNone = (i: number) =>
    kinds[i] === JsonKind.String || kinds[i] === JsonKind.Absent || kinds[i] === JsonKind.Null;
  const time = (i: number): number | undefined => {
    const k = kinds[i];
    const t =
      k === JsonKind.String ? parseTimestamp(scan.text(i)) : k === JsonKind.Number ? parseTimestamp(numbers[i]) : undefined;
    return typeof t === 'number' ? t : undefined;
  };
  const writeOptional = (w: RowBinaryWriter, i: number) => {
    if (kinds[i] === JsonKind.String) w.stringBytes(scan.source, scan.starts[i], scan.ends[i]);
    else w.string('');
  };

  return (buf: Buffer, start: number, end: number, ctx: NormalizeContext, w: RowBinaryWriter): boolean => {
    if (!scan.scan(buf, start, end)) return false;

    // Required fields.
    if (kinds[F.hop_id] !== JsonKind.String || scan.length(F.hop_id) < 1 || scan.length(F.hop_id) > 128) return false;
    if (kinds[F.correlation_id] !== JsonKind.String) return false;
    if (scan.length(F.correlation_id) < 1 || scan.length(F.correlation_id) > 128) return false;
    if (kinds[F.flow] !== JsonKind.String || kinds[F.stage] !== JsonKind.String || kinds[F.status] !== JsonKind.String)
      return false;
    const flow = scan.text(F.flow);
    const stage = scan.text(F.stage);
    if (!NAME.test(flow) || !NAME.test(stage) || !ctx.stages.has(stage)) return false;
    const status = statusCodes.get(scan.text(F.status));
    if (status === undefined) return false;

    // Optional fields: string or null, within their lengths; the rest absent or null unless noted.
    for (const [i, max] of OPTIONAL_STRINGS) {
      if (!isStringOrNone(i) || (kinds[i] === JsonKind.String && scan.length(i) > max)) return false;
    }
    const eventKind = kinds[F.event_type];
    if (eventKind === JsonKind.String) {
      if (!EVENT_TYPE_SET.has(scan.text(F.event_type))) return false;
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
    const plant = kinds[F.plant] === JsonKind.String ? scan.text(F.plant) : '';
    if (plantNotAllowed(plant, ctx) !== undefined) return false;
    const startUs = time(F.start_time);
    if (startUs === undefined || olderThanRetention('hops', startUs) !== undefined) return false;
    let endUs = startUs;
    const endKind = kinds[F.end_time];
    if (endKind !== JsonKind.Absent && endKind !== JsonKind.Null) {
      const e = time(F.end_time);
      if (e === undefined || e < startUs) return false;
      endUs = e;
    }
    const unit = ctx.units.resolve(kinds[F.unit] === JsonKind.String ? scan.text(F.unit) : '');
    if (unit === undefined) return false;

    // The row, in HOP_COLUMNS order.
    w.stringBytes(buf, scan.starts[F.hop_id], scan.ends[F.hop_id]);
    w.stringBytes(buf, scan.starts[F.correlation_id], scan.ends[F.correlation_id]);
    writeOptional(w, F.parent_hop_id);
    w.string(flow);
    w.string(stage);
    writeOptional(w, F.system);
    w.string(plant);
    for (let i = F.line; i <= F.event_type; i++) writeOptional(w, i);
    w.nullableFloat64(qKind === JsonKind.Number ? numbers[F.quantity] : null);
    w.string(unit);
    w.int64(startUs);
    w.int64(endUs);
    w.uint8(status);
    writeOptional(w, F.error_code);
    writeOptional(w, F.error_message);
    w.uint16(attempt);
    writeOptional(w, F.business_key);
    writeOptional(w, F.payload);
    w.emptyMap();
    return true;
  };
}
