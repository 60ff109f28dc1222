import { describe, expect, it } from 'vitest';
import { hopSpec } from '../records/hop.record';
import type { NormalizeContext } from '../records/record-spec';
import { UnitTable } from '../units/unit-table';
import { BASE_STAGES } from '../../domain/vocabulary';
import type { OtlpAttributeValue, OtlpSpan } from './otlp-decode';
import { otlpDirectEncoder } from './otlp-direct';
import { encodeSpans } from './otlp-encode';

/*
 * The direct path (otlp-direct.ts) must never disagree with the general one (spansToHops, hopSpec.toRow,
 * hopSpec.encoder): a batch of spans encodes to the same bytes, the same counts and the same reasons
 * whichever path each span takes. It may decline valid spans (the general path then takes them), so the
 * common shape is also checked to really go the direct way.
 */

const units = new UnitTable([
  { code: 'EA', aliases: ['pcs', 'each'] },
  { code: 'KG', aliases: ['kilogram'] },
]);
const ANY_PLANT: NormalizeContext = { units, plants: null, stages: new Set(BASE_STAGES) };
const ONLY_P1: NormalizeContext = { units, plants: new Set(['P1']), stages: new Set(BASE_STAGES) };
const OTHER: NormalizeContext = {
  units: new UnitTable([{ code: 'PC', aliases: ['pcs', 'EA'] }]),
  plants: null,
  stages: new Set([...BASE_STAGES.filter((s) => s !== 'broker'), 'ingest']),
};
const CONTEXTS: [string, NormalizeContext][] = [
  ['any plant', ANY_PLANT],
  ['plants=P1', ONLY_P1],
  ['other units and stages', OTHER],
];

const nowNs = (offsetMs = 0) => `${BigInt(Date.now() + offsetMs) * 1_000_000n + 123_456n}`;

function span(over: Partial<OtlpSpan> = {}, attributes: Record<string, OtlpAttributeValue> = {}): OtlpSpan {
  return {
    traceId: '0af7651916cd43dd8448eb211c80319c',
    spanId: 'b7ad6b7169203331',
    parentSpanId: '00f067aa0ba902b7',
    name: 'post goods receipt',
    kind: 3,
    startTimeUnixNano: nowNs(-60_000),
    endTimeUnixNano: nowNs(-59_000),
    statusCode: 0,
    statusMessage: '',
    attributes: {
      'service.name': 'boomi-atom',
      'syncline.flow': 'goods_receipt',
      'syncline.stage': 'middleware',
      'mfg.plant': 'P1',
      'mfg.line': 'P1-L2',
      'mfg.asset': 'P1-L2-A3',
      'erp.order': 'ORD-100042',
      'erp.material': 'MAT-1007',
      'syncline.event_type': 'goods_receipt',
      'mfg.quantity': 12,
      'mfg.unit': 'pcs',
      'syncline.business_key': 'evt-42',
      'http.response.status_code': 200,
      ...attributes,
    },
    exceptionType: '',
    exceptionMessage: '',
    ...over,
  };
}

const without = (key: string) => {
  const s = span();
  delete s.attributes[key];
  return s;
};

