import type { Int64Value } from './otlp-proto';

/**
 * OTLP ExportTraceServiceRequest bodies (binary protobuf or OTLP/JSON) -> one flat record per span.
 * Pure: no I/O. The HTTP layer maps OtlpDecodeError to 400 Bad Request (a google.rpc.Status body,
 * see otlp-response.ts); everything that decodes goes on to spansToHops (otlp-to-hops.ts).
 *
 * Attribute values are flattened: string / bool / double as they are; int64 -> number when it is a
 * safe integer, else its decimal string; bytes -> base64 string; arrays and kvlists -> a JSON string
 * (nested values flattened the same way, kvlists as JSON objects). An AnyValue with no member set
 * is dropped. Resource attributes are merged under the span's own (the span wins); the
 * instrumentation scope, links and trace_state are ignored.
 */

export type OtlpAttributeValue = string | number | boolean;

export interface OtlpSpan {
  /** lower-case hex; '' when absent */
  traceId: string;
  spanId: string;
  /** '' when the span is a root */
  parentSpanId: string;
  name: string;
  /** SpanKind: 0 unspecified, 1 internal, 2 server, 3 client, 4 producer, 5 consumer */
  kind: number;
  /** epoch nanoseconds as decimal digits ('0' when absent) */
  startTimeUnixNano: string;
  endTimeUnixNano: string;
  /** 0 unset, 1 ok, 2 error */
  statusCode: number;
  statusMessage: string;
  /** resource attributes merged under the span attributes (span wins) */
  attributes: Record<string, OtlpAttributeValue>;
  /**
   * exception.type / exception.message of the span's first event named "exception" (what
   * Span.recordException() writes), '' when there is none. The decoders always set both.
   */
  exceptionType?: string;
  exceptionMessage?: string;
}

/** The body is not a decodable ExportTraceServiceRequest; the message is meant for the client developer. */
export class OtlpDecodeError extends Error {
  override readonly name = 'OtlpDecodeError';
}

const CONTENT_TYPE_HINT =
  'OTLP/HTTP accepts binary protobuf with Content-Type: application/x-protobuf or OTLP/JSON with Content-Type: application/json';

// ------------------------------------------------------------------------------------------------
// shared helpers
// ------------------------------------------------------------------------------------------------

const TWO_32 = 4294967296;

/** Unsigned 64-bit (fixed64) as protobufjs returns it (Long, {low, high} or number) -> exact decimal string. */
export function uint64ToDecimal(v: Int64Value): string {
  if (typeof v === 'number') return Number.isSafeInteger(v) ? String(v) : BigInt(Math.trunc(v)).toString();
  return uint64FromBits(v.low >>> 0, v.high >>> 0);
}

/** Signed 64-bit (int64) as protobufjs returns it -> number when it is a safe integer, else its exact decimal string. */
export function int64ToValue(v: Int64Value): number | string {
  if (typeof v === 'number') return Number.isSafeInteger(v) ? v : BigInt(Math.trunc(v)).toString();
  return int64FromBits(v.low >>> 0, v.high >>> 0);
}

/**
 * Resource attributes as parallel key / value arrays, copied into each span's attribute object
 * with a plain loop: V8 is very slow (~20x) at adding properties to an object created by `{...spread}`.
 */
interface ResourceAttrs {
  keys: string[];
  values: OtlpAttributeValue[];
}

/** Resource attributes that are SDK noise (telemetry.*) or may carry secrets (process.command_args) are not kept. */
const DROPPED_RESOURCE_PREFIXES = ['process.', 'telemetry.'];
export const MAX_RESOURCE_ATTRIBUTES = 32;

function toResourceAttrs(attrs: Record<string, OtlpAttributeValue>): ResourceAttrs {
  const keys: string[] = [];
  const values: OtlpAttributeValue[] = [];
  for (const k in attrs) {
    if (DROPPED_RESOURCE_PREFIXES.some((p) => k.startsWith(p))) continue;
    if (keys.length >= MAX_RESOURCE_ATTRIBUTES) break;
    keys.push(k);
    values.push(attrs[k]);
  }
  return { keys, values };
}

function spanAttributes(resource: ResourceAttrs): Record<string, OtlpAttributeValue> {
  const out: Record<string, OtlpAttributeValue> = {};
  const { keys, values } = resource;
  for (let i = 0; i < keys.length; i++) out[keys[i]] = values[i];
  return out;
}

type Plain = string | number | boolean | null | Plain[] | { [k: string]: Plain };

function newSpan(
  traceId: string,
  spanId: string,
  parentSpanId: string,
  name: string,
  kind: number,
  startTimeUnixNano: string,
  endTimeUnixNano: string,
  statusCode: number,
  statusMessage: string,
  attributes: Record<string, OtlpAttributeValue>,
  exceptionType: string,
  exceptionMessage: string,
): OtlpSpan {
  // One construction site keeps every OtlpSpan on the same hidden class.
  return {
    traceId,
    spanId,
    parentSpanId,
    name,
    kind,
    startTimeUnixNano,
    endTimeUnixNano,
    statusCode,
    statusMessage,
    attributes,
    exceptionType,
    exceptionMessage,
  };
}

