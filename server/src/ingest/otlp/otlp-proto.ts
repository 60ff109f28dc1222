import * as protobuf from 'protobufjs';

/**
 * The subset of opentelemetry-proto v1 that OTLP/HTTP trace ingest needs, embedded as text
 * because tsc does not copy .proto files into dist. Field numbers and types are those of
 * https://github.com/open-telemetry/opentelemetry-proto (opentelemetry/proto/{common,resource,trace,
 * collector/trace}/v1/*.proto) and were cross-checked against the hand-written serializer in
 * @opentelemetry/otlp-transformer (trace-serializer.js, common-serializer.js).
 *
 * Omitted on purpose (their bytes are skipped as unknown fields, numbering is unaffected):
 *  - Span.links (13) and the Span.Link message: Syncline does not use links.
 *  - InstrumentationScope.attributes / dropped_attributes_count: the scope is ignored.
 *  - google.rpc.Status.details (3, repeated google.protobuf.Any): never sent.
 * Field names are converted to lowerCamelCase by protobufjs (trace_id -> traceId).
 */
export const OTLP_TRACE_PROTO_SOURCES: readonly string[] = [
  `syntax = "proto3";
package opentelemetry.proto.common.v1;

message AnyValue {
  oneof value {
    string string_value = 1;
    bool bool_value = 2;
    int64 int_value = 3;
    double double_value = 4;
    ArrayValue array_value = 5;
    KeyValueList kvlist_value = 6;
    bytes bytes_value = 7;
  }
}

message ArrayValue {
  repeated AnyValue values = 1;
}

message KeyValueList {
  repeated KeyValue values = 1;
}

message KeyValue {
  string key = 1;
  AnyValue value = 2;
}

message InstrumentationScope {
  string name = 1;
  string version = 2;
  // 3 attributes (repeated KeyValue), 4 dropped_attributes_count (uint32): not declared, skipped
}
`,
  `syntax = "proto3";
package opentelemetry.proto.resource.v1;

message Resource {
  repeated opentelemetry.proto.common.v1.KeyValue attributes = 1;
  uint32 dropped_attributes_count = 2;
}
`,
  `syntax = "proto3";
package opentelemetry.proto.trace.v1;

message TracesData {
  repeated ResourceSpans resource_spans = 1;
}

message ResourceSpans {
  opentelemetry.proto.resource.v1.Resource resource = 1;
  repeated ScopeSpans scope_spans = 2;
  string schema_url = 3;
}

message ScopeSpans {
  opentelemetry.proto.common.v1.InstrumentationScope scope = 1;
  repeated Span spans = 2;
  string schema_url = 3;
}

message Span {
  bytes trace_id = 1;
  bytes span_id = 2;
  string trace_state = 3;
  bytes parent_span_id = 4;
  string name = 5;

  enum SpanKind {
    SPAN_KIND_UNSPECIFIED = 0;
    SPAN_KIND_INTERNAL = 1;
    SPAN_KIND_SERVER = 2;
    SPAN_KIND_CLIENT = 3;
    SPAN_KIND_PRODUCER = 4;
    SPAN_KIND_CONSUMER = 5;
  }
  SpanKind kind = 6;

  fixed64 start_time_unix_nano = 7;
  fixed64 end_time_unix_nano = 8;
  repeated opentelemetry.proto.common.v1.KeyValue attributes = 9;
  uint32 dropped_attributes_count = 10;

  message Event {
    fixed64 time_unix_nano = 1;
    string name = 2;
    repeated opentelemetry.proto.common.v1.KeyValue attributes = 3;
    uint32 dropped_attributes_count = 4;
  }
  repeated Event events = 11;
  uint32 dropped_events_count = 12;

  // 13 links (repeated Span.Link): not declared, skipped
  uint32 dropped_links_count = 14;
  Status status = 15;
  fixed32 flags = 16;
}

message Status {
  reserved 1;
  string message = 2;

  enum StatusCode {
    STATUS_CODE_UNSET = 0;
    STATUS_CODE_OK = 1;
    STATUS_CODE_ERROR = 2;
  }
  StatusCode code = 3;
}
`,
  `syntax = "proto3";
package opentelemetry.proto.collector.trace.v1;

message ExportTraceServiceRequest {
  repeated opentelemetry.proto.trace.v1.ResourceSpans resource_spans = 1;
}

message ExportTraceServiceResponse {
  ExportTracePartialSuccess partial_success = 1;
}

message ExportTracePartialSuccess {
  int64 rejected_spans = 1;
  string error_message = 2;
}
`,
  `syntax = "proto3";
package google.rpc;

message Status {
  int32 code = 1;
  string message = 2;
  // 3 details (repeated google.protobuf.Any): not declared, never sent
}
`,
];

function buildRoot(): protobuf.Root {
  const root = new protobuf.Root();
  for (const source of OTLP_TRACE_PROTO_SOURCES) protobuf.parse(source, root, { keepCase: false });
  root.resolveAll();
  return root;
}

/** One shared root; protobufjs generates each type's decoder on first use. */
export const otlpRoot: protobuf.Root = buildRoot();

export const ExportTraceServiceRequest: protobuf.Type = otlpRoot.lookupType(
  'opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest',
);
export const ExportTraceServiceResponse: protobuf.Type = otlpRoot.lookupType(
  'opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse',
);
export const RpcStatus: protobuf.Type = otlpRoot.lookupType('google.rpc.Status');

// ---- Shapes of the decoded message objects (what Type.decode returns, fields in lowerCamelCase). ----
// Absent scalar fields read as the proto3 default from the prototype; absent message fields and
// unset oneof members read as null/undefined. 64-bit fields are Long instances when the `long`
// package is available to protobufjs (it is a dependency of protobufjs 8), a {low, high} object
// or a plain number otherwise.

export interface LongLike {
  low: number;
  high: number;
  unsigned?: boolean;
}
export type Int64Value = LongLike | number;

export interface PbAnyValue {
  stringValue?: string | null;
  boolValue?: boolean | null;
  intValue?: Int64Value | null;
  doubleValue?: number | null;
  arrayValue?: PbArrayValue | null;
  kvlistValue?: PbKeyValueList | null;
  bytesValue?: Uint8Array | null;
  /** Virtual oneof getter: the name of the member that is set. */
  value?: string;
}
export interface PbArrayValue {
  values: PbAnyValue[];
}
export interface PbKeyValueList {
  values: PbKeyValue[];
}
export interface PbKeyValue {
  key: string;
  value?: PbAnyValue | null;
}
export interface PbStatus {
  message: string;
  code: number;
}
export interface PbEvent {
  name: string;
  attributes: PbKeyValue[];
}
export interface PbSpan {
  traceId: Uint8Array;
  spanId: Uint8Array;
  parentSpanId: Uint8Array;
  name: string;
  kind: number;
  startTimeUnixNano: Int64Value;
  endTimeUnixNano: Int64Value;
  attributes: PbKeyValue[];
  events: PbEvent[];
  status?: PbStatus | null;
}
export interface PbScopeSpans {
  spans: PbSpan[];
}
export interface PbResource {
  attributes: PbKeyValue[];
}
export interface PbResourceSpans {
  resource?: PbResource | null;
  scopeSpans: PbScopeSpans[];
}
export interface PbExportTraceServiceRequest {
  resourceSpans: PbResourceSpans[];
}
