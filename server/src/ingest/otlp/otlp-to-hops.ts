import type { OtlpAttributeValue, OtlpSpan } from './otlp-decode';

/**
 * OTLP span -> Syncline hop. One span is one hop; the span's attributes are the span's own merged
 * over its resource's (so anything below can be set once per process with
 * OTEL_RESOURCE_ATTRIBUTES and overridden per span).
 *
 * | hop field       | taken from                                                                         |
 * |-----------------|------------------------------------------------------------------------------------|
 * | hop_id          | span id (hex)                                                                      |
 * | correlation_id  | attribute `correlation.id`, else the trace id (hex)                                |
 * | parent_hop_id   | parent span id (hex), null for a root span                                         |
 * | flow            | attribute `syncline.flow` (required)                                               |
 * | stage           | attribute `syncline.stage` (required)                                              |
 * | system          | attribute `syncline.system`, else `service.name`                                   |
 * | plant           | attribute `mfg.plant`                                                              |
 * | line            | attribute `mfg.line`                                                               |
 * | asset           | attribute `mfg.asset`                                                              |
 * | order_id        | attribute `erp.order`                                                              |
 * | material        | attribute `erp.material`                                                           |
 * | batch           | attribute `erp.batch`                                                              |
 * | event_type      | attribute `syncline.event_type`                                                    |
 * | quantity        | attribute `mfg.quantity` (a number, or a string holding one)                       |
 * | unit            | attribute `mfg.unit`                                                               |
 * | business_key    | attribute `syncline.business_key`                                                  |
 * | attempt         | attribute `syncline.attempt` (an integer, or a string holding one)                 |
 * | payload         | attribute `syncline.payload` (stored as the string it is)                          |
 * | start_time      | start_time_unix_nano (19-digit epoch ns; a span without one is rejected)           |
 * | end_time        | end_time_unix_nano (null when 0, i.e. the hop ends when it starts)                 |
 * | status          | attribute `syncline.status` (ok, error, retry or dropped) if set, else `error`     |
 * |                 | when the span status code is ERROR (2), else `ok`                                  |
 * | error_code      | attribute `syncline.error_code`, else `error.type`, else the `exception.type` of   |
 * |                 | the span's first `exception` event (Span.recordException)                          |
 * | error_message   | span status message, else attribute `exception.message`, else the first          |
 * |                 | `exception` event's `exception.message`; cut to 8192 characters                    |
 * | attributes      | every other attribute (string, number or boolean; arrays and maps as JSON text),   |
 * |                 | plus `otel.span_name` (the span name), `otel.span_kind` (internal, server, client, |
 * |                 | producer or consumer; absent when unspecified) and `otel.trace_id` (only when      |
 * |                 | `correlation.id` replaced the trace id as correlation_id)                          |
 *
 * An attribute that fills a hop field is removed from `attributes`; a fallback (`service.name`,
 * `error.type`, `exception.message`) is removed only when it was used. Non-string values of
 * string fields are converted with String(). Values are otherwise passed through unchanged, so a
 * bad `syncline.status`, an unknown stage or an over-long field is rejected by the hop validator
 * like any other record.
 *
 * A span is rejected here (and counted in the response's partialSuccess.rejectedSpans) when it has
 * no span id, neither a trace id nor `correlation.id`, no `syncline.flow` or `syncline.stage`, no
 * start time, or a non-numeric
 * `mfg.quantity` / `syncline.attempt`.
 */

import type { HopInput } from '../records/hop.record';

export type HopLike = HopInput;

export interface RejectedSpan {
  spanId: string;
  reason: string;
}

export const ERROR_MESSAGE_MAX = 8192;

const SPAN_KIND_NAMES = ['', 'internal', 'server', 'client', 'producer', 'consumer'];

function str(v: OtlpAttributeValue | undefined): string | null {
  return v === undefined ? null : typeof v === 'string' ? v : String(v);
}

/** number | undefined, or a reason string when the value is not numeric. */
function num(v: OtlpAttributeValue | undefined, key: string): number | null | string {
  if (v === undefined) return null;
  if (typeof v === 'number') return v;
  if (typeof v === 'string' && v.trim() !== '') {
    const n = Number(v);
    if (Number.isFinite(n)) return n;
  }
  return `attribute ${key} must be a number, got ${JSON.stringify(v)}`;
}

function required(spanId: string, missing: string[]): string {
  const which = missing.length === 1 ? `attribute ${missing[0]} is` : `attributes ${missing.join(' and ')} are`;
  const example = missing.map((k) => `${k}=${k === 'syncline.flow' ? 'goods_receipt' : 'middleware'}`).join(',');
  return `span ${spanId}: ${which} required (set it on the span or as a resource attribute, e.g. OTEL_RESOURCE_ATTRIBUTES=${example})`;
}

