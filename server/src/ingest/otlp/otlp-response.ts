import { ExportTraceServiceResponse, RpcStatus } from './otlp-proto';

/**
 * OTLP/HTTP response bodies (https://opentelemetry.io/docs/specs/otlp/#otlphttp-response), in the
 * request's encoding (Content-Type application/x-protobuf or application/json).
 *
 * Success (200): ExportTraceServiceResponse. Empty when every span was accepted; otherwise
 * partial_success { rejected_spans, error_message }. Per the spec, partial_success is also sent
 * with rejected_spans = 0 when there is a warning to convey (errorMessage non-empty).
 * In JSON, int64 rejectedSpans is written as a number (the OTLP/JSON mapping lets receivers accept
 * both; the OpenTelemetry SDKs read it as a number).
 *
 * Failure (4xx/5xx): google.rpc.Status { code, message } (details are never sent).
 */

export type OtlpFormat = 'protobuf' | 'json';

export interface OtlpJsonResponse {
  partialSuccess?: { rejectedSpans: number; errorMessage: string };
}

export interface OtlpJsonStatus {
  code: number;
  message: string;
}

function toBuffer(bytes: Uint8Array): Buffer {
  return Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

export function encodeOtlpResponse(format: 'protobuf', rejectedSpans: number, errorMessage: string): Buffer;
export function encodeOtlpResponse(format: 'json', rejectedSpans: number, errorMessage: string): OtlpJsonResponse;
export function encodeOtlpResponse(format: OtlpFormat, rejectedSpans: number, errorMessage: string): Buffer | OtlpJsonResponse;
export function encodeOtlpResponse(format: OtlpFormat, rejectedSpans: number, errorMessage: string): Buffer | OtlpJsonResponse {
  const body: OtlpJsonResponse =
    rejectedSpans === 0 && errorMessage === '' ? {} : { partialSuccess: { rejectedSpans, errorMessage } };
  if (format === 'json') return body;
  return toBuffer(ExportTraceServiceResponse.encode(body).finish());
}

export function encodeOtlpStatus(format: 'protobuf', code: number, message: string): Buffer;
export function encodeOtlpStatus(format: 'json', code: number, message: string): OtlpJsonStatus;
export function encodeOtlpStatus(format: OtlpFormat, code: number, message: string): Buffer | OtlpJsonStatus;
export function encodeOtlpStatus(format: OtlpFormat, code: number, message: string): Buffer | OtlpJsonStatus {
  const body: OtlpJsonStatus = { code, message };
  if (format === 'json') return body;
  return toBuffer(RpcStatus.encode(body).finish());
}
