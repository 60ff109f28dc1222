import { describe, expect, it } from 'vitest';
import { SpanKind, SpanStatusCode, trace, ROOT_CONTEXT, type Attributes, type HrTime } from '@opentelemetry/api';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor, type ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { ProtobufTraceSerializer } from '@opentelemetry/otlp-transformer';
import { decodeOtlpProtobuf, type OtlpSpan } from './otlp-decode';
import { ERROR_MESSAGE_MAX, spansToHops } from './otlp-to-hops';
import { parseTimestamp } from '../records/timestamps';

const START: HrTime = [1763712000, 123456789];
const END: HrTime = [1763712000, 523456789];

interface SpanSpec {
  name: string;
  attributes?: Attributes;
  kind?: SpanKind;
  status?: { code: SpanStatusCode; message?: string };
  exception?: { name: string; message: string };
  child?: boolean;
}

/** Spans from a real SDK tracer, through the official protobuf serializer, through decodeOtlpProtobuf. */
function roundTrip(resource: Attributes, specs: SpanSpec[]): { decoded: OtlpSpan[]; sdk: ReadableSpan[] } {
  const exporter = new InMemorySpanExporter();
  const provider = new BasicTracerProvider({
    resource: resourceFromAttributes(resource),
    spanProcessors: [new SimpleSpanProcessor(exporter)],
  });
  const tracer = provider.getTracer('syncline-test');
  let first: ReturnType<typeof tracer.startSpan> | undefined;
  for (const s of specs) {
    const ctx = s.child && first ? trace.setSpan(ROOT_CONTEXT, first) : ROOT_CONTEXT;
    const span = tracer.startSpan(s.name, { kind: s.kind, attributes: s.attributes, startTime: START }, ctx);
    if (s.status) span.setStatus(s.status);
    if (s.exception) span.recordException(s.exception);
    span.end(END);
    first ??= span;
  }
  const sdk = exporter.getFinishedSpans();
  const bytes = ProtobufTraceSerializer.serializeRequest(sdk);
  if (!bytes) throw new Error('serializer returned nothing');
  return { decoded: decodeOtlpProtobuf(Buffer.from(bytes)), sdk };
}

const RESOURCE = { 'service.name': 'mes-gateway', 'syncline.flow': 'goods_receipt', 'telemetry.sdk.language': 'nodejs' };