/** Each case: a span that tests one rule of the mapping or of the hop checks (valid or not). */
const CASES: [string, OtlpSpan, boolean?][] = [
  ['the common shape', span()],
  ['a root span', span({ parentSpanId: '' })],
  ['no span name, kind unspecified', span({ name: '', kind: 0 })],
  ['an unknown span kind', span({ kind: 9 })],
  ['no end time', span({ endTimeUnixNano: '0' })],
  ['an end before the start', span({ endTimeUnixNano: nowNs(-120_000) })],
  ['no start time', span({ startTimeUnixNano: '0' })],
  ['a start outside the retention', span({ startTimeUnixNano: nowNs(-100 * 86_400_000) })],
  ['a start in 1990', span({ startTimeUnixNano: '0631152000000000000' })],
  ['no span id', span({ spanId: '' })],
  ['no trace id', span({ traceId: '' })],
  ['no trace id but correlation.id', span({ traceId: '' }, { 'correlation.id': 'order-42/evt-42' })],
  ['correlation.id other than the trace id', span({}, { 'correlation.id': 'msg-42' })],
  ['correlation.id equal to the trace id', span({}, { 'correlation.id': '0af7651916cd43dd8448eb211c80319c' })],
  ['an empty correlation.id', span({}, { 'correlation.id': '' })],
  ['a numeric correlation.id', span({}, { 'correlation.id': 4711 })],
  ['a correlation.id of 129 characters', span({}, { 'correlation.id': 'c'.repeat(129) })],
  ['no flow', without('syncline.flow')],
  ['no stage', without('syncline.stage')],
  ['an empty flow', span({}, { 'syncline.flow': '' })],
  ['a flow that is no name', span({}, { 'syncline.flow': 'Goods Receipt' })],
  ['a numeric flow', span({}, { 'syncline.flow': 7 })],
  ['an unknown stage', span({}, { 'syncline.stage': 'ingest' })],
  ['syncline.system over service.name', span({}, { 'syncline.system': 'sap-pi' })],
  ['no service.name nor system', without('service.name')],
  ['a system of 129 characters', span({}, { 'syncline.system': 's'.repeat(129) })],
  ['a plant of 65 characters', span({}, { 'mfg.plant': 'P'.repeat(65) })],
  ['another plant', span({}, { 'mfg.plant': 'P2' })],
  ['no plant', without('mfg.plant')],
  ['a numeric order', span({}, { 'erp.order': 4500012345 })],
  ['a boolean batch', span({}, { 'erp.batch': true })],
  ['an unknown event type', span({}, { 'syncline.event_type': 'coffee_break' })],
  ['an empty event type', span({}, { 'syncline.event_type': '' })],
  ['no event type', without('syncline.event_type')],
  ['a quantity as a string', span({}, { 'mfg.quantity': '12.5' })],
  ['a quantity that is no number', span({}, { 'mfg.quantity': 'twelve' })],
  ['a NaN quantity', span({}, { 'mfg.quantity': Number.NaN })],
  ['no quantity', without('mfg.quantity')],
  ['an unknown unit', span({}, { 'mfg.unit': 'barrels' })],
  ['no unit', without('mfg.unit')],
  ['a unit of 33 characters', span({}, { 'mfg.unit': 'u'.repeat(33) })],
  ['attempt 3', span({}, { 'syncline.attempt': 3 })],
  ['attempt as a string', span({}, { 'syncline.attempt': '2' })],
  ['attempt 0', span({}, { 'syncline.attempt': 0 })],
  ['attempt 65536', span({}, { 'syncline.attempt': 65536 })],
  ['attempt 1.5', span({}, { 'syncline.attempt': 1.5 })],
  ['status error from the span', span({ statusCode: 2, statusMessage: 'ERP answered 409' })],
  ['status retry from the attribute', span({ statusCode: 2 }, { 'syncline.status': 'retry' })],
  ['an unknown status', span({}, { 'syncline.status': 'lost' })],
  ['error.type as the error code', span({ statusCode: 2 }, { 'error.type': 'TimeoutError' })],
  ['syncline.error_code and error.type', span({}, { 'syncline.error_code': 'E409', 'error.type': 'HttpError' })],
  ['an exception event', span({ statusCode: 2, exceptionType: 'ECONNRESET', exceptionMessage: 'socket hang up' })],
  ['exception.message and a status message', span({ statusMessage: 'failed' }, { 'exception.message': 'boom' })],
  ['exception.message alone', span({}, { 'exception.message': 'boom' })],
  ['a status message over 8192 characters', span({ statusMessage: 'm'.repeat(9000) })],
  ['a business key of 257 characters', span({}, { 'syncline.business_key': 'k'.repeat(257) })],
  ['a payload', span({}, { 'syncline.payload': '{"qty":12}' })],
  ['an attribute named otel.span_name', span({}, { 'otel.span_name': 'mine' })],
  ['an attribute named otel.trace_id', span({}, { 'otel.trace_id': 'abc' })],
  ['integer-like attribute keys', span({}, { '7': 'seven', '10': 'ten', a: 'x' })],
  ['boolean and NaN attributes', span({}, { 'x.ok': false, 'x.nan': Number.NaN })],
  [
    '128 attributes with the span name and kind',
    span({}, Object.fromEntries(Array.from({ length: 125 }, (_, i) => [`a${i}`, i]))),
  ],
  [
    '129 attributes with the span name and kind',
    span({}, Object.fromEntries(Array.from({ length: 126 }, (_, i) => [`a${i}`, i]))),
  ],
  ['non-ASCII values', span({}, { 'mfg.line': 'Línea 2', 'erp.material': '材料-7' })],
  ['an unpaired surrogate in a value (OTLP/JSON)', span({}, { 'erp.order': 'ORD-\ud800' }), false],
  ['an unpaired surrogate in a key (OTLP/JSON)', span({}, { 'x-\udc00': 'v' }), false],
  ['an unpaired surrogate in the span name (OTLP/JSON)', span({ name: 'post \ud800' }), false],
  ['well-formed OTLP/JSON', span({}, { 'mfg.line': 'Línea 2' }), false],
];

