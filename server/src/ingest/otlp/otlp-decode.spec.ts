import { describe, expect, it } from 'vitest';
import { SpanKind, SpanStatusCode, trace, ROOT_CONTEXT, type Attributes, type HrTime } from '@opentelemetry/api';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor, type ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { JsonTraceSerializer, ProtobufTraceSerializer } from '@opentelemetry/otlp-transformer';
import { decodeOtlpJson, decodeOtlpProtobuf, int64ToValue, OtlpDecodeError, uint64ToDecimal, type OtlpSpan } from './otlp-decode';
import { ExportTraceServiceRequest } from './otlp-proto';
import { Random } from '../../simulator/random';

const START: HrTime = [1763712000, 123456789];
const END: HrTime = [1763712001, 5];

/** Two real SDK spans (parent + child) under one resource, finished and captured in memory. */
function sdkSpans(): { parent: ReadableSpan; child: ReadableSpan } {
  const exporter = new InMemorySpanExporter();
  const provider = new BasicTracerProvider({
    resource: resourceFromAttributes({
      'service.name': 'mes-gateway',
      'syncline.flow': 'goods_receipt',
      'mfg.plant': 'P-RESOURCE',
      'host.count': 3,
    }),
    spanProcessors: [new SimpleSpanProcessor(exporter)],
  });
  const tracer = provider.getTracer('syncline-test', '1.0.0');
  const parent = tracer.startSpan('receive', { kind: SpanKind.SERVER, startTime: START });
  parent.setAttributes({
    'syncline.stage': 'gateway',
    'mfg.plant': 'P-SPAN',
    'str.attr': 'hello',
    'int.attr': 42,
    'neg.attr': -7,
    'big.attr': 2 ** 60,
    'double.attr': 12.5,
    'bool.attr': true,
    'array.attr': ['a', 'b'],
    'int.array': [1, 2, 3],
  });
  parent.setStatus({ code: SpanStatusCode.ERROR, message: 'ERP rejected the posting' });
  parent.end(END);
  const child = tracer.startSpan('post', { startTime: START }, trace.setSpan(ROOT_CONTEXT, parent));
  child.setAttribute('syncline.stage', 'erp_api');
  child.recordException({ name: 'TimeoutError', message: 'ERP did not answer in 30s' });
  child.setStatus({ code: SpanStatusCode.OK });
  child.end(END);
  const [p, c] = exporter.getFinishedSpans();
  return { parent: p, child: c };
}

function protobufBody(spans: ReadableSpan[]): Buffer {
  const bytes = ProtobufTraceSerializer.serializeRequest(spans);
  if (!bytes) throw new Error('serializer returned nothing');
  return Buffer.from(bytes);
}

function jsonBody(spans: ReadableSpan[]): unknown {
  const bytes = JsonTraceSerializer.serializeRequest(spans);
  if (!bytes) throw new Error('serializer returned nothing');
  return JSON.parse(Buffer.from(bytes).toString('utf8')) as unknown;
}

function expectDecodedSdkSpans(decoded: OtlpSpan[], parent: ReadableSpan, child: ReadableSpan): void {
  expect(decoded).toHaveLength(2);
  const [p, c] = decoded;
  expect(p.traceId).toBe(parent.spanContext().traceId);
  expect(p.traceId).toMatch(/^[0-9a-f]{32}$/);
  expect(p.spanId).toBe(parent.spanContext().spanId);
  expect(p.spanId).toMatch(/^[0-9a-f]{16}$/);
  expect(p.parentSpanId).toBe('');
  expect(p.name).toBe('receive');
  expect(p.kind).toBe(2); // OTLP SPAN_KIND_SERVER (the API's SpanKind.SERVER + 1)
  expect(p.startTimeUnixNano).toBe('1763712000123456789');
  expect(p.endTimeUnixNano).toBe('1763712001000000005');
  expect(p.statusCode).toBe(2);
  expect(p.statusMessage).toBe('ERP rejected the posting');
  expect(p.attributes).toEqual({
    'service.name': 'mes-gateway',
    'syncline.flow': 'goods_receipt',
    'mfg.plant': 'P-SPAN', // span wins over resource
    'host.count': 3,
    'syncline.stage': 'gateway',
    'str.attr': 'hello',
    'int.attr': 42,
    'neg.attr': -7,
    'big.attr': '1152921504606846976', // beyond Number.MAX_SAFE_INTEGER -> exact decimal string
    'double.attr': 12.5,
    'bool.attr': true,
    'array.attr': '["a","b"]',
    'int.array': '[1,2,3]',
  });
  expect(p.exceptionType).toBe('');
  expect(p.exceptionMessage).toBe('');

  expect(c.traceId).toBe(parent.spanContext().traceId);
  expect(c.spanId).toBe(child.spanContext().spanId);
  expect(c.parentSpanId).toBe(parent.spanContext().spanId);
  expect(c.kind).toBe(1); // INTERNAL
  expect(c.statusCode).toBe(1);
  expect(c.statusMessage).toBe('');
  expect(c.attributes['mfg.plant']).toBe('P-RESOURCE');
  expect(c.attributes['syncline.stage']).toBe('erp_api');
  expect(c.exceptionType).toBe('TimeoutError');
  expect(c.exceptionMessage).toBe('ERP did not answer in 30s');
}