// ------------------------------------------------------------------------------------------------
// protobuf: a direct wire-format walk over the request bytes. protobufjs' generated decoder
// (ExportTraceServiceRequest.decode) allocates a message object per KeyValue / AnyValue plus Long
// objects and tops out well below the ingest target, so the hot path reads the fields it needs
// straight from the Buffer using the field numbers of otlp-proto.ts and skips everything else
// (scope, links, trace_state, flags, dropped counts, unknown fields). The unit tests check it
// against the official SDK serializer and against protobufjs decoding the same bytes.
// ------------------------------------------------------------------------------------------------

/** Malformed protobuf; wrapped into an OtlpDecodeError by decodeOtlpProtobuf. */
class WireError extends Error {}

interface NodeBufferSlices {
  utf8Slice(start: number, end: number): string;
  hexSlice(start: number, end: number): string;
  base64Slice(start: number, end: number): string;
}
// Node's Buffer has these un-typed slice methods; they skip Buffer#toString's argument handling.
const bufferProto = Buffer.prototype as unknown as Partial<NodeBufferSlices>;
const SLICES =
  typeof bufferProto.utf8Slice === 'function' &&
  typeof bufferProto.hexSlice === 'function' &&
  typeof bufferProto.base64Slice === 'function';

function utf8(buf: Buffer, start: number, end: number): string {
  if (start === end) return '';
  return SLICES ? (buf as unknown as NodeBufferSlices).utf8Slice(start, end) : buf.toString('utf8', start, end);
}
/**
 * Attribute keys repeat in every span, and so do many values (stages, plants, units). A direct-
 * mapped cache keyed by an FNV-1a hash of the bytes returns the string decoded earlier instead of
 * allocating a new one (less GC, and keys skip V8's property-name internalization). A hit is
 * confirmed byte by byte against a copy kept in a flat arena; a collision just replaces the slot.
 */
class StringCache {
  private readonly lengths: Int32Array;
  private readonly arena: Uint8Array;
  private readonly strings: string[];
  constructor(
    private readonly slots: number, // a power of two
    private readonly maxLength: number,
  ) {
    this.lengths = new Int32Array(slots).fill(-1);
    this.arena = new Uint8Array(slots * maxLength);
    this.strings = new Array<string>(slots).fill('');
  }

  get(buf: Buffer, start: number, end: number): string {
    const n = end - start;
    if (n > this.maxLength || n === 0) return utf8(buf, start, end);
    let h = 0x811c9dc5 ^ n;
    for (let i = start; i < end; i++) h = Math.imul(h ^ buf[i], 0x01000193);
    const slot = h & (this.slots - 1);
    const base = slot * this.maxLength;
    const arena = this.arena;
    if (this.lengths[slot] === n) {
      let i = 0;
      while (i < n && arena[base + i] === buf[start + i]) i++;
      if (i === n) return this.strings[slot];
    }
    const s = utf8(buf, start, end);
    for (let i = 0; i < n; i++) arena[base + i] = buf[start + i];
    this.lengths[slot] = n;
    this.strings[slot] = s;
    return s;
  }
}

const keyCache = new StringCache(4096, 64);
const valueCache = new StringCache(8192, 32);

const HEX_DIGITS = Array.from({ length: 16 }, (_, i) => i.toString(16).charCodeAt(0));

/** Span and trace ids: 8 and 16 bytes in JS (cheaper than the native call), anything else natively. */
function hex(buf: Buffer, start: number, end: number): string {
  const n = end - start;
  if (n === 8 || n === 16) {
    const d = HEX_DIGITS;
    let s = '';
    for (let i = start; i < end; i += 4) {
      const b0 = buf[i];
      const b1 = buf[i + 1];
      const b2 = buf[i + 2];
      const b3 = buf[i + 3];
      s += String.fromCharCode(d[b0 >> 4], d[b0 & 15], d[b1 >> 4], d[b1 & 15], d[b2 >> 4], d[b2 & 15], d[b3 >> 4], d[b3 & 15]);
    }
    return s;
  }
  if (n === 0) return '';
  return SLICES ? (buf as unknown as NodeBufferSlices).hexSlice(start, end) : buf.toString('hex', start, end);
}
function base64(buf: Buffer, start: number, end: number): string {
  if (start === end) return '';
  return SLICES ? (buf as unknown as NodeBufferSlices).base64Slice(start, end) : buf.toString('base64', start, end);
}

const WIRE_VARINT = 0;
const WIRE_I64 = 1;
const WIRE_LEN = 2;
const WIRE_I32 = 5;
const MAX_DEPTH = 32;

const WIRE_TYPE_NAMES = ['varint', 'fixed64', 'length-delimited', 'group start', 'group end', 'fixed32', '6', '7'];

