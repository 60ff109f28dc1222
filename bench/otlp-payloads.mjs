// OTLP/HTTP protobuf request bodies made by the official OpenTelemetry JS SDK and its serializer,
// i.e. byte for byte what an instrumented middleware sends.
import { ProtobufTraceSerializer } from '@opentelemetry/otlp-transformer';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';

const STAGES = ['gateway', 'broker', 'middleware', 'erp_api', 'erp_posting'];

export async function buildOtlpPayloads(totalSpans, spansPerRequest) {
  const exporter = new InMemorySpanExporter();
  const provider = new BasicTracerProvider({
    resource: resourceFromAttributes({
      'service.name': 'boomi-atom',
      'syncline.flow': 'production_confirmation',
      'mfg.plant': 'P1',
    }),
    spanProcessors: [new SimpleSpanProcessor(exporter)],
  });
  const tracer = provider.getTracer('syncline-bench');
  const template = [];
  for (let i = 0; i < spansPerRequest; i++) {
    const span = tracer.startSpan('hop', {
      attributes: {
        'syncline.stage': STAGES[i % STAGES.length],
        'mfg.line': `P1-L${1 + (i % 4)}`,
        'mfg.asset': `P1-L${1 + (i % 4)}-A${1 + (i % 5)}`,
        'erp.order': `ORD-${100000 + (i % 5000)}`,
        'erp.material': `MAT-${1000 + (i % 200)}`,
        'syncline.event_type': 'cycle_complete',
        'mfg.quantity': 1 + (i % 24),
        'mfg.unit': 'EA',
        'syncline.business_key': `evt-${i}`,
        'http.response.status_code': 200,
      },
    });
    span.end();
  }
  template.push(...exporter.getFinishedSpans());
  await provider.shutdown();
  // Spans unique by id per request; the ids repeat across requests, so re-stamp them per copy.
  const payloads = [];
  const requests = Math.ceil(totalSpans / spansPerRequest);
  for (let r = 0; r < requests; r++) {
    const spans = template.map((s, i) => {
      const spanId = (r * spansPerRequest + i).toString(16).padStart(16, '0');
      const ctx = { ...s.spanContext(), spanId };
      return Object.assign(Object.create(Object.getPrototypeOf(s)), s, { spanContext: () => ctx, _spanContext: ctx });
    });
    payloads.push(Buffer.from(ProtobufTraceSerializer.serializeRequest(spans)));
  }
  return { payloads, perRequest: spansPerRequest };
}
