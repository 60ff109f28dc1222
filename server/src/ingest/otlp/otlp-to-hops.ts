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

export const SPAN_KIND_NAMES = ['', 'internal', 'server', 'client', 'producer', 'consumer'];

/** Slots of the attributes that fill hop fields (or stand in for them), in the order of the table above. */
export const A = {
  flow: 0,
  stage: 1,
  system: 2,
  serviceName: 3,
  plant: 4,
  line: 5,
  asset: 6,
  orderId: 7,
  material: 8,
  batch: 9,
  eventType: 10,
  quantity: 11,
  unit: 12,
  businessKey: 13,
  attempt: 14,
  payload: 15,
  status: 16,
  errorCode: 17,
  errorType: 18,
  exceptionMessage: 19,
  correlation: 20,
} as const;
export const ATTRIBUTE_SLOTS = 21;

/** Attribute key -> its slot in A; every other attribute is kept in the hop's `attributes`. */
export const MAPPED_ATTRIBUTES: ReadonlyMap<string, number> = new Map([
  ['syncline.flow', A.flow],
  ['syncline.stage', A.stage],
  ['syncline.system', A.system],
  ['service.name', A.serviceName],
  ['mfg.plant', A.plant],
  ['mfg.line', A.line],
  ['mfg.asset', A.asset],
  ['erp.order', A.orderId],
  ['erp.material', A.material],
  ['erp.batch', A.batch],
  ['syncline.event_type', A.eventType],
  ['mfg.quantity', A.quantity],
  ['mfg.unit', A.unit],
  ['syncline.business_key', A.businessKey],
  ['syncline.attempt', A.attempt],
  ['syncline.payload', A.payload],
  ['syncline.status', A.status],
  ['syncline.error_code', A.errorCode],
  ['error.type', A.errorType],
  ['exception.message', A.exceptionMessage],
  ['correlation.id', A.correlation],
]);

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
    const got = new Array<OtlpAttributeValue | undefined>(ATTRIBUTE_SLOTS);
    const rest: Record<string, OtlpAttributeValue> = {};
    const a = span.attributes;
    for (const key in a) {
      const slot = MAPPED_ATTRIBUTES.get(key);
      if (slot === undefined) rest[key] = a[key];
      else got[slot] = a[key];
    }
    const flow = got[A.flow];
    const stage = got[A.stage];
    let system = got[A.system];
    const serviceName = got[A.serviceName];
    const quantity = got[A.quantity];
    const attempt = got[A.attempt];
    const payload = got[A.payload];
    const status = got[A.status];
    let errorCode = got[A.errorCode];
    const errorType = got[A.errorType];
    const exceptionMessage = got[A.exceptionMessage];
    const correlation = got[A.correlation];

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
      plant: str(got[A.plant]),
      line: str(got[A.line]),
      asset: str(got[A.asset]),
      order_id: str(got[A.orderId]),
      material: str(got[A.material]),
      batch: str(got[A.batch]),
      event_type: str(got[A.eventType]),
      quantity: q,
      unit: str(got[A.unit]),
      start_time: start,
      end_time: end === '' || end === '0' ? null : end,
      status: status !== undefined ? str(status)! : span.statusCode === 2 ? 'error' : 'ok',
      error_code: str(errorCode),
      error_message: errorMessage,
      attempt: att,
      business_key: str(got[A.businessKey]),
      payload: payload === undefined ? null : str(payload),
      attributes: rest,
    });
  }
  return { hops, rejected };
}