class Wire {
  pos = 0;
  constructor(readonly buf: Buffer) {}

  /** Varint as an unsigned 32-bit number (higher bits dropped, as protobuf does for 32-bit fields). */
  uint32(end: number): number {
    const buf = this.buf;
    let pos = this.pos;
    let b = buf[pos++];
    let v = b & 0x7f;
    if (b >= 0x80) {
      b = buf[pos++];
      v |= (b & 0x7f) << 7;
      if (b >= 0x80) {
        b = buf[pos++];
        v |= (b & 0x7f) << 14;
        if (b >= 0x80) {
          b = buf[pos++];
          v |= (b & 0x7f) << 21;
          if (b >= 0x80) {
            b = buf[pos++];
            v |= (b & 0x0f) << 28;
            // bits above 32 (negative int32 / enum values are sign-extended to 10 bytes)
            for (let i = 0; b >= 0x80; i++) {
              if (i === 5) throw new WireError(`malformed varint at offset ${this.pos}`);
              b = buf[pos++];
            }
          }
        }
      }
    }
    if (b === undefined || pos > end) throw new WireError(`truncated varint at offset ${this.pos}`);
    this.pos = pos;
    return v >>> 0;
  }

  /** Varint as a signed 64-bit integer: a number when safe, else an exact decimal string. */
  int64(end: number): number | string {
    const buf = this.buf;
    const start = this.pos;
    let pos = start;
    let lo = 0;
    let hi = 0;
    let b = 0;
    for (let shift = 0; shift < 28; shift += 7) {
      b = buf[pos++];
      lo |= (b & 0x7f) << shift;
      if (b < 0x80) break;
    }
    if (b >= 0x80) {
      b = buf[pos++];
      lo |= (b & 0x7f) << 28;
      hi = (b & 0x7f) >> 4;
      for (let shift = 3; b >= 0x80; shift += 7) {
        if (shift > 31) throw new WireError(`malformed varint at offset ${start}`);
        b = buf[pos++];
        hi |= (b & 0x7f) << shift;
      }
    }
    if (b === undefined || pos > end) throw new WireError(`truncated varint at offset ${start}`);
    this.pos = pos;
    return int64FromBits(lo >>> 0, hi >>> 0);
  }

  /** Length of a length-delimited field; returns its end offset after checking it fits in `end`. */
  len(end: number): number {
    const at = this.pos;
    const n = this.uint32(end);
    const stop = this.pos + n;
    if (stop > end) throw new WireError(`field at offset ${at} claims ${n} bytes, only ${end - this.pos} remain`);
    return stop;
  }

  /** Consumes a length-delimited field; returns where its bytes start (they end at this.pos). */
  private bytes(end: number): number {
    const stop = this.len(end);
    const start = this.pos;
    this.pos = stop;
    return start;
  }

  key(end: number): string {
    const start = this.bytes(end);
    return keyCache.get(this.buf, start, this.pos);
  }

  str(end: number): string {
    const start = this.bytes(end);
    return utf8(this.buf, start, this.pos);
  }

  hex(end: number): string {
    const start = this.bytes(end);
    return hex(this.buf, start, this.pos);
  }

  base64(end: number): string {
    const start = this.bytes(end);
    return base64(this.buf, start, this.pos);
  }

  fixed64Decimal(end: number): string {
    const pos = this.pos;
    if (pos + 8 > end) throw new WireError(`truncated fixed64 at offset ${pos}`);
    this.pos = pos + 8;
    const buf = this.buf;
    const lo = (buf[pos] | (buf[pos + 1] << 8) | (buf[pos + 2] << 16) | (buf[pos + 3] << 24)) >>> 0;
    const hi = (buf[pos + 4] | (buf[pos + 5] << 8) | (buf[pos + 6] << 16) | (buf[pos + 7] << 24)) >>> 0;
    return uint64FromBits(lo, hi);
  }

  double(end: number): number {
    const pos = this.pos;
    if (pos + 8 > end) throw new WireError(`truncated double at offset ${pos}`);
    this.pos = pos + 8;
    return this.buf.readDoubleLE(pos);
  }

  /** Skips the value of a field whose tag was just read. */
  skipField(tag: number, end: number): void {
    const wireType = tag & 7;
    if (tag >>> 3 === 0) throw new WireError(`invalid field number 0 at offset ${this.pos}`);
    switch (wireType) {
      case WIRE_VARINT: {
        const buf = this.buf;
        let pos = this.pos;
        for (let i = 0; buf[pos++] >= 0x80; i++) {
          if (i === 9) throw new WireError(`malformed varint at offset ${this.pos}`);
        }
        this.pos = pos;
        break;
      }
      case WIRE_I64:
        this.pos += 8;
        break;
      case WIRE_LEN:
        this.pos = this.len(end);
        break;
      case WIRE_I32:
        this.pos += 4;
        break;
      default:
        throw new WireError(`unsupported wire type ${WIRE_TYPE_NAMES[wireType]} at offset ${this.pos}`);
    }
    if (this.pos > end) throw new WireError(`truncated field before offset ${end}`);
  }

