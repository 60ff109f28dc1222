import {
  enumValues,
  type Enum8Column,
  type FixedColumn,
  type MapColumn,
  type NativeBlock,
  type NullableFloat64Column,
  type StringColumn,
} from '../../clickhouse/native-block';
import { HOP_DIRECT_FIELDS, HOP_FIELD as F, isNameString, OPTIONAL_STRINGS } from '../records/hop.direct';
import { hopSpec } from '../records/hop.record';
import { olderThanRetention, plantNotAllowed, type NormalizeContext } from '../records/record-spec';
import { parseTimestamp } from '../records/timestamps';
import { EVENT_TYPES, HOP_STATUSES } from '../../domain/vocabulary';
import type { OtlpAttributeValue, OtlpSpan } from './otlp-decode';
import { A, ATTRIBUTE_SLOTS, ERROR_MESSAGE_MAX, MAPPED_ATTRIBUTES, SPAN_KIND_NAMES } from './otlp-to-hops';

/**
 * The direct path for an OTLP span: spansToHops (otlp-to-hops.ts), hopSpec.toRow and the encoder's
 * write fused into one step, with no hop object, no ajv call and no row array in between. It writes
 * exactly the row the general path would, or answers false having written nothing whenever the span
 * is not plainly valid: the general path then decides and explains (otlp-encode.ts). Like the NDJSON
 * direct path (records/hop.direct.ts), it may decline valid spans but never accept one the general
 * path refuses; otlp-direct.spec.ts holds the two to the same bytes span by span.
 *
 * `wellFormed`: the span's strings are known to hold no unpaired UTF-16 surrogate (true of every
 * string the protobuf decoder makes: UTF-8 decoding never yields one). OTLP/JSON can carry `\ud800`
 * escapes, so its spans are checked, as defineRecordSpec's illFormedString does.
 */
export type SpanDirectEncoder = (span: OtlpSpan, ctx: NormalizeContext, block: NativeBlock, wellFormed: boolean) => boolean;

if (hopSpec.columnNames.join() !== HOP_DIRECT_FIELDS.join()) throw new Error('otlp-direct.ts: the hop columns changed');

const OPTIONAL_MAX = new Int32Array(HOP_DIRECT_FIELDS.length).fill(-1);
for (const [i, max] of OPTIONAL_STRINGS) OPTIONAL_MAX[i] = max;
/** Attribute keys the general path sets itself: one already among the span's own makes it overwrite, not append. */
const OWN_KEYS = new Set(['otel.trace_id', 'otel.span_name', 'otel.span_kind']);
const MAX_ATTRIBUTES = 128; // the hop schema's maxProperties
const EVENT_TYPE_SET: ReadonlySet<string> = new Set(EVENT_TYPES);

// String.prototype.isWellFormed (ES2024, in Node 20's V8; the project's TypeScript lib is ES2023).
const isWellFormed = (s: string) => (s as unknown as { isWellFormed(): boolean }).isWellFormed();

/** str() of otlp-to-hops.ts: the value as a string; '' stands for "absent" (null) here. */
const text = (v: OtlpAttributeValue | undefined): string => (v === undefined ? '' : typeof v === 'string' ? v : String(v));