describe('decodeOtlpProtobuf', () => {
  it('decodes a request written by the official SDK serializer', () => {
    const { parent, child } = sdkSpans();
    expectDecodedSdkSpans(decodeOtlpProtobuf(protobufBody([parent, child])), parent, child);
  });

  it('flattens bytes, maps and nested arrays written by the SDK serializer', () => {
    const { parent } = sdkSpans();
    const attributes = {
      bytes: new Uint8Array([0xde, 0xad, 0xbe, 0xef]),
      map: { a: 1, b: 'x', nested: [true, 2.5] },
      nestedArray: [['a'], []],
    } as unknown as Attributes; // the serializer supports these AnyValue kinds; the API types do not
    const span: ReadableSpan = {
      name: parent.name,
      kind: parent.kind,
      spanContext: () => parent.spanContext(),
      startTime: parent.startTime,
      endTime: parent.endTime,
      status: parent.status,
      attributes,
      links: [],
      events: [],
      duration: parent.duration,
      ended: true,
      resource: resourceFromAttributes({}),
      instrumentationScope: parent.instrumentationScope,
      droppedAttributesCount: 0,
      droppedEventsCount: 0,
      droppedLinksCount: 0,
    };
    const [decoded] = decodeOtlpProtobuf(protobufBody([span]));
    expect(decoded.attributes).toEqual({
      bytes: '3q2+7w==',
      map: '{"a":1,"b":"x","nested":[true,2.5]}',
      nestedArray: '[["a"],[]]',
    });
  });

  it('skips unknown fields (links) and decodes empty bodies as no spans', () => {
    const { parent, child } = sdkSpans();
    const withLink: ReadableSpan = Object.assign(Object.create(child) as ReadableSpan, {
      links: [{ context: parent.spanContext(), attributes: { why: 'retry' } }],
    });
    const [decoded] = decodeOtlpProtobuf(protobufBody([withLink]));
    expect(decoded.spanId).toBe(child.spanContext().spanId);
    expect(decodeOtlpProtobuf(Buffer.alloc(0))).toEqual([]);
  });

  it('reads 64-bit values whether protobufjs hands out Long objects or plain {low, high}', () => {
    const encoded = ExportTraceServiceRequest.encode({
      resourceSpans: [
        {
          scopeSpans: [
            {
              spans: [
                {
                  traceId: Buffer.from('0af7651916cd43dd8448eb211c80319c', 'hex'),
                  spanId: Buffer.from('b7ad6b7169203331', 'hex'),
                  startTimeUnixNano: '18446744073709551615',
                  endTimeUnixNano: 5,
                  attributes: [
                    { key: 'max', value: { intValue: '9223372036854775807' } },
                    { key: 'min', value: { intValue: '-9223372036854775808' } },
                    { key: 'empty', value: {} },
                  ],
                },
              ],
            },
          ],
        },
      ],
    }).finish();
    const [span] = decodeOtlpProtobuf(Buffer.from(encoded));
    expect(span.traceId).toBe('0af7651916cd43dd8448eb211c80319c');
    expect(span.parentSpanId).toBe('');
    expect(span.startTimeUnixNano).toBe('18446744073709551615');
    expect(span.endTimeUnixNano).toBe('5');
    expect(span.attributes).toEqual({ max: '9223372036854775807', min: '-9223372036854775808' });
  });

  it('rejects bytes that are not an ExportTraceServiceRequest with an actionable message', () => {
    expect(() => decodeOtlpProtobuf(Buffer.from([0x0a, 0x50, 0x01]))).toThrow(OtlpDecodeError);
    expect(() => decodeOtlpProtobuf(Buffer.from([0x0a, 0x50, 0x01]))).toThrow(/not a valid protobuf ExportTraceServiceRequest/);
    expect(() => decodeOtlpProtobuf(Buffer.from('{"resourceSpans":[{"scopeSpans":[]}]}'))).toThrow(
      /looks like JSON: send it with Content-Type: application\/json/,
    );
  });
});

