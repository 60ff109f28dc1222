import { nativeEncoder, type ColumnDecl } from '../../clickhouse/native-block';
import {
  attributes,
  attributesToMap,
  checkPlantTimeUnit,
  compile,
  defineRecordSpec,
  requiredStr,
  str,
  timestamp,
  type RecordSpec,
} from './record-spec';
import { EVENT_TYPES } from '../../domain/vocabulary';

export interface DeviceEventInput {
  event_id: string;
  event_time: string | number;
  plant: string;
  line?: string | null;
  asset?: string | null;
  order_id?: string | null;
  material?: string | null;
  event_type: string;
  quantity?: number | null;
  unit?: string | null;
  attributes?: Record<string, string | number | boolean> | null;
}

export const DEVICE_EVENT_FIELDS = [
  'event_id',
  'event_time',
  'plant',
  'line',
  'asset',
  'order_id',
  'material',
  'event_type',
  'quantity',
  'unit',
  'attributes',
] as const;
/** The `device_events` columns a device event fills, in row order (migration 20261121090200). */
export const DEVICE_EVENT_COLUMNS: readonly ColumnDecl[] = [
  { name: 'event_id', type: 'String' },
  { name: 'event_time', type: "DateTime64(3, 'UTC')" },
  { name: 'plant', type: 'LowCardinality(String)' },
  { name: 'line', type: 'LowCardinality(String)' },
  { name: 'asset', type: 'String' },
  { name: 'order_id', type: 'String' },
  { name: 'material', type: 'String' },
  { name: 'event_type', type: 'LowCardinality(String)' },
  { name: 'quantity', type: 'Float64' },
  { name: 'unit', type: 'LowCardinality(String)' },
  { name: 'attributes', type: 'Map(LowCardinality(String), String)' },
  { name: 'source', type: 'LowCardinality(String)' },
];
const encoder = nativeEncoder(DEVICE_EVENT_COLUMNS);

const check = compile(
  {
    type: 'object',
    required: ['event_id', 'event_time', 'plant', 'event_type'],
    additionalProperties: false,
    properties: {
      event_id: requiredStr(128),
      event_time: timestamp,
      plant: requiredStr(64),
      line: str(64),
      asset: str(128),
      order_id: str(128),
      material: str(128),
      event_type: { enum: [...EVENT_TYPES] },
      quantity: { type: ['number', 'null'] },
      unit: str(32),
      attributes,
    },
  },
  DEVICE_EVENT_FIELDS,
);

/** Device events: `source` (http, mqtt, simulator) is set by the interface, not the client. */
export function deviceEventSpec(source: string): RecordSpec {
  return defineRecordSpec(
    {
      kind: 'device_events',
      source,
      table: 'device_events',
      columns: DEVICE_EVENT_COLUMNS,
      fields: DEVICE_EVENT_FIELDS,
      toRow(record, ctx) {
        const bad = check(record);
        if (bad) return bad;
        const d = record as DeviceEventInput;
        const common = checkPlantTimeUnit('device_events', d.plant, 'event_time', d.event_time, d.unit, ctx);
        if ('field' in common) return common;
        const { us: t, unit } = common;
        return [
          d.event_id,
          Math.floor(t / 1000),
          d.plant,
          d.line ?? '',
          d.asset ?? '',
          d.order_id ?? '',
          d.material ?? '',
          d.event_type,
          d.quantity ?? 0,
          unit,
          attributesToMap(d.attributes),
          source,
        ];
      },
    },
    encoder,
  );
}