  expect(field: number, wireType: number, expected: number, where: string): void {
    if (wireType !== expected) {
      throw new WireError(
        `${where} field ${field} has wire type ${WIRE_TYPE_NAMES[wireType]}, expected ${WIRE_TYPE_NAMES[expected]} (offset ${this.pos})`,
      );
    }
  }
}

function uint64FromBits(lo: number, hi: number): string {
  if (hi < 0x200000) return String(hi * TWO_32 + lo); // < 2^53: exact as a double
  // hi * 2^32 + lo = hi * 4294 * 10^6 + (hi * 967296 + lo); every product stays below 2^53.
  const below = hi * 967296 + lo;
  const millions = hi * 4294 + Math.floor(below / 1e6);
  const units = below % 1e6;
  return String(millions) + String(units).padStart(6, '0');
}

function int64FromBits(lo: number, hi: number): number | string {
  // lo, hi: unsigned 32-bit halves of a two's complement int64
  if (hi < 0x200000) return hi * TWO_32 + lo; // 0 .. 2^53 - 1
  if (hi >= 0xffe00000) {
    const n = (hi - TWO_32) * TWO_32 + lo; // negative, >= -2^53
    if (Number.isSafeInteger(n)) return n;
  }
  return BigInt.asIntN(64, (BigInt(hi) << 32n) | BigInt(lo)).toString();
}

function wirePlain(w: Wire, end: number, depth: number): Plain {
  let out: Plain = null;
  while (w.pos < end) {
    const tag = w.uint32(end);
    const field = tag >>> 3;
    const wt = tag & 7;
    switch (field) {
      case 1:
        w.expect(field, wt, WIRE_LEN, 'AnyValue');
        out = w.str(end);
        break;
      case 2:
        w.expect(field, wt, WIRE_VARINT, 'AnyValue');
        out = w.uint32(end) !== 0;
        break;
      case 3:
        w.expect(field, wt, WIRE_VARINT, 'AnyValue');
        out = w.int64(end);
        break;
      case 4:
        w.expect(field, wt, WIRE_I64, 'AnyValue');
        out = w.double(end);
        break;
      case 5:
      case 6: {
        w.expect(field, wt, WIRE_LEN, 'AnyValue');
        if (depth >= MAX_DEPTH) throw new WireError(`AnyValue nested more than ${MAX_DEPTH} levels deep`);
        const stop = w.len(end);
        if (field === 5) {
          const arr: Plain[] = [];
          while (w.pos < stop) {
            const t = w.uint32(stop);
            if (t >>> 3 === 1) {
              w.expect(1, t & 7, WIRE_LEN, 'ArrayValue');
              arr.push(wirePlain(w, w.len(stop), depth + 1));
            } else w.skipField(t, stop);
          }
          out = arr;
        } else {
          const obj: { [k: string]: Plain } = {};
          while (w.pos < stop) {
            const t = w.uint32(stop);
            if (t >>> 3 === 1) {
              w.expect(1, t & 7, WIRE_LEN, 'KeyValueList');
              wireKeyValue(w, w.len(stop), obj, depth + 1);
            } else w.skipField(t, stop);
          }
          out = obj;
        }
        w.pos = stop;
        break;
      }
      case 7:
        w.expect(field, wt, WIRE_LEN, 'AnyValue');
        out = w.base64(end);
        break;
      default:
        w.skipField(tag, end);
    }
  }
  return out;
}

/** AnyValue -> attribute value; undefined when no member is set. */
function wireValue(w: Wire, end: number): OtlpAttributeValue | undefined {
  // Hot path: a string value alone in the AnyValue, which is what almost every attribute is.
  const at = w.pos;
  if (at < end && w.buf[at] === 0x0a) {
    w.pos = at + 1;
    const stop = w.len(end);
    if (stop === end) {
      const s = valueCache.get(w.buf, w.pos, stop);
      w.pos = stop;
      return s;
    }
    w.pos = at; // more fields follow (a repeated oneof): take the general walk
  }
  const plain = wirePlain(w, end, 0);
  if (plain === null) return undefined;
  return typeof plain === 'object' ? JSON.stringify(plain) : plain;
}

/** KeyValue -> into[key] (anything nested is flattened to Plain). */
function wireKeyValue(w: Wire, end: number, into: { [k: string]: Plain }, depth: number): void {
  let key = '';
  let value: Plain = null;
  while (w.pos < end) {
    const tag = w.uint32(end);
    if (tag === 0x0a) key = w.str(end);
    else if (tag === 0x12) {
      const stop = w.len(end);
      value = wirePlain(w, stop, depth);
      w.pos = stop;
    } else w.skipField(tag, end);
  }
  into[key] = value;
}

