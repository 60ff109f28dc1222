import { describe, expect, it } from 'vitest';
import { JsonTraceSerializer, ProtobufTraceSerializer } from '@opentelemetry/otlp-transformer';
import { encodeOtlpResponse, encodeOtlpStatus } from './otlp-response';
import { ExportTraceServiceResponse, RpcStatus } from './otlp-proto';

describe('encodeOtlpResponse', () => {
  it('is an empty message when every span was accepted', () => {
    expect(encodeOtlpResponse('protobuf', 0, '')).toHaveLength(0);
    expect(encodeOtlpResponse('json', 0, '')).toEqual({});
  });

  it('encodes partial success so that the official SDK reads it back (protobuf)', () => {
    const body = encodeOtlpResponse('protobuf', 3, 'span ab: attribute syncline.flow is required');
    expect(Buffer.isBuffer(body)).toBe(true);
    expect(ProtobufTraceSerializer.deserializeResponse(body)).toEqual({
      partialSuccess: { rejectedSpans: 3, errorMessage: 'span ab: attribute syncline.flow is required' },
    });
    const decoded = ExportTraceServiceResponse.toObject(ExportTraceServiceResponse.decode(body), { longs: Number });
    expect(decoded).toEqual({
      partialSuccess: { rejectedSpans: 3, errorMessage: 'span ab: attribute syncline.flow is required' },
    });
    // wire bytes: field 1 (partial_success, LEN) { field 1 varint 3, field 2 LEN "..." }
    expect([...body.subarray(0, 4)]).toEqual([0x0a, body.length - 2, 0x08, 0x03]);
  });

  it('encodes partial success so that the official SDK reads it back (JSON), rejectedSpans as a number', () => {
    const body = encodeOtlpResponse('json', 2, 'two spans rejected');
    expect(body).toEqual({ partialSuccess: { rejectedSpans: 2, errorMessage: 'two spans rejected' } });
    expect(JsonTraceSerializer.deserializeResponse(Buffer.from(JSON.stringify(body)))).toEqual(body);
  });

  it('sends partial success with 0 rejected when there is only a warning', () => {
    expect(encodeOtlpResponse('json', 0, 'attribute x was truncated')).toEqual({
      partialSuccess: { rejectedSpans: 0, errorMessage: 'attribute x was truncated' },
    });
    expect(ProtobufTraceSerializer.deserializeResponse(encodeOtlpResponse('protobuf', 0, 'warn'))).toEqual({
      partialSuccess: { errorMessage: 'warn' }, // proto3 does not write the 0
    });
  });
});

describe('encodeOtlpStatus', () => {
  it('encodes google.rpc.Status', () => {
    const body = encodeOtlpStatus('protobuf', 3, 'bad body');
    expect([...body]).toEqual([0x08, 0x03, 0x12, 0x08, ...Buffer.from('bad body')]);
    expect(RpcStatus.toObject(RpcStatus.decode(body))).toEqual({ code: 3, message: 'bad body' });
    expect(encodeOtlpStatus('json', 3, 'bad body')).toEqual({ code: 3, message: 'bad body' });
  });
});
