import { describe, expect, it } from 'vitest';
import * as protobuf from 'protobufjs';
import { decodeOtlpProtobuf, OtlpDecodeError, type OtlpAttributeValue, type OtlpSpan } from './otlp-decode';
import {
  ExportTraceServiceRequest,
  otlpRoot,
  type PbAnyValue,
  type PbEvent,
  type PbExportTraceServiceRequest,
  type PbKeyValue,
  type LongLike,
} from './otlp-proto';

// decodeOtlpProtobuf walks the wire format by hand for speed. This oracle decodes the same bytes
// with protobufjs' generated decoder (from the schema in otlp-proto.ts) and flattens the message
// objects the documented way; the two must agree on every randomly generated request.

type Plain = string | number | boolean | null | Plain[] | { [k: string]: Plain };

/** Independent of the decoder's bit arithmetic: BigInt all the way. */
function int64ViaBigInt(v: LongLike | number): number | string {
  const n = typeof v === 'number' ? BigInt(v) : BigInt.asIntN(64, (BigInt(v.high >>> 0) << 32n) | BigInt(v.low >>> 0));
  return n >= -(2n ** 53n - 1n) && n <= 2n ** 53n - 1n ? Number(n) : n.toString();
}
function uint64ViaBigInt(v: LongLike | number): string {
  return (typeof v === 'number' ? BigInt(v) : (BigInt(v.high >>> 0) << 32n) | BigInt(v.low >>> 0)).toString();
}

const b64 = (b: Uint8Array | null | undefined): string => (b && b.length ? Buffer.from(b).toString('base64') : '');
const hexOf = (b: Uint8Array | null | undefined): string => (b && b.length ? Buffer.from(b).toString('hex') : '');

function oraclePlain(v: PbAnyValue | null | undefined): Plain {
  if (!v) return null;
  if (Object.hasOwn(v, 'stringValue')) return v.stringValue ?? '';
  if (Object.hasOwn(v, 'intValue')) return v.intValue == null ? null : int64ViaBigInt(v.intValue);
  if (Object.hasOwn(v, 'doubleValue')) return v.doubleValue ?? null;
  if (Object.hasOwn(v, 'boolValue')) return v.boolValue ?? null;
  if (Object.hasOwn(v, 'bytesValue')) return b64(v.bytesValue);
  if (Object.hasOwn(v, 'arrayValue')) return (v.arrayValue?.values ?? []).map(oraclePlain);
  if (Object.hasOwn(v, 'kvlistValue')) {
    const o: { [k: string]: Plain } = {};
    for (const kv of v.kvlistValue?.values ?? []) o[kv.key] = oraclePlain(kv.value);
    return o;
  }
  return null;
}

function oracleValue(v: PbAnyValue | null | undefined): OtlpAttributeValue | undefined {
  const p = oraclePlain(v);
  if (p === null) return undefined;
  return typeof p === 'object' ? JSON.stringify(p) : p;
}

function oracleAttributes(kvs: PbKeyValue[], into: Record<string, OtlpAttributeValue>): void {
  for (const kv of kvs) {
    const value = oracleValue(kv.value);
    if (value !== undefined) into[kv.key] = value;
  }
}

function oracleException(events: PbEvent[]): [string, string] {
  const ev = events.find((e) => e.name === 'exception');
  if (!ev) return ['', ''];
  const attrs: Record<string, OtlpAttributeValue> = {};
  oracleAttributes(ev.attributes, attrs);
  return [String(attrs['exception.type'] ?? ''), String(attrs['exception.message'] ?? '')];
}

function oracle(buf: Buffer): OtlpSpan[] {
  const req = ExportTraceServiceRequest.decode(buf) as unknown as PbExportTraceServiceRequest;
  const out: OtlpSpan[] = [];
  for (const rs of req.resourceSpans) {
    const resource: Record<string, OtlpAttributeValue> = {};
    if (rs.resource) oracleAttributes(rs.resource.attributes, resource);
    for (const ss of rs.scopeSpans) {
      for (const s of ss.spans) {
        const attributes = { ...resource };
        oracleAttributes(s.attributes, attributes);
        const [exceptionType, exceptionMessage] = oracleException(s.events);
        out.push({
          traceId: hexOf(s.traceId),
          spanId: hexOf(s.spanId),
          parentSpanId: hexOf(s.parentSpanId),
          name: s.name,
          kind: s.kind,
          startTimeUnixNano: uint64ViaBigInt(s.startTimeUnixNano),
          endTimeUnixNano: uint64ViaBigInt(s.endTimeUnixNano),
          statusCode: s.status ? s.status.code : 0,
          statusMessage: s.status ? s.status.message : '',
          attributes,
          exceptionType,
          exceptionMessage,
        });
      }
    }
  }
  return out;
}