/** KeyValue -> into[key] as an attribute value; a value-less KeyValue is dropped. */
function wireAttribute(w: Wire, end: number, into: Record<string, OtlpAttributeValue>): void {
  let key = '';
  let value: OtlpAttributeValue | undefined;
  while (w.pos < end) {
    const tag = w.uint32(end);
    if (tag === 0x0a) key = w.key(end);
    else if (tag === 0x12) {
      const stop = w.len(end);
      value = wireValue(w, stop);
      w.pos = stop;
    } else w.skipField(tag, end);
  }
  if (value !== undefined) into[key] = value;
}

/** Resource -> its attributes. */
function wireResource(w: Wire, end: number, into: Record<string, OtlpAttributeValue>): void {
  while (w.pos < end) {
    const tag = w.uint32(end);
    if (tag === 0x0a) {
      const stop = w.len(end);
      wireAttribute(w, stop, into);
      w.pos = stop;
    } else w.skipField(tag, end);
  }
}

/** Span.Event -> [exception.type, exception.message] when it is an "exception" event, else null. */
function wireException(w: Wire, end: number): [string, string] | null {
  const start = w.pos;
  let name = '';
  while (w.pos < end) {
    const tag = w.uint32(end);
    if (tag === 0x12) name = w.str(end);
    else w.skipField(tag, end);
  }
  if (name !== 'exception') return null;
  const attrs: Record<string, OtlpAttributeValue> = {};
  w.pos = start;
  while (w.pos < end) {
    const tag = w.uint32(end);
    if (tag === 0x1a) {
      const stop = w.len(end);
      wireAttribute(w, stop, attrs);
      w.pos = stop;
    } else w.skipField(tag, end);
  }
  const type = attrs['exception.type'];
  const message = attrs['exception.message'];
  return [type === undefined ? '' : String(type), message === undefined ? '' : String(message)];
}

function wireSpan(w: Wire, end: number, resource: ResourceAttrs, out: OtlpSpan[]): void {
  let traceId = '';
  let spanId = '';
  let parentSpanId = '';
  let name = '';
  let kind = 0;
  let start = '0';
  let stop = '0';
  let statusCode = 0;
  let statusMessage = '';
  let exception: [string, string] | null = null;
  const attributes = spanAttributes(resource);
  while (w.pos < end) {
    const tag = w.uint32(end);
    const field = tag >>> 3;
    const wt = tag & 7;
    switch (field) {
      case 1:
        w.expect(field, wt, WIRE_LEN, 'Span');
        traceId = w.hex(end);
        break;
      case 2:
        w.expect(field, wt, WIRE_LEN, 'Span');
        spanId = w.hex(end);
        break;
      case 4:
        w.expect(field, wt, WIRE_LEN, 'Span');
        parentSpanId = w.hex(end);
        break;
      case 5:
        w.expect(field, wt, WIRE_LEN, 'Span');
        name = w.str(end);
        break;
      case 6:
        w.expect(field, wt, WIRE_VARINT, 'Span');
        kind = w.uint32(end) | 0;
        break;
      case 7:
        w.expect(field, wt, WIRE_I64, 'Span');
        start = w.fixed64Decimal(end);
        break;
      case 8:
        w.expect(field, wt, WIRE_I64, 'Span');
        stop = w.fixed64Decimal(end);
        break;
      case 9: {
        w.expect(field, wt, WIRE_LEN, 'Span');
        const kvEnd = w.len(end);
        wireAttribute(w, kvEnd, attributes);
        w.pos = kvEnd;
        break;
      }
      case 11: {
        w.expect(field, wt, WIRE_LEN, 'Span');
        const evEnd = w.len(end);
        if (exception === null) exception = wireException(w, evEnd);
        w.pos = evEnd;
        break;
      }
      case 15: {
        w.expect(field, wt, WIRE_LEN, 'Span');
        const stEnd = w.len(end);
        while (w.pos < stEnd) {
          const t = w.uint32(stEnd);
          if (t === 0x12) statusMessage = w.str(stEnd);
          else if (t === 0x18) statusCode = w.uint32(stEnd) | 0;
          else w.skipField(t, stEnd);
        }
        break;
      }
      default:
        w.skipField(tag, end);
    }
  }
  out.push(
    newSpan(
      traceId,
      spanId,
      parentSpanId,
      name,
      kind,
      start,
      stop,
      statusCode,
      statusMessage,
      attributes,
      exception ? exception[0] : '',
      exception ? exception[1] : '',
    ),
  );
}