export function otlpDirectEncoder(): SpanDirectEncoder {
  const statusCodes = enumValues(hopSpec.columns[F.status].type);
  if (HOP_STATUSES.some((s) => !statusCodes.has(s))) throw new Error('otlp-direct.ts: the hop statuses changed');
  // One row's values by column, reused: filled, checked, then written (nothing is written before every check passed).
  const values: string[] = new Array<string>(HOP_DIRECT_FIELDS.length).fill('');
  const keys: string[] = [];
  const attrValues: string[] = [];
  const got = new Array<OtlpAttributeValue | undefined>(ATTRIBUTE_SLOTS);

  return (span, ctx, block, wellFormed) => {
    const spanId = span.spanId;
    if (spanId === '' || spanId.length > 128) return false;
    got.fill(undefined);
    let n = 0;
    const a = span.attributes;
    for (const key in a) {
      const v = a[key];
      const slot = MAPPED_ATTRIBUTES.get(key);
      if (slot !== undefined) got[slot] = v;
      else {
        if (OWN_KEYS.has(key) || key === '__proto__') return false;
        if (typeof v === 'number' && !Number.isFinite(v)) return false; // the hop schema refuses NaN and infinities
        keys[n] = key;
        attrValues[n++] = typeof v === 'string' ? v : String(v);
      }
    }
    const flow = got[A.flow];
    const stage = got[A.stage];
    let system = got[A.system];
    const serviceName = got[A.serviceName];
    const quantity = got[A.quantity];
    const attempt = got[A.attempt];
    const status = got[A.status];
    let errorCode = got[A.errorCode];
    const errorType = got[A.errorType];
    const exceptionMessage = got[A.exceptionMessage];
    const correlation = got[A.correlation];
    if (got[A.eventType] === '') return false; // given but empty: not an event type

    // Required attributes, as strings that are names (numbers and the like: the general path explains).
    if (typeof flow !== 'string' || typeof stage !== 'string' || !isNameString(flow) || !isNameString(stage)) return false;
    if (!ctx.stages.has(stage)) return false;
    const start = span.startTimeUnixNano;
    if (start === '' || start === '0') return false;

    let q: number | null = null;
    if (typeof quantity === 'number') q = quantity;
    else if (quantity !== undefined) return false;
    if (q !== null && !Number.isFinite(q)) return false;
    let att = 1;
    if (typeof attempt === 'number') att = attempt;
    else if (attempt !== undefined) return false;
    if (!Number.isInteger(att) || att < 1 || att > 65535) return false;

    // Fallbacks, as spansToHops: kept in attributes unless used.
    if (system === undefined) system = serviceName;
    else if (serviceName !== undefined) {
      keys[n] = 'service.name';
      attrValues[n++] = text(serviceName);
    }
    if (errorCode === undefined) errorCode = errorType;
    else if (errorType !== undefined) {
      keys[n] = 'error.type';
      attrValues[n++] = text(errorType);
    }
    let errorMessage: string;
    if (span.statusMessage !== '') {
      errorMessage = span.statusMessage;
      if (exceptionMessage !== undefined) {
        keys[n] = 'exception.message';
        attrValues[n++] = text(exceptionMessage);
      }
    } else if (exceptionMessage !== undefined) errorMessage = text(exceptionMessage);
    else errorMessage = span.exceptionMessage ?? '';
    if (errorMessage.length > ERROR_MESSAGE_MAX) return false; // cut by the general path
    if (errorCode === undefined && span.exceptionType) errorCode = span.exceptionType;

    let correlationId: string;
    if (correlation !== undefined && correlation !== '') {
      correlationId = text(correlation);
      if (span.traceId !== '' && correlationId !== span.traceId) {
        keys[n] = 'otel.trace_id';
        attrValues[n++] = span.traceId;
      }
    } else if (span.traceId !== '') correlationId = span.traceId;
    else return false;
    if (correlationId.length > 128) return false;
    if (span.name !== '') {
      keys[n] = 'otel.span_name';
      attrValues[n++] = span.name;
    }
    if (span.kind !== 0) {
      keys[n] = 'otel.span_kind';
      attrValues[n++] = SPAN_KIND_NAMES[span.kind] ?? String(span.kind);
    }
    if (n > MAX_ATTRIBUTES) return false;

    values[F.parent_hop_id] = span.parentSpanId;
    values[F.system] = text(system);
    values[F.error_code] = text(errorCode);
    values[F.error_message] = errorMessage;
    values[F.plant] = text(got[A.plant]);
    values[F.line] = text(got[A.line]);
    values[F.asset] = text(got[A.asset]);
    values[F.order_id] = text(got[A.orderId]);
    values[F.material] = text(got[A.material]);
    values[F.batch] = text(got[A.batch]);
    values[F.event_type] = text(got[A.eventType]);
    values[F.unit] = text(got[A.unit]);
    values[F.business_key] = text(got[A.businessKey]);
    values[F.payload] = text(got[A.payload]);
    const statusName = status !== undefined ? text(status) : span.statusCode === 2 ? 'error' : 'ok';
    const statusCode = statusCodes.get(statusName);
    if (statusCode === undefined) return false;

    // Optional strings within their lengths (in UTF-16 units: at most the code points ajv counts).
    for (let i = F.parent_hop_id; i <= F.business_key; i++) {
      const max = OPTIONAL_MAX[i];
      if (max >= 0 && values[i].length > max) return false;
    }
    const eventType = values[F.event_type];
    if (eventType !== '' && !EVENT_TYPE_SET.has(eventType)) return false;
    if (wellFormed === false) {
      if (!isWellFormed(spanId) || !isWellFormed(correlationId)) return false;
      for (let i = F.parent_hop_id; i <= F.payload; i++) if (!isWellFormed(values[i])) return false;
      for (let i = 0; i < n; i++) if (!isWellFormed(keys[i]) || !isWellFormed(attrValues[i])) return false;
    }

    // The checks after the schema: plant scope, times (within retention, end not before start), unit.
    const plant = values[F.plant];
    if (ctx.plants !== null && plantNotAllowed(plant, ctx) !== undefined) return false;
    const startUs = parseTimestamp(start);
    if (typeof startUs !== 'number' || olderThanRetention('hops', startUs) !== undefined) return false;
    let endUs = startUs;
    const end = span.endTimeUnixNano;
    if (end !== '' && end !== '0') {
      const e = parseTimestamp(end);
      if (typeof e !== 'number' || e < startUs) return false;
      endUs = e;
    }
    const unit = ctx.units.resolve(values[F.unit]);
    if (unit === undefined) return false;

    // The row, in HOP_COLUMNS order.
    const cols = block.columns;
    (cols[F.hop_id] as StringColumn).put(spanId);
    (cols[F.correlation_id] as StringColumn).put(correlationId);
    (cols[F.parent_hop_id] as StringColumn).put(values[F.parent_hop_id]);
    (cols[F.flow] as StringColumn).put(flow);
    (cols[F.stage] as StringColumn).put(stage);
    for (let i = F.system; i <= F.event_type; i++) (cols[i] as StringColumn).put(values[i]);
    (cols[F.quantity] as NullableFloat64Column).put(q);
    (cols[F.unit] as StringColumn).put(unit);
    (cols[F.start_time] as FixedColumn).put(startUs);
    (cols[F.end_time] as FixedColumn).put(endUs);
    (cols[F.status] as Enum8Column).putCode(statusCode);
    (cols[F.error_code] as StringColumn).put(values[F.error_code]);
    (cols[F.error_message] as StringColumn).put(values[F.error_message]);
    (cols[F.attempt] as FixedColumn).put(att);
    (cols[F.business_key] as StringColumn).put(values[F.business_key]);
    (cols[F.payload] as StringColumn).put(values[F.payload]);
    (cols[F.attributes] as MapColumn).putEntries(keys, attrValues, n);
    block.rows++;
    return true;
  };
}