export function spansToHops(spans: readonly OtlpSpan[]): { hops: HopLike[]; rejected: RejectedSpan[] } {
  const hops: HopLike[] = [];
  const rejected: RejectedSpan[] = [];
  for (const span of spans) {
    const spanId = span.spanId;
    if (spanId === '') {
      rejected.push({ spanId, reason: `span without a span id (trace ${span.traceId || 'without an id'}): span_id is required` });
      continue;
    }
    let flow: OtlpAttributeValue | undefined;
    let stage: OtlpAttributeValue | undefined;
    let system: OtlpAttributeValue | undefined;
    let serviceName: OtlpAttributeValue | undefined;
    let plant: OtlpAttributeValue | undefined;
    let line: OtlpAttributeValue | undefined;
    let asset: OtlpAttributeValue | undefined;
    let orderId: OtlpAttributeValue | undefined;
    let material: OtlpAttributeValue | undefined;
    let batch: OtlpAttributeValue | undefined;
    let eventType: OtlpAttributeValue | undefined;
    let quantity: OtlpAttributeValue | undefined;
    let unit: OtlpAttributeValue | undefined;
    let businessKey: OtlpAttributeValue | undefined;
    let attempt: OtlpAttributeValue | undefined;
    let payload: OtlpAttributeValue | undefined;
    let status: OtlpAttributeValue | undefined;
    let errorCode: OtlpAttributeValue | undefined;
    let errorType: OtlpAttributeValue | undefined;
    let exceptionMessage: OtlpAttributeValue | undefined;
    let correlation: OtlpAttributeValue | undefined;
    const rest: Record<string, OtlpAttributeValue> = {};
    const a = span.attributes;
    for (const key in a) {
      const v = a[key];
      switch (key) {
        case 'syncline.flow':
          flow = v;
          break;
        case 'syncline.stage':
          stage = v;
          break;
        case 'syncline.system':
          system = v;
          break;
        case 'service.name':
          serviceName = v;
          break;
        case 'mfg.plant':
          plant = v;
          break;
        case 'mfg.line':
          line = v;
          break;
        case 'mfg.asset':
          asset = v;
          break;
        case 'erp.order':
          orderId = v;
          break;
        case 'erp.material':
          material = v;
          break;
        case 'erp.batch':
          batch = v;
          break;
        case 'syncline.event_type':
          eventType = v;
          break;
        case 'mfg.quantity':
          quantity = v;
          break;
        case 'mfg.unit':
          unit = v;
          break;
        case 'syncline.business_key':
          businessKey = v;
          break;
        case 'syncline.attempt':
          attempt = v;
          break;
        case 'syncline.payload':
          payload = v;
          break;
        case 'syncline.status':
          status = v;
          break;
        case 'syncline.error_code':
          errorCode = v;
          break;
        case 'error.type':
          errorType = v;
          break;
        case 'exception.message':
          exceptionMessage = v;
          break;
        case 'correlation.id':
          correlation = v;
          break;
        default:
          rest[key] = v;
      }
    }

    const missing: string[] = [];
    if (flow === undefined || flow === '') missing.push('syncline.flow');
    if (stage === undefined || stage === '') missing.push('syncline.stage');
    if (missing.length > 0) {
      rejected.push({ spanId, reason: required(spanId, missing) });
      continue;
    }
    const start = span.startTimeUnixNano;
    if (start === '' || start === '0') {
      rejected.push({ spanId, reason: `span ${spanId}: start_time_unix_nano is not set` });
      continue;
    }
    const q = num(quantity, 'mfg.quantity');
    if (typeof q === 'string') {
      rejected.push({ spanId, reason: `span ${spanId}: ${q}` });
      continue;
    }
    const att = num(attempt, 'syncline.attempt');
    if (typeof att === 'string') {
      rejected.push({ spanId, reason: `span ${spanId}: ${att}` });
      continue;
    }

    // Fallbacks: kept in attributes unless used.
    if (system === undefined) system = serviceName;
    else if (serviceName !== undefined) rest['service.name'] = serviceName;
    if (errorCode === undefined) errorCode = errorType;
    else if (errorType !== undefined) rest['error.type'] = errorType;
    let errorMessage: string | null;
    if (span.statusMessage !== '') {
      errorMessage = span.statusMessage;
      if (exceptionMessage !== undefined) rest['exception.message'] = exceptionMessage;
    } else if (exceptionMessage !== undefined) errorMessage = str(exceptionMessage);
    else errorMessage = span.exceptionMessage || null;
    if (errorMessage !== null && errorMessage.length > ERROR_MESSAGE_MAX) errorMessage = errorMessage.slice(0, ERROR_MESSAGE_MAX);
    if (errorCode === undefined && span.exceptionType) errorCode = span.exceptionType;

    let correlationId: string;
    if (correlation !== undefined && correlation !== '') {
      correlationId = str(correlation)!;
      if (span.traceId !== '' && correlationId !== span.traceId) rest['otel.trace_id'] = span.traceId;
    } else if (span.traceId !== '') correlationId = span.traceId;
    else {
      rejected.push({ spanId, reason: `span ${spanId}: has no trace id; set trace_id or the attribute correlation.id` });
      continue;
    }

    if (span.name !== '') rest['otel.span_name'] = span.name;
    if (span.kind !== 0) rest['otel.span_kind'] = SPAN_KIND_NAMES[span.kind] ?? String(span.kind);

    const end = span.endTimeUnixNano;
    hops.push({
      hop_id: spanId,
      correlation_id: correlationId,
      parent_hop_id: span.parentSpanId === '' ? null : span.parentSpanId,
      flow: str(flow)!,
      stage: str(stage)!,
      system: str(system),
      plant: str(plant),
      line: str(line),
      asset: str(asset),
      order_id: str(orderId),
      material: str(material),
      batch: str(batch),
      event_type: str(eventType),
      quantity: q,
      unit: str(unit),
      start_time: start,
      end_time: end === '' || end === '0' ? null : end,
      status: status !== undefined ? str(status)! : span.statusCode === 2 ? 'error' : 'ok',
      error_code: str(errorCode),
      error_message: errorMessage,
      attempt: att,
      business_key: str(businessKey),
      payload: payload === undefined ? null : str(payload),
      attributes: rest,
    });
  }
  return { hops, rejected };
}