function wireResourceSpans(w: Wire, end: number, out: OtlpSpan[]): void {
  // The resource (field 1) is needed before the spans; serializers write it first, but the wire
  // format allows any order, so find it with a cheap pass that jumps over everything else.
  const start = w.pos;
  const resourceAttrs: Record<string, OtlpAttributeValue> = {};
  while (w.pos < end) {
    const tag = w.uint32(end);
    if (tag === 0x0a) {
      const stop = w.len(end);
      wireResource(w, stop, resourceAttrs);
      w.pos = stop;
    } else w.skipField(tag, end);
  }
  const resource = toResourceAttrs(resourceAttrs);
  w.pos = start;
  while (w.pos < end) {
    const tag = w.uint32(end);
    if (tag === 0x12) {
      // ScopeSpans: spans are field 2; the scope (1) and schema_url (3) are skipped
      const ssEnd = w.len(end);
      while (w.pos < ssEnd) {
        const t = w.uint32(ssEnd);
        if (t === 0x12) {
          const spanEnd = w.len(ssEnd);
          wireSpan(w, spanEnd, resource, out);
          w.pos = spanEnd;
        } else w.skipField(t, ssEnd);
      }
    } else w.skipField(tag, end);
  }
}

/** Decodes a binary protobuf ExportTraceServiceRequest. An empty body is a valid empty request. */
export function decodeOtlpProtobuf(body: Buffer | Uint8Array): OtlpSpan[] {
  const buf = Buffer.isBuffer(body) ? body : Buffer.from(body.buffer, body.byteOffset, body.byteLength);
  const out: OtlpSpan[] = [];
  const w = new Wire(buf);
  const end = buf.length;
  try {
    while (w.pos < end) {
      const tag = w.uint32(end);
      if (tag === 0x0a) {
        const rsEnd = w.len(end);
        wireResourceSpans(w, rsEnd, out);
        w.pos = rsEnd;
      } else w.skipField(tag, end);
    }
  } catch (e) {
    if (!(e instanceof WireError) && !(e instanceof RangeError)) throw e;
    const first = buf.length > 0 ? buf[0] : 0;
    const looksJson = first === 0x7b /* { */ || first === 0x5b; /* [ */
    throw new OtlpDecodeError(
      `request body is not a valid protobuf ExportTraceServiceRequest (${e.message})` +
        (looksJson ? '; it looks like JSON: send it with Content-Type: application/json' : `; ${CONTENT_TYPE_HINT}`),
    );
  }
  return out;
}

// ------------------------------------------------------------------------------------------------
// OTLP/JSON (https://opentelemetry.io/docs/specs/otlp/#json-protobuf-encoding)
// ------------------------------------------------------------------------------------------------
// Keys are lowerCamelCase; like the Collector's receiver, the original snake_case proto names are
// also accepted. trace/span ids are hex (not base64), 64-bit integers may be strings or numbers,
// enums may be integers or their names, bytesValue is base64 (and stays base64). Unknown keys are
// ignored. Anything of the wrong type throws OtlpDecodeError with a JSON path.

type JsonObject = Record<string, unknown>;

function isObject(v: unknown): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function describe(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  if (typeof v === 'string') return `the string ${JSON.stringify(v.length > 40 ? v.slice(0, 40) + '…' : v)}`;
  if (typeof v === 'object') return 'an object';
  if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint') return `${typeof v} ${v}`;
  return typeof v;
}

function bad(path: string, expected: string, got: unknown): OtlpDecodeError {
  return new OtlpDecodeError(`OTLP/JSON ${path} must be ${expected}, got ${describe(got)}`);
}

/** obj[camel], falling back to obj[snake]. */
function get(obj: JsonObject, camel: string, snake: string): unknown {
  const v = obj[camel];
  return v !== undefined ? v : obj[snake];
}

function jsonArray(obj: JsonObject, camel: string, snake: string, path: string): unknown[] {
  const v = get(obj, camel, snake);
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v)) throw bad(`${path}.${camel}`, 'an array', v);
  return v;
}

function jsonObject(v: unknown, path: string): JsonObject {
  if (!isObject(v)) throw bad(path, 'an object', v);
  return v;
}

function jsonString(obj: JsonObject, camel: string, snake: string, path: string): string {
  const v = get(obj, camel, snake);
  if (v === undefined || v === null) return '';
  if (typeof v !== 'string') throw bad(`${path}.${camel}`, 'a string', v);
  return v;
}

const HEX = /^(?:[0-9a-f]{2})*$/i;

function jsonHexId(obj: JsonObject, camel: string, snake: string, path: string): string {
  const v = jsonString(obj, camel, snake, path);
  if (v === '') return '';
  if (!HEX.test(v)) {
    throw new OtlpDecodeError(
      `OTLP/JSON ${path}.${camel} must be a hex string (OTLP/JSON encodes trace and span ids as hex, not base64), got ${describe(v)}`,
    );
  }
  return v.toLowerCase();
}

const DIGITS = /^\d+$/;

function jsonUint64(obj: JsonObject, camel: string, snake: string, path: string): string {
  const v = get(obj, camel, snake);
  if (v === undefined || v === null) return '0';
  if (typeof v === 'string') {
    if (!DIGITS.test(v)) throw bad(`${path}.${camel}`, 'epoch nanoseconds as a decimal string or number', v);
    return v.charCodeAt(0) === 48 && v.length > 1 ? v.replace(/^0+(?=\d)/, '') : v;
  }
  if (typeof v === 'number' && Number.isInteger(v) && v >= 0) return Number.isSafeInteger(v) ? String(v) : BigInt(v).toString();
  throw bad(`${path}.${camel}`, 'epoch nanoseconds as a decimal string or number', v);
}

