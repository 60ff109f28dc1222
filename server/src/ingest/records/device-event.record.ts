import {
  attributes,
  attributesToMap,
  checkPlantTimeUnit,
  compile,
  requiredStr,
  str,
  timestamp,
  type RecordSpec,
} from './record-spec';
import { EVENT_TYPES } from './vocabulary';

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
export const DEVICE_EVENT_COLUMNS = [...DEVICE_EVENT_FIELDS, 'source'] as const;

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
  return {
    kind: 'device_events',
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
  };
}
