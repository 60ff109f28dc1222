import type { ColumnDecl } from '../../clickhouse/native-block';
import { hopDirectEncoder } from './hop.direct';
import {
  attributes,
  attributesToMap,
  checkPlantTimeUnit,
  compile,
  defineRecordSpec,
  optionalTimestamp,
  requiredStr,
  str,
  timestamp,
  type RecordSpec,
} from './record-spec';
import { parseTimestamp } from './timestamps';
import { EVENT_TYPES, HOP_STATUSES, NAME_PATTERN } from '../../domain/vocabulary';

export interface HopInput {
  hop_id: string;
  correlation_id: string;
  parent_hop_id?: string | null;
  flow: string;
  stage: string;
  system?: string | null;
  plant?: string | null;
  line?: string | null;
  asset?: string | null;
  order_id?: string | null;
  material?: string | null;
  batch?: string | null;
  event_type?: string | null;
  quantity?: number | null;
  unit?: string | null;
  start_time: string | number;
  end_time?: string | number | null;
  status: string;
  error_code?: string | null;
  error_message?: string | null;
  attempt?: number | null;
  business_key?: string | null;
  payload?: unknown;
  attributes?: Record<string, string | number | boolean> | null;
}

export const HOP_STATUS_TYPE = "Enum8('ok' = 1, 'error' = 2, 'retry' = 3, 'dropped' = 4)";

/** The `hops` columns a hop fills, in row order (migration 20261121090000). */
export const HOP_COLUMNS: readonly ColumnDecl[] = [
  { name: 'hop_id', type: 'String' },
  { name: 'correlation_id', type: 'String' },
  { name: 'parent_hop_id', type: 'String' },
  { name: 'flow', type: 'LowCardinality(String)' },
  { name: 'stage', type: 'LowCardinality(String)' },
  { name: 'system', type: 'LowCardinality(String)' },
  { name: 'plant', type: 'LowCardinality(String)' },
  { name: 'line', type: 'LowCardinality(String)' },
  { name: 'asset', type: 'String' },
  { name: 'order_id', type: 'String' },
  { name: 'material', type: 'String' },
  { name: 'batch', type: 'String' },
  { name: 'event_type', type: 'LowCardinality(String)' },
  { name: 'quantity', type: 'Nullable(Float64)' },
  { name: 'unit', type: 'LowCardinality(String)' },
  { name: 'start_time', type: "DateTime64(6, 'UTC')" },
  { name: 'end_time', type: "DateTime64(6, 'UTC')" },
  { name: 'status', type: HOP_STATUS_TYPE },
  { name: 'error_code', type: 'LowCardinality(String)' },
  { name: 'error_message', type: 'String' },
  { name: 'attempt', type: 'UInt16' },
  { name: 'business_key', type: 'String' },
  { name: 'payload', type: 'String' },
  { name: 'attributes', type: 'Map(LowCardinality(String), String)' },
];

const FIELDS = HOP_COLUMNS.map((c) => c.name);

const check = compile(
  {
    type: 'object',
    required: ['hop_id', 'correlation_id', 'flow', 'stage', 'start_time', 'status'],
    additionalProperties: false,
    properties: {
      hop_id: requiredStr(128),
      correlation_id: requiredStr(128),
      parent_hop_id: str(128),
      flow: { type: 'string', pattern: NAME_PATTERN },
      stage: { type: 'string', pattern: NAME_PATTERN },
      system: str(128),
      plant: str(64),
      line: str(64),
      asset: str(128),
      order_id: str(128),
      material: str(128),
      batch: str(128),
      event_type: { enum: [...EVENT_TYPES, null] },
      quantity: { type: ['number', 'null'] },
      unit: str(32),
      start_time: timestamp,
      end_time: optionalTimestamp,
      status: { enum: [...HOP_STATUSES] },
      error_code: str(128),
      error_message: str(8192),
      attempt: { type: ['integer', 'null'], minimum: 1, maximum: 65535 },
      business_key: str(256),
      payload: { type: ['string', 'object', 'array', 'null'] },
      attributes,
    },
  },
  FIELDS,
);

export const hopSpec: RecordSpec = defineRecordSpec({
  kind: 'hops',
  source: '',
  table: 'hops',
  columns: HOP_COLUMNS,
  direct: hopDirectEncoder(HOP_COLUMNS),
  fields: FIELDS,
  toRow(record, ctx) {
    const bad = check(record);
    if (bad) return bad;
    const h = record as HopInput;
    if (!ctx.stages.has(h.stage)) return { field: 'stage', reason: `must be one of ${[...ctx.stages].join(', ')}` };
    const plant = h.plant ?? '';
    const common = checkPlantTimeUnit('hops', plant, 'start_time', h.start_time, h.unit, ctx);
    if ('field' in common) return common;
    const { us: start, unit } = common;
    let end = start;
    if (h.end_time !== undefined && h.end_time !== null) {
      const e = parseTimestamp(h.end_time);
      if (typeof e === 'string') return { field: 'end_time', reason: e };
      if (e < start) return { field: 'end_time', reason: 'is before start_time' };
      end = e;
    }
    const payload =
      h.payload === undefined || h.payload === null ? '' : typeof h.payload === 'string' ? h.payload : JSON.stringify(h.payload);
    return [
      h.hop_id,
      h.correlation_id,
      h.parent_hop_id ?? '',
      h.flow,
      h.stage,
      h.system ?? '',
      plant,
      h.line ?? '',
      h.asset ?? '',
      h.order_id ?? '',
      h.material ?? '',
      h.batch ?? '',
      h.event_type ?? '',
      h.quantity ?? null,
      unit,
      start,
      end,
      h.status,
      h.error_code ?? '',
      h.error_message ?? '',
      h.attempt ?? 1,
      h.business_key ?? '',
      payload,
      attributesToMap(h.attributes),
    ];
  },
});