const SPAN_KINDS: Record<string, number> = {
  SPAN_KIND_UNSPECIFIED: 0,
  SPAN_KIND_INTERNAL: 1,
  SPAN_KIND_SERVER: 2,
  SPAN_KIND_CLIENT: 3,
  SPAN_KIND_PRODUCER: 4,
  SPAN_KIND_CONSUMER: 5,
};
const STATUS_CODES: Record<string, number> = { STATUS_CODE_UNSET: 0, STATUS_CODE_OK: 1, STATUS_CODE_ERROR: 2 };

function jsonEnum(obj: JsonObject, camel: string, names: Record<string, number>, path: string): number {
  const v = obj[camel];
  if (v === undefined || v === null) return 0;
  if (typeof v === 'number' && Number.isInteger(v)) return v;
  if (typeof v === 'string' && Object.hasOwn(names, v)) return names[v];
  throw bad(`${path}.${camel}`, `an integer or one of ${Object.keys(names).join(', ')}`, v);
}

function jsonInt64(v: unknown, path: string): number | string {
  if (typeof v === 'number') {
    if (Number.isSafeInteger(v)) return v;
    if (Number.isInteger(v)) return BigInt(v).toString();
  } else if (typeof v === 'string' && /^-?\d+$/.test(v)) {
    const n = Number(v);
    return Number.isSafeInteger(n) ? n : v;
  }
  throw bad(path, 'a 64-bit integer (decimal string or number)', v);
}

function jsonDouble(v: unknown, path: string): number {
  if (typeof v === 'number') return v;
  if (typeof v === 'string' && v.trim() !== '') {
    const n = Number(v); // also "NaN", "Infinity", "-Infinity" as the proto3 JSON mapping allows
    if (!Number.isNaN(n) || v === 'NaN') return n;
  }
  throw bad(path, 'a number', v);
}

function jsonBool(v: unknown, path: string): boolean {
  if (typeof v === 'boolean') return v;
  throw bad(path, 'true or false', v);
}

function jsonBytes(v: unknown, path: string): string {
  if (typeof v === 'string') return v;
  throw bad(path, 'a base64 string', v);
}

function jsonValues(v: unknown, path: string): unknown[] {
  const o = jsonObject(v, path);
  const values = o.values;
  if (values === undefined || values === null) return [];
  if (!Array.isArray(values)) throw bad(`${path}.values`, 'an array', values);
  return values;
}

function jsonKey(kv: JsonObject, path: string): string {
  const key = kv.key;
  if (typeof key !== 'string') throw bad(`${path}.key`, 'a string', key);
  return key;
}

function jsonPlain(v: unknown, path: string): Plain {
  if (v === undefined || v === null) return null;
  const o = jsonObject(v, path);
  let m: unknown;
  if ((m = get(o, 'stringValue', 'string_value')) !== undefined && m !== null) {
    if (typeof m !== 'string') throw bad(`${path}.stringValue`, 'a string', m);
    return m;
  }
  if ((m = get(o, 'intValue', 'int_value')) !== undefined && m !== null) return jsonInt64(m, `${path}.intValue`);
  if ((m = get(o, 'doubleValue', 'double_value')) !== undefined && m !== null) return jsonDouble(m, `${path}.doubleValue`);
  if ((m = get(o, 'boolValue', 'bool_value')) !== undefined && m !== null) return jsonBool(m, `${path}.boolValue`);
  if ((m = get(o, 'bytesValue', 'bytes_value')) !== undefined && m !== null) return jsonBytes(m, `${path}.bytesValue`);
  if ((m = get(o, 'arrayValue', 'array_value')) !== undefined && m !== null) {
    const values = jsonValues(m, `${path}.arrayValue`);
    return values.map((x, i) => jsonPlain(x, `${path}.arrayValue.values[${i}]`));
  }
  if ((m = get(o, 'kvlistValue', 'kvlist_value')) !== undefined && m !== null) {
    const values = jsonValues(m, `${path}.kvlistValue`);
    const out: { [k: string]: Plain } = {};
    for (let i = 0; i < values.length; i++) {
      const p = `${path}.kvlistValue.values[${i}]`;
      const kv = jsonObject(values[i], p);
      out[jsonKey(kv, p)] = jsonPlain(kv.value, `${p}.value`);
    }
    return out;
  }
  return null;
}

function jsonValue(v: unknown, path: string): OtlpAttributeValue | undefined {
  if (v === undefined || v === null) return undefined;
  const o = jsonObject(v, path);
  // Hot path first: the common members under their camelCase names.
  const s = o.stringValue;
  if (typeof s === 'string') return s;
  const plain = jsonPlain(o, path);
  if (plain === null) return undefined;
  return typeof plain === 'object' ? JSON.stringify(plain) : plain;
}