// ---- deterministic random requests ----

function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const STRINGS = [
  '',
  'P100',
  'middleware',
  'kg',
  'Grüße aus 東京 🏭',
  'x'.repeat(31),
  'y'.repeat(32),
  'z'.repeat(33),
  'long '.repeat(40),
];
const INTS = [
  '0',
  '1',
  '-1',
  '127',
  '128',
  '-129',
  '9007199254740991',
  '9007199254740992',
  '-9007199254740991',
  '-9007199254740992',
  '9223372036854775807',
  '-9223372036854775808',
  '4294967296',
  '-4294967296',
];
const DOUBLES = [0.5, -1e300, 3.141592653589793, 1e21, -0];
const KEYS = ['syncline.stage', 'mfg.plant', 'service.name', 'k', 'ключ', 'a'.repeat(64), 'b'.repeat(65), ''];

function generate(rand: () => number): object {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)];
  const int = (n: number) => Math.floor(rand() * n);
  const bytes = (n: number) => Buffer.from(Array.from({ length: n }, () => int(256)));
  const u64 = () => ((BigInt(int(2 ** 32)) << 32n) | BigInt(int(2 ** 32))).toString();
  const key = () => (rand() < 0.3 ? `k${int(20000)}` : pick(KEYS));
  const anyValue = (depth: number): object => {
    switch (int(depth > 2 ? 6 : 8)) {
      case 0:
        return { stringValue: rand() < 0.5 ? pick(STRINGS) : `v${int(100000)}` };
      case 1:
        return { intValue: pick(INTS) };
      case 2:
        return { doubleValue: pick(DOUBLES) };
      case 3:
        return { boolValue: rand() < 0.5 };
      case 4:
        return { bytesValue: bytes(int(6)) };
      case 5:
        return {};
      case 6:
        return { arrayValue: { values: Array.from({ length: int(4) }, () => anyValue(depth + 1)) } };
      default:
        return { kvlistValue: { values: Array.from({ length: int(4) }, () => ({ key: key(), value: anyValue(depth + 1) })) } };
    }
  };
  const attributes = (n: number) => Array.from({ length: int(n) }, () => ({ key: key(), value: anyValue(0) }));
  const span = () => ({
    traceId: rand() < 0.9 ? bytes(16) : bytes(int(20)),
    spanId: rand() < 0.9 ? bytes(8) : bytes(int(10)),
    parentSpanId: rand() < 0.5 ? bytes(8) : undefined,
    traceState: rand() < 0.2 ? 'vendor=1' : undefined,
    name: pick(STRINGS),
    kind: int(6),
    startTimeUnixNano: u64(),
    endTimeUnixNano: rand() < 0.1 ? undefined : u64(),
    attributes: attributes(14),
    droppedAttributesCount: int(3),
    events:
      rand() < 0.3
        ? [
            { name: 'checkpoint', attributes: attributes(3) },
            { name: 'exception', attributes: [{ key: 'exception.type', value: { stringValue: 'E' } }, ...attributes(3)] },
          ]
        : [],
    status: rand() < 0.7 ? { code: int(3), message: rand() < 0.5 ? pick(STRINGS) : '' } : undefined,
    flags: rand() < 0.5 ? 0x301 : undefined,
  });
  return {
    resourceSpans: Array.from({ length: 1 + int(3) }, () => ({
      resource: rand() < 0.8 ? { attributes: attributes(5), droppedAttributesCount: int(2) } : undefined,
      scopeSpans: Array.from({ length: int(3) }, () => ({
        scope: { name: 'scope', version: '1' },
        spans: Array.from({ length: int(6) }, span),
        schemaUrl: 'https://opentelemetry.io/schemas/1.26.0',
      })),
      schemaUrl: rand() < 0.5 ? 'https://opentelemetry.io/schemas/1.26.0' : '',
    })),
  };
}

function encode(obj: object): Buffer {
  return Buffer.from(ExportTraceServiceRequest.encode(ExportTraceServiceRequest.fromObject(obj)).finish());
}

