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
import { NAME_PATTERN } from '../../domain/vocabulary';

export interface ErpPostingInput {
  document_id: string;
  posted_at: string | number;
  plant: string;
  flow?: string | null;
  order_id?: string | null;
  material?: string | null;
  posting_type: string;
  quantity?: number | null;
  unit?: string | null;
  device_event_id?: string | null;
  reverses_document_id?: string | null;
  attributes?: Record<string, string | number | boolean> | null;
}

export const ERP_POSTING_FIELDS = [
  'document_id',
  'posted_at',
  'plant',
  'flow',
  'order_id',
  'material',
  'posting_type',
  'quantity',
  'unit',
  'device_event_id',
  'reverses_document_id',
  'attributes',
] as const;
/** The `erp_postings` columns a posting fills, in row order (migration 20261121090300). */
export const ERP_POSTING_COLUMNS: readonly ColumnDecl[] = [
  { name: 'document_id', type: 'String' },
  { name: 'posted_at', type: "DateTime64(3, 'UTC')" },
  { name: 'plant', type: 'LowCardinality(String)' },
  { name: 'flow', type: 'LowCardinality(String)' },
  { name: 'order_id', type: 'String' },
  { name: 'material', type: 'String' },
  { name: 'posting_type', type: 'LowCardinality(String)' },
  { name: 'quantity', type: 'Float64' },
  { name: 'unit', type: 'LowCardinality(String)' },
  { name: 'device_event_id', type: 'String' },
  { name: 'reverses_document_id', type: 'String' },
  { name: 'attributes', type: 'Map(LowCardinality(String), String)' },
  { name: 'source', type: 'LowCardinality(String)' },
];
const encoder = nativeEncoder(ERP_POSTING_COLUMNS);

const check = compile(
  {
    type: 'object',
    required: ['document_id', 'posted_at', 'plant', 'posting_type'],
    additionalProperties: false,
    properties: {
      document_id: requiredStr(128),
      posted_at: timestamp,
      plant: requiredStr(64),
      flow: { type: ['string', 'null'], pattern: NAME_PATTERN },
      order_id: str(128),
      material: str(128),
      posting_type: { type: 'string', pattern: NAME_PATTERN },
      quantity: { type: ['number', 'null'] },
      unit: str(32),
      device_event_id: str(128),
      reverses_document_id: str(128),
      attributes,
    },
  },
  ERP_POSTING_FIELDS,
);

export function erpPostingSpec(source: string): RecordSpec {
  return defineRecordSpec(
    {
      kind: 'erp_postings',
      source,
      table: 'erp_postings',
      columns: ERP_POSTING_COLUMNS,
      fields: ERP_POSTING_FIELDS,
      toRow(record, ctx) {
        const bad = check(record);
        if (bad) return bad;
        const p = record as ErpPostingInput;
        const common = checkPlantTimeUnit('erp_postings', p.plant, 'posted_at', p.posted_at, p.unit, ctx);
        if ('field' in common) return common;
        const { us: t, unit } = common;
        return [
          p.document_id,
          Math.floor(t / 1000),
          p.plant,
          p.flow ?? '',
          p.order_id ?? '',
          p.material ?? '',
          p.posting_type,
          p.quantity ?? 0,
          unit,
          p.device_event_id ?? '',
          p.reverses_document_id ?? '',
          attributesToMap(p.attributes),
          source,
        ];
      },
    },
    encoder,
  );
}