describe('uint64ToDecimal / int64ToValue', () => {
  it('matches BigInt for random and edge 64-bit values', () => {
    // Seeded so a failure can be repeated: TEST_SEED=<the seed in the failure message> npx vitest run ...
    const seed = process.env.TEST_SEED ? Number(process.env.TEST_SEED) : Math.floor(Math.random() * 2 ** 31);
    const random = new Random(seed);
    const samples: bigint[] = [0n, 1n, 2n ** 32n - 1n, 2n ** 32n, 2n ** 53n - 1n, 2n ** 53n, 2n ** 53n + 1n, 2n ** 64n - 1n];
    samples.push(1763712000123456789n, 1000000n * 2n ** 32n);
    // signed edges, as two's complement
    for (const s of [-1n, -(2n ** 32n), -(2n ** 52n), -(2n ** 53n) + 1n, -(2n ** 53n), -(2n ** 63n)])
      samples.push(BigInt.asUintN(64, s));
    for (let i = 0; i < 2000; i++) {
      samples.push((BigInt(random.int(0, 2 ** 32 - 1)) << 32n) | BigInt(random.int(0, 2 ** 32 - 1)));
    }
    for (const n of samples) {
      const why = `${n} (TEST_SEED=${seed})`;
      const low = Number(BigInt.asUintN(32, n)) | 0;
      const high = Number(BigInt.asUintN(32, n >> 32n)) | 0;
      expect(uint64ToDecimal({ low, high, unsigned: true }), why).toBe(n.toString());
      expect(uint64ToDecimal({ low, high }), why).toBe(n.toString());
      const signed = BigInt.asIntN(64, n);
      const asValue = int64ToValue({ low, high, unsigned: false });
      if (signed >= -(2n ** 53n - 1n) && signed <= 2n ** 53n - 1n) expect(asValue, why).toBe(Number(signed));
      else expect(asValue, why).toBe(signed.toString());
    }
  });

  it('accepts plain numbers (protobufjs without a Long implementation)', () => {
    expect(uint64ToDecimal(1763712000123)).toBe('1763712000123');
    expect(uint64ToDecimal(2 ** 60)).toBe('1152921504606846976');
    expect(int64ToValue(-5)).toBe(-5);
    expect(int64ToValue(2 ** 60)).toBe('1152921504606846976');
  });
});