describe('decodeOtlpProtobuf (wire walk) vs protobufjs', () => {
  it('agrees with protobufjs on 250 random requests', () => {
    const rand = prng(20261121);
    let spans = 0;
    for (let i = 0; i < 250; i++) {
      const body = encode(generate(rand));
      const expected = oracle(body);
      expect(decodeOtlpProtobuf(body)).toEqual(expected);
      spans += expected.length;
    }
    expect(spans).toBeGreaterThan(800);
  });

  it('never confuses attribute keys or values that share a cache slot', () => {
    // 20,000 distinct keys of equal length (many differ in the last byte only) overflow the
    // 4,096-slot string caches, so colliding entries replace each other repeatedly.
    const names = Array.from({ length: 20000 }, (_, i) => `key-${String(i).padStart(5, '0')}`);
    const body = encode({
      resourceSpans: [
        {
          scopeSpans: [
            {
              spans: [0, 1].map((round) => ({
                spanId: Buffer.from([round, 1, 2, 3, 4, 5, 6, 7]),
                attributes: (round === 0 ? names : [...names].reverse()).map((k) => ({ key: k, value: { stringValue: k } })),
              })),
            },
          ],
        },
      ],
    });
    for (const span of decodeOtlpProtobuf(body)) {
      expect(Object.keys(span.attributes)).toHaveLength(names.length);
      expect(Object.entries(span.attributes).filter(([k, v]) => k !== v)).toEqual([]);
    }
  });

  it('finds the resource even when it comes after the spans on the wire', () => {
    const ResourceSpans = otlpRoot.lookupType('opentelemetry.proto.trace.v1.ResourceSpans');
    const spansPart = ResourceSpans.encode(
      ResourceSpans.fromObject({
        scopeSpans: [
          {
            spans: [
              { spanId: Buffer.from('0102030405060708', 'hex'), attributes: [{ key: 'a', value: { stringValue: 'span' } }] },
            ],
          },
        ],
      }),
    ).finish();
    const resourcePart = ResourceSpans.encode(
      ResourceSpans.fromObject({
        resource: {
          attributes: [
            { key: 'a', value: { stringValue: 'resource' } },
            { key: 'r', value: { boolValue: true } },
          ],
        },
      }),
    ).finish();
    // Concatenated messages merge, so this is one ResourceSpans with field 1 after field 2.
    const body = Buffer.from(
      protobuf.Writer.create()
        .uint32(0x0a)
        .bytes(Buffer.concat([spansPart, resourcePart]))
        .finish(),
    );
    const [span] = decodeOtlpProtobuf(body);
    expect(span.attributes).toEqual({ a: 'span', r: true });
    expect(decodeOtlpProtobuf(body)).toEqual(oracle(body));
  });

  it('throws OtlpDecodeError for every truncation of a valid request', () => {
    const body = encode(generate(prng(7)));
    expect(body.length).toBeGreaterThan(100);
    // a single top-level ResourceSpans field: cutting anywhere inside it must be detected
    const oneResource = encode({ resourceSpans: [(generate(prng(8)) as { resourceSpans: object[] }).resourceSpans[0]] });
    for (let cut = 1; cut < oneResource.length; cut++) {
      expect(() => decodeOtlpProtobuf(oneResource.subarray(0, cut)), `cut at ${cut}`).toThrow(OtlpDecodeError);
    }
  });

  it('explains wire-type mismatches, groups and field number 0', () => {
    // ResourceSpans field 1 with a span whose trace_id (field 1) is sent as a varint
    const badSpan = Buffer.from([0x0a, 0x06, 0x12, 0x04, 0x12, 0x02, 0x08, 0x01]);
    expect(() => decodeOtlpProtobuf(badSpan)).toThrow(/Span field 1 has wire type varint, expected length-delimited/);
    expect(() => decodeOtlpProtobuf(Buffer.from([0x0b, 0x0c]))).toThrow(/unsupported wire type group start/);
    expect(() => decodeOtlpProtobuf(Buffer.from([0x00, 0x00]))).toThrow(/invalid field number 0/);
    expect(() => decodeOtlpProtobuf(Buffer.from([0x0a, ...new Array<number>(11).fill(0xff)]))).toThrow(/malformed varint/);
    expect(() => decodeOtlpProtobuf(Buffer.from([0x0a, 0xff, 0xff]))).toThrow(/truncated varint/);
  });
});