describe('spansToHops', () => {
  it('maps every documented attribute of a real SDK span to its hop field', () => {
    const { decoded, sdk } = roundTrip(RESOURCE, [
      { name: 'receive', kind: SpanKind.SERVER, attributes: { 'syncline.stage': 'gateway' } },
      {
        name: 'post goods receipt',
        kind: SpanKind.CLIENT,
        child: true,
        status: { code: SpanStatusCode.ERROR, message: 'ERP returned 409' },
        attributes: {
          'syncline.stage': 'erp_api',
          'syncline.system': 'sap-s4',
          'mfg.plant': 'P100',
          'mfg.line': 'L2',
          'mfg.asset': 'press-7',
          'erp.order': '4711',
          'erp.material': 'MAT-1',
          'erp.batch': 'B-9',
          'syncline.event_type': 'goods_receipt',
          'mfg.quantity': '12.5',
          'mfg.unit': 'kg',
          'syncline.business_key': 'GR-4711-1',
          'syncline.attempt': 2,
          'syncline.payload': '{"doc":"5000001"}',
          'syncline.error_code': 'E409',
          'error.type': 'HttpError',
          'http.response.status_code': 409,
          'retry.final': false,
        },
      },
    ]);
    const { hops, rejected } = spansToHops(decoded);
    expect(rejected).toEqual([]);
    const [root, post] = hops;
    const traceId = sdk[0].spanContext().traceId;
    expect(root).toEqual({
      hop_id: sdk[0].spanContext().spanId,
      correlation_id: traceId,
      parent_hop_id: null,
      flow: 'goods_receipt',
      stage: 'gateway',
      system: 'mes-gateway',
      plant: null,
      line: null,
      asset: null,
      order_id: null,
      material: null,
      batch: null,
      event_type: null,
      quantity: null,
      unit: null,
      start_time: '1763712000123456789',
      end_time: '1763712000523456789',
      status: 'ok',
      error_code: null,
      error_message: null,
      attempt: null,
      business_key: null,
      payload: null,
      attributes: { 'otel.span_name': 'receive', 'otel.span_kind': 'server' },
    });
    expect(post).toEqual({
      hop_id: sdk[1].spanContext().spanId,
      correlation_id: traceId,
      parent_hop_id: sdk[0].spanContext().spanId,
      flow: 'goods_receipt',
      stage: 'erp_api',
      system: 'sap-s4',
      plant: 'P100',
      line: 'L2',
      asset: 'press-7',
      order_id: '4711',
      material: 'MAT-1',
      batch: 'B-9',
      event_type: 'goods_receipt',
      quantity: 12.5,
      unit: 'kg',
      start_time: '1763712000123456789',
      end_time: '1763712000523456789',
      status: 'error',
      error_code: 'E409',
      error_message: 'ERP returned 409',
      attempt: 2,
      business_key: 'GR-4711-1',
      payload: '{"doc":"5000001"}',
      attributes: {
        // fallbacks that were not used stay attributes
        'service.name': 'mes-gateway',
        'error.type': 'HttpError',
        // telemetry.* resource attributes (SDK noise) are not kept
        'http.response.status_code': 409,
        'retry.final': false,
        'otel.span_name': 'post goods receipt',
        'otel.span_kind': 'client',
      },
    });
    // The hop validator's timestamp parser accepts the 19-digit nanosecond strings (-> epoch µs).
    expect(parseTimestamp(post.start_time)).toBe(1763712000123456);
    expect(parseTimestamp(post.end_time)).toBe(1763712000523456);
  });

  it('uses correlation.id over the trace id and keeps the trace id as otel.trace_id', () => {
    const { decoded, sdk } = roundTrip({ ...RESOURCE, 'correlation.id': 'GR-2026-000123' }, [
      { name: 'a', attributes: { 'syncline.stage': 'device' } },
    ]);
    const [hop] = spansToHops(decoded).hops;
    expect(hop.correlation_id).toBe('GR-2026-000123');
    expect(hop.attributes).toMatchObject({ 'otel.trace_id': sdk[0].spanContext().traceId });
    expect(hop.attributes).not.toHaveProperty('correlation.id');
  });

  it('derives status: syncline.status wins, else ERROR -> error, else ok; bad values pass through', () => {
    const { decoded } = roundTrip(RESOURCE, [
      { name: 'ok', attributes: { 'syncline.stage': 'broker' }, status: { code: SpanStatusCode.OK } },
      { name: 'unset', attributes: { 'syncline.stage': 'broker' } },
      { name: 'err', attributes: { 'syncline.stage': 'broker' }, status: { code: SpanStatusCode.ERROR } },
      {
        name: 'retry',
        attributes: { 'syncline.stage': 'broker', 'syncline.status': 'retry' },
        status: { code: SpanStatusCode.ERROR },
      },
      { name: 'bogus', attributes: { 'syncline.stage': 'broker', 'syncline.status': 'exploded' } },
    ]);
    const { hops } = spansToHops(decoded);
    expect(hops.map((h) => [h.attributes?.['otel.span_name'], h.status])).toEqual([
      ['ok', 'ok'],
      ['unset', 'ok'],
      ['err', 'error'],
      ['retry', 'retry'],
      ['bogus', 'exploded'],
    ]);
    expect(hops.every((h) => h.attributes && !('syncline.status' in h.attributes))).toBe(true);
  });

  it('takes error_code / error_message from error.type and recorded exceptions when nothing better is set', () => {
    const { decoded } = roundTrip(RESOURCE, [
      {
        name: 'exception',
        attributes: { 'syncline.stage': 'middleware' },
        status: { code: SpanStatusCode.ERROR },
        exception: { name: 'TimeoutError', message: 'ERP did not answer in 30s' },
      },
      {
        name: 'error.type',
        attributes: { 'syncline.stage': 'middleware', 'error.type': 'ECONNRESET', 'exception.message': 'socket hang up' },
        status: { code: SpanStatusCode.ERROR },
        exception: { name: 'Ignored', message: 'the attribute wins' },
      },
    ]);
    const [a, b] = spansToHops(decoded).hops;
    expect([a.error_code, a.error_message]).toEqual(['TimeoutError', 'ERP did not answer in 30s']);
    expect([b.error_code, b.error_message]).toEqual(['ECONNRESET', 'socket hang up']);
    expect(b.attributes).not.toHaveProperty('error.type');
    expect(b.attributes).not.toHaveProperty('exception.message');
  });

  it('rejects spans without syncline.flow / syncline.stage with a reason that says how to fix it', () => {
    const { decoded, sdk } = roundTrip({ 'service.name': 'mes-gateway' }, [
      { name: 'no flow', attributes: { 'syncline.stage': 'device' } },
      { name: 'neither' },
      { name: 'fine', attributes: { 'syncline.flow': 'scrap_report', 'syncline.stage': 'device' } },
    ]);
    const { hops, rejected } = spansToHops(decoded);
    expect(hops.map((h) => h.hop_id)).toEqual([sdk[2].spanContext().spanId]);
    const id0 = sdk[0].spanContext().spanId;
    const id1 = sdk[1].spanContext().spanId;
    expect(rejected).toEqual([
      {
        spanId: id0,
        reason: `span ${id0}: attribute syncline.flow is required (set it on the span or as a resource attribute, e.g. OTEL_RESOURCE_ATTRIBUTES=syncline.flow=goods_receipt)`,
      },
      {
        spanId: id1,
        reason: `span ${id1}: attributes syncline.flow and syncline.stage are required (set it on the span or as a resource attribute, e.g. OTEL_RESOURCE_ATTRIBUTES=syncline.flow=goods_receipt,syncline.stage=middleware)`,
      },
    ]);
  });

  const base: OtlpSpan = {
    traceId: '5b8efff798038103d269b633813fc60c',
    spanId: 'eee19b7ec3c1b174',
    parentSpanId: '',
    name: '',
    kind: 0,
    startTimeUnixNano: '1544712660000000000',
    endTimeUnixNano: '0',
    statusCode: 0,
    statusMessage: '',
    attributes: { 'syncline.flow': 'f', 'syncline.stage': 'device' },
  };

  it('handles unset end time, name, kind and numeric strings; rejects non-numeric numbers and missing ids/times', () => {
    const { hops, rejected } = spansToHops([
      { ...base, attributes: { ...base.attributes, 'syncline.attempt': '3', 'mfg.line': 4 } },
      { ...base, spanId: 'a1', attributes: { ...base.attributes, 'mfg.quantity': 'lots' } },
      { ...base, spanId: 'a2', attributes: { ...base.attributes, 'syncline.attempt': true } },
      { ...base, spanId: 'a3', startTimeUnixNano: '0' },
      { ...base, spanId: '' },
      { ...base, spanId: 'a4', traceId: '' },
    ]);
    expect(hops).toHaveLength(1);
    expect(hops[0]).toMatchObject({ end_time: null, attempt: 3, line: '4', attributes: {} });
    expect(rejected.map((r) => r.reason)).toEqual([
      'span a1: attribute mfg.quantity must be a number, got "lots"',
      'span a2: attribute syncline.attempt must be a number, got true',
      'span a3: start_time_unix_nano is not set',
      'span without a span id (trace 5b8efff798038103d269b633813fc60c): span_id is required',
      'span a4: has no trace id; set trace_id or the attribute correlation.id',
    ]);
  });

  it('cuts error messages to the validator limit', () => {
    const [hop] = spansToHops([{ ...base, statusCode: 2, statusMessage: 'x'.repeat(ERROR_MESSAGE_MAX + 10) }]).hops;
    expect(hop.status).toBe('error');
    expect(hop.error_message).toHaveLength(ERROR_MESSAGE_MAX);
  });
});