describe('decodeOtlpJson', () => {
  it('decodes what the official SDK JSON serializer writes, like the protobuf decoder', () => {
    const { parent, child } = sdkSpans();
    const fromJson = decodeOtlpJson(jsonBody([parent, child]));
    expectDecodedSdkSpans(fromJson, parent, child);
    expect(fromJson).toEqual(decodeOtlpProtobuf(protobufBody([parent, child])));
  });

  it('accepts the body as text or bytes too', () => {
    const { parent } = sdkSpans();
    const text = JSON.stringify(jsonBody([parent]));
    expect(decodeOtlpJson(text)[0].spanId).toBe(parent.spanContext().spanId);
    expect(decodeOtlpJson(Buffer.from(text))[0].spanId).toBe(parent.spanContext().spanId);
    expect(decodeOtlpJson('')).toEqual([]);
    expect(decodeOtlpJson({})).toEqual([]);
  });

  it('decodes a hand-written OTLP/JSON example (spec encoding rules)', () => {
    const body = {
      resourceSpans: [
        {
          resource: {
            attributes: [
              { key: 'service.name', value: { stringValue: 'mes-connector' } },
              { key: 'syncline.flow', value: { stringValue: 'production_confirmation' } },
            ],
          },
          scopeSpans: [
            {
              scope: { name: 'manual', version: '1.0.0', attributes: [] },
              spans: [
                {
                  traceId: '5B8EFFF798038103D269B633813FC60C', // upper case hex is accepted
                  spanId: 'EEE19B7EC3C1B174',
                  parentSpanId: 'EEE19B7EC3C1B173',
                  name: 'forward',
                  startTimeUnixNano: '1544712660000000000',
                  endTimeUnixNano: 1544712661000000000,
                  kind: 'SPAN_KIND_PRODUCER',
                  attributes: [
                    { key: 'syncline.stage', value: { stringValue: 'middleware' } },
                    { key: 'count', value: { intValue: '12' } },
                    { key: 'huge', value: { intValue: '9007199254740993' } },
                    { key: 'ratio', value: { doubleValue: 0.25 } },
                    { key: 'flag', value: { boolValue: false } },
                    { key: 'raw', value: { bytesValue: 'AQID' } },
                    { key: 'list', value: { arrayValue: { values: [{ stringValue: 'x' }, { intValue: 1 }] } } },
                    { key: 'obj', value: { kvlistValue: { values: [{ key: 'k', value: { boolValue: true } }] } } },
                    { key: 'nothing', value: {} },
                  ],
                  events: [{ timeUnixNano: '1544712660500000000', name: 'checkpoint', attributes: [] }],
                  status: { code: 2, message: 'queue full' },
                  futureField: 'ignored',
                },
                {
                  trace_id: '5b8efff798038103d269b633813fc60c', // snake_case keys, as the Collector accepts
                  span_id: 'eee19b7ec3c1b175',
                  start_time_unix_nano: '1544712660000000000',
                  kind: 3,
                  status: { code: 'STATUS_CODE_OK' },
                },
              ],
            },
          ],
        },
      ],
    };
    const [a, b] = decodeOtlpJson(body);
    expect(a).toEqual({
      traceId: '5b8efff798038103d269b633813fc60c',
      spanId: 'eee19b7ec3c1b174',
      parentSpanId: 'eee19b7ec3c1b173',
      name: 'forward',
      kind: 4,
      startTimeUnixNano: '1544712660000000000',
      endTimeUnixNano: '1544712661000000000',
      statusCode: 2,
      statusMessage: 'queue full',
      attributes: {
        'service.name': 'mes-connector',
        'syncline.flow': 'production_confirmation',
        'syncline.stage': 'middleware',
        count: 12,
        huge: '9007199254740993',
        ratio: 0.25,
        flag: false,
        raw: 'AQID',
        list: '["x",1]',
        obj: '{"k":true}',
      },
      exceptionType: '',
      exceptionMessage: '',
    });
    expect(b.spanId).toBe('eee19b7ec3c1b175');
    expect(b.kind).toBe(3);
    expect(b.statusCode).toBe(1);
    expect(b.endTimeUnixNano).toBe('0');
    expect(b.parentSpanId).toBe('');
  });

  it('rejects wrong shapes with the JSON path and what was expected', () => {
    const span = (extra: object) => ({ resourceSpans: [{ scopeSpans: [{ spans: [{ spanId: 'aa', ...extra }] }] }] });
    const cases: [unknown, RegExp][] = [
      [[], /must be an ExportTraceServiceRequest object/],
      [null, /must be an ExportTraceServiceRequest object/],
      ['{not json', /not valid JSON/],
      [{ resourceSpans: {} }, /\$\.resourceSpans must be an array, got an object/],
      [{ resourceSpans: [1] }, /resourceSpans\[0\] must be an object, got number 1/],
      [span({ traceId: 'W47/95gDgQPSabYzgT/GDA==' }), /spans\[0\]\.traceId must be a hex string .*not base64/],
      [span({ startTimeUnixNano: '2026-01-01T00:00:00Z' }), /startTimeUnixNano must be epoch nanoseconds/],
      [span({ kind: 'SERVER' }), /kind must be an integer or one of SPAN_KIND_UNSPECIFIED/],
      [span({ attributes: { a: 1 } }), /spans\[0\]\.attributes must be an array/],
      [
        span({ attributes: [{ key: 'a', value: { intValue: '1.5' } }] }),
        /attributes\[0\]\.value\.intValue must be a 64-bit integer/,
      ],
      [span({ attributes: [{ value: { stringValue: 'x' } }] }), /attributes\[0\]\.key must be a string/],
      [span({ status: { code: 2, message: 7 } }), /status\.message must be a string/],
    ];
    for (const [body, message] of cases) {
      expect(() => decodeOtlpJson(body)).toThrow(OtlpDecodeError);
      expect(() => decodeOtlpJson(body)).toThrow(message);
    }
  });
});