function bothWays(spans: OtlpSpan[], ctx: NormalizeContext, wellFormed: boolean) {
  const direct = encodeSpans(spans, ctx, wellFormed, undefined, true);
  const general = encodeSpans(spans, ctx, wellFormed, undefined, false);
  return { direct, general };
}

describe('the OTLP direct path', () => {
  for (const [ctxName, ctx] of CONTEXTS) {
    describe(ctxName, () => {
      for (const [name, s, wellFormed = true] of CASES) {
        it(`writes what the general path writes: ${name}`, () => {
          // After a valid span, so the row must also append to what the block holds.
          const { direct, general } = bothWays([span({ spanId: 'aaaaaaaaaaaaaaaa' }), s], ctx, wellFormed);
          expect(direct.reasons).toEqual(general.reasons);
          expect([direct.stored, direct.rejected, direct.invalid]).toEqual([general.stored, general.rejected, general.invalid]);
          expect(direct.block.equals(general.block)).toBe(true);
        });
      }
    });
  }

  it('takes the common shapes itself instead of declining them', () => {
    const encode = otlpDirectEncoder();
    const block = hopSpec.encoder.newBlock();
    const common = [
      'the common shape',
      'a root span',
      'no end time',
      'status error from the span',
      'an exception event',
      'a numeric order',
      'correlation.id other than the trace id',
      'non-ASCII values',
      'integer-like attribute keys',
    ];
    for (const name of common) {
      const s = CASES.find(([n]) => n === name)![1];
      expect(encode(s, ANY_PLANT, block, true), name).toBe(true);
    }
    expect(block.rows).toBe(common.length);
  });

  it('agrees with the general path on many random spans in one batch', () => {
    let seed = 42;
    const rnd = () => (seed = (seed * 1664525 + 1013904223) >>> 0) / 4294967296;
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];
    const spans = Array.from({ length: 3000 }, (_, i) => {
      const parts = Array.from({ length: 1 + Math.floor(rnd() * 3) }, () => pick(CASES)[1]);
      const s = span({ ...pick(parts), spanId: i.toString(16).padStart(16, '0') });
      s.attributes = parts.reduce<Record<string, OtlpAttributeValue>>((all, p) => ({ ...all, ...p.attributes }), {});
      if (rnd() < 0.2) s.attributes['syncline.stage'] = pick(['device', 'broker', 'ingest', 'erp_posting']);
      return s;
    });
    for (const [, ctx] of CONTEXTS) {
      for (const wellFormed of [true, false]) {
        const safe = wellFormed ? spans.filter((s) => JSON.stringify(s).indexOf('\\ud') === -1) : spans;
        const { direct, general } = bothWays(safe, ctx, wellFormed);
        expect(direct.stored).toBeGreaterThan(0);
        expect(direct.rejected).toBeGreaterThan(0);
        expect([direct.stored, direct.rejected, direct.invalid, direct.reasons]).toEqual([
          general.stored,
          general.rejected,
          general.invalid,
          general.reasons,
        ]);
        expect(direct.block.equals(general.block)).toBe(true);
      }
    }
  });
});
