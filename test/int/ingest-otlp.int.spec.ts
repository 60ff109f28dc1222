import { trace } from '@opentelemetry/api';
import { OTLPTraceExporter as OtlpHttpJsonExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { OTLPTraceExporter as OtlpProtoExporter } from '@opentelemetry/exporter-trace-otlp-proto';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BasicTracerProvider, SimpleSpanProcessor, type SpanExporter } from '@opentelemetry/sdk-trace-base';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app';
import { queryRows } from '../support/clickhouse';
import { createApiKey } from '../support/ingest';

describe('OTLP/HTTP traces from the official OpenTelemetry SDK', () => {
  let app: TestApp;
  let key: string;

  beforeAll(async () => {
    app = await startTestApp();
    key = (await createApiKey(app.url, { plants: ['P1'], kinds: ['hops'] })).token;
  });
  afterAll(async () => {
    await app?.close();
  });

  async function sendWith(exporter: SpanExporter, flow: string) {
    const provider = new BasicTracerProvider({
      resource: resourceFromAttributes({
        'service.name': 'boomi-atom',
        'syncline.flow': flow,
        'syncline.stage': 'middleware',
        'mfg.plant': 'P1',
      }),
      spanProcessors: [new SimpleSpanProcessor(exporter)],
    });
    const tracer = provider.getTracer('syncline-test');
    const parent = tracer.startSpan('receive order');
    parent.setAttributes({
      'erp.order': 'ORD-9',
      'mfg.quantity': 12,
      'mfg.unit': 'pcs',
      'syncline.business_key': 'evt-9',
      tenant: 'acme',
    });
    const ctx = trace.setSpan((await import('@opentelemetry/api')).context.active(), parent);
    const child = tracer.startSpan('post to ERP', { attributes: { 'syncline.stage': 'erp_api' } }, ctx);
    child.setStatus({ code: 2, message: 'HTTP 503 from ERP' });
    child.end();
    parent.end();
    await provider.forceFlush();
    await provider.shutdown();
    return { traceId: parent.spanContext().traceId, parentId: parent.spanContext().spanId, childId: child.spanContext().spanId };
  }

  for (const [name, make] of [
    [
      'HTTP/JSON',
      (url: string, token: string) => new OtlpHttpJsonExporter({ url, headers: { Authorization: `Bearer ${token}` } }),
    ],
    [
      'HTTP/protobuf',
      (url: string, token: string) => new OtlpProtoExporter({ url, headers: { Authorization: `Bearer ${token}` } }),
    ],
  ] as const) {
    it(`stores spans exported as ${name} as hops with the documented mapping`, async () => {
      const flow = name === 'HTTP/JSON' ? 'otlp_json_flow' : 'otlp_proto_flow';
      const ids = await sendWith(make(`${app.url}/v1/traces`, key), flow);
      const rows = await queryRows<Record<string, unknown>>(
        app.db.client,
        `SELECT hop_id, correlation_id, parent_hop_id, stage, system, plant, order_id, quantity, unit, business_key, status, error_message, attributes
         FROM hops FINAL WHERE flow = {flow:String} ORDER BY stage DESC`,
        { flow },
      );
      expect(rows).toHaveLength(2);
      expect(rows[0]).toMatchObject({
        hop_id: ids.parentId,
        correlation_id: ids.traceId,
        parent_hop_id: '',
        stage: 'middleware',
        system: 'boomi-atom',
        plant: 'P1',
        order_id: 'ORD-9',
        quantity: 12,
        unit: 'EA',
        business_key: 'evt-9',
        status: 'ok',
      });
      expect(rows[0].attributes).toMatchObject({ tenant: 'acme', 'otel.span_name': 'receive order' });
      expect(rows[1]).toMatchObject({
        hop_id: ids.childId,
        correlation_id: ids.traceId,
        parent_hop_id: ids.parentId,
        stage: 'erp_api',
        status: 'error',
        error_message: 'HTTP 503 from ERP',
      });
    });
  }

  it('answers partial success for spans it cannot map, storing the rest', async () => {
    const span = (id: string, attrs: { key: string; value: { stringValue: string } }[]) => ({
      traceId: '5b8efff798038103d269b633813fc60c',
      spanId: id,
      name: 'x',
      startTimeUnixNano: `${Date.now() - 60_000}000000`,
      endTimeUnixNano: `${Date.now() - 59_000}000000`,
      attributes: attrs,
    });
    const flow = { key: 'syncline.flow', value: { stringValue: 'otlp_partial' } };
    const body = {
      resourceSpans: [
        {
          resource: { attributes: [{ key: 'mfg.plant', value: { stringValue: 'P1' } }] },
          scopeSpans: [
            {
              spans: [
                span('eee19b7ec3c1b174', [flow, { key: 'syncline.stage', value: { stringValue: 'broker' } }]),
                span('eee19b7ec3c1b175', [flow]),
                span('eee19b7ec3c1b176', [flow, { key: 'syncline.stage', value: { stringValue: 'teleport' } }]),
              ],
            },
          ],
        },
      ],
    };
    const res = await fetch(`${app.url}/v1/traces`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
      body: JSON.stringify(body),
    });
    expect(res.status).toBe(200);
    const json = (await res.json()) as { partialSuccess: { rejectedSpans: number; errorMessage: string } };
    expect(json.partialSuccess.rejectedSpans).toBe(2);
    expect(json.partialSuccess.errorMessage).toMatch(/syncline.stage is required/);
    expect(json.partialSuccess.errorMessage).toMatch(/stage must be one of device/);
    const [c] = await queryRows<{ c: string }>(app.db.client, "SELECT count() AS c FROM hops WHERE flow = 'otlp_partial'");
    expect(Number(c.c)).toBe(1);
  });

  it('answers 400 for a body that is not OTLP, and 401 without a key', async () => {
    const garbage = await fetch(`${app.url}/v1/traces`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-protobuf', authorization: `Bearer ${key}` },
      body: Buffer.from([0xff, 0xff, 0xff, 0x01, 0x02]),
    });
    expect(garbage.status).toBe(400);
    const anonymous = await fetch(`${app.url}/v1/traces`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    expect(anonymous.status).toBe(401);
  });
});