function jsonAttributes(list: unknown[], into: Record<string, OtlpAttributeValue>, path: string): void {
  for (let i = 0; i < list.length; i++) {
    const kv = list[i];
    if (!isObject(kv)) throw bad(`${path}[${i}]`, 'a KeyValue object like {"key":"k","value":{"stringValue":"v"}}', kv);
    const key = kv.key;
    if (typeof key !== 'string') throw bad(`${path}[${i}].key`, 'a string', key);
    const value = jsonValue(kv.value, `${path}[${i}].value`);
    if (value !== undefined) into[key] = value;
  }
}

function jsonException(events: unknown[], path: string): [string, string] {
  for (let i = 0; i < events.length; i++) {
    const ev = jsonObject(events[i], `${path}[${i}]`);
    if (ev.name !== 'exception') continue;
    const attrs: Record<string, OtlpAttributeValue> = {};
    jsonAttributes(jsonArray(ev, 'attributes', 'attributes', `${path}[${i}]`), attrs, `${path}[${i}].attributes`);
    const type = attrs['exception.type'];
    const message = attrs['exception.message'];
    return [type === undefined ? '' : String(type), message === undefined ? '' : String(message)];
  }
  return ['', ''];
}

/**
 * Decodes an OTLP/JSON ExportTraceServiceRequest: the parsed body, or its text / bytes.
 * `{}` and `{"resourceSpans":[]}` are valid empty requests.
 */
export function decodeOtlpJson(body: unknown): OtlpSpan[] {
  if (typeof body === 'string' || Buffer.isBuffer(body) || body instanceof Uint8Array) {
    const text = typeof body === 'string' ? body : Buffer.from(body.buffer, body.byteOffset, body.byteLength).toString('utf8');
    if (text.trim() === '') return [];
    try {
      body = JSON.parse(text) as unknown;
    } catch (e) {
      throw new OtlpDecodeError(`request body is not valid JSON (${(e as Error).message}); ${CONTENT_TYPE_HINT}`);
    }
  }
  if (!isObject(body)) {
    throw new OtlpDecodeError(
      `OTLP/JSON body must be an ExportTraceServiceRequest object like {"resourceSpans":[...]}, got ${describe(body)}`,
    );
  }
  const out: OtlpSpan[] = [];
  const resourceSpans = jsonArray(body, 'resourceSpans', 'resource_spans', '$');
  for (let r = 0; r < resourceSpans.length; r++) {
    const rPath = `resourceSpans[${r}]`;
    const rs = jsonObject(resourceSpans[r], rPath);
    const resourceAttrs: Record<string, OtlpAttributeValue> = {};
    if (rs.resource !== undefined && rs.resource !== null) {
      const res = jsonObject(rs.resource, `${rPath}.resource`);
      jsonAttributes(
        jsonArray(res, 'attributes', 'attributes', `${rPath}.resource`),
        resourceAttrs,
        `${rPath}.resource.attributes`,
      );
    }
    const resource = toResourceAttrs(resourceAttrs);
    const scopeSpans = jsonArray(rs, 'scopeSpans', 'scope_spans', rPath);
    for (let s = 0; s < scopeSpans.length; s++) {
      const sPath = `${rPath}.scopeSpans[${s}]`;
      const ss = jsonObject(scopeSpans[s], sPath);
      const spans = jsonArray(ss, 'spans', 'spans', sPath);
      for (let i = 0; i < spans.length; i++) {
        const path = `${sPath}.spans[${i}]`;
        const sp = jsonObject(spans[i], path);
        const attributes = spanAttributes(resource);
        jsonAttributes(jsonArray(sp, 'attributes', 'attributes', path), attributes, `${path}.attributes`);
        const events = jsonArray(sp, 'events', 'events', path);
        const exception = events.length > 0 ? jsonException(events, `${path}.events`) : (['', ''] as const);
        let statusCode = 0;
        let statusMessage = '';
        const status = sp.status;
        if (status !== undefined && status !== null) {
          const st = jsonObject(status, `${path}.status`);
          statusCode = jsonEnum(st, 'code', STATUS_CODES, `${path}.status`);
          statusMessage = jsonString(st, 'message', 'message', `${path}.status`);
        }
        out.push(
          newSpan(
            jsonHexId(sp, 'traceId', 'trace_id', path),
            jsonHexId(sp, 'spanId', 'span_id', path),
            jsonHexId(sp, 'parentSpanId', 'parent_span_id', path),
            jsonString(sp, 'name', 'name', path),
            jsonEnum(sp, 'kind', SPAN_KINDS, path),
            jsonUint64(sp, 'startTimeUnixNano', 'start_time_unix_nano', path),
            jsonUint64(sp, 'endTimeUnixNano', 'end_time_unix_nano', path),
            statusCode,
            statusMessage,
            attributes,
            exception[0],
            exception[1],
          ),
        );
      }
    }
  }
  return out;
}
