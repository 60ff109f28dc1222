import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it, vi } from 'vitest';
import type { NativeBlock } from '../../clickhouse/native-block';
import { UnitTable } from '../units/unit-table';
import { HOP_DIRECT_FIELDS } from './hop.direct';
import { HOP_COLUMNS, hopSpec } from './hop.record';
import type { NormalizeContext } from './record-spec';
import { isRowError, type RowResult } from './row-error';
import { BASE_STAGES, EVENT_TYPES, HOP_STATUSES } from '../../domain/vocabulary';

/*
 * The direct path (hop.direct.ts) must never disagree with the general one (JSON.parse, hopSpec.toRow,
 * hopSpec.encoder): when it answers true, the general path accepts the same line and writes the same
 * bytes; when the general path refuses a line, direct answers false and writes nothing. Direct may
 * decline valid records (escapes, non-ASCII, nested values): the general path then takes them.
 */

const DAY_MS = 86_400_000;
const units = new UnitTable([
  { code: 'EA', aliases: ['pcs', 'each'] },
  { code: 'KG', aliases: ['kilogram'] },
  // spellings at and over the 32-character limit of `unit`: the limit, not the table, must refuse the longer
  { code: 'LONG', aliases: ['a'.repeat(32), 'a'.repeat(33)] },
]);
const ANY_PLANT: NormalizeContext = { units, plants: null, stages: new Set(BASE_STAGES) };
const ONLY_P1: NormalizeContext = { units, plants: new Set(['P1']), stages: new Set(BASE_STAGES) };
/** Another installation: its own unit table (pcs is PC here, pct is known) and stages (ingest, no broker). */
const OTHER: NormalizeContext = {
  units: new UnitTable([{ code: 'PC', aliases: ['pcs', 'pct'] }]),
  plants: null,
  stages: new Set([...BASE_STAGES.filter((s) => s !== 'broker'), 'ingest']),
};
const CONTEXTS = [ANY_PLANT, ONLY_P1, OTHER];
const ctxName = (ctx: NormalizeContext) =>
  ctx === OTHER ? 'other units and stages' : ctx.plants ? `plants=${[...ctx.plants].join(',')}` : 'any plant';

/** Where the line sits in the buffer: bytes around it must not be read as part of it. */
interface Framing {
  prefix: string;
  suffix: string;
  /** The rows the block's buffers are sized for (small ones make them grow while the row is written). */
  blockRows: number;
}
const PLAIN: Framing = { prefix: '', suffix: '', blockRows: 64 };

interface Outcome {
  direct: boolean;
  generalAccepts: boolean;
  /** What breaks the invariant, if anything. */
  problem?: string;
}

const hex = (b: Buffer) => b.toString('hex').replace(/(..)/g, '$1 ').trim();

/** A valid hop already in the block when the line is written: the line's row must go after it, unchanged. */
const EARLIER = hopSpec.toRow(
  { hop_id: 'h-0', correlation_id: 'm-0', flow: 'f', stage: 'device', start_time: new Date().toISOString(), status: 'ok' },
  { units, plants: null, stages: new Set(BASE_STAGES) },
) as unknown[];

/** A block holding the EARLIER row, its buffers sized for `rows` rows. */
function blockWithEarlierRow(rows: number): NativeBlock {
  const block = hopSpec.encoder.newBlock(rows);
  hopSpec.encoder.write(block, EARLIER);
  return block;
}

/** The first column in which two blocks of the hop columns differ, with both columns' bytes. */
function firstDifference(a: NativeBlock, b: NativeBlock): string {
  for (let i = 0; i < HOP_COLUMNS.length; i++) {
    const x = Buffer.concat(a.columns[i].parts());
    const y = Buffer.concat(b.columns[i].parts());
    if (!x.equals(y)) return `column ${HOP_COLUMNS[i].name}\n    direct:  ${hex(x)}\n    general: ${hex(y)}`;
  }
  return a.rows === b.rows ? '(no column differs)' : `row counts ${a.rows} and ${b.rows}`;
}

/** Runs one line (text, or bytes that need not be UTF-8) through both paths and checks that they agree. */
function compare(line: string | Buffer, ctx: NormalizeContext, framing: Framing = PLAIN): Outcome {
  const prefix = Buffer.from(framing.prefix, 'utf8');
  const body = typeof line === 'string' ? Buffer.from(line, 'utf8') : line;
  const buf = Buffer.concat([prefix, body, Buffer.from(framing.suffix, 'utf8')]);
  const start = prefix.length;
  const end = start + body.length;

  const block = blockWithEarlierRow(framing.blockRows);
  const before = block.byteLength;
  const direct = hopSpec.direct!(buf, start, end, ctx, block);

  let parsed: unknown;
  let parses = true;
  try {
    parsed = JSON.parse(buf.toString('utf8', start, end)); // as encode-ndjson.ts reads a line
  } catch {
    parses = false;
  }
  const general: RowResult | undefined = parses ? hopSpec.toRow(parsed, ctx) : undefined;
  const generalAccepts = general !== undefined && !isRowError(general);

  if (!direct) {
    const wrote = block.byteLength - before;
    const problem =
      wrote === 0 && block.rows === 1 ? undefined : `direct answered false but wrote ${wrote} bytes (rows: ${block.rows})`;
    return { direct, generalAccepts, problem };
  }
  if (general === undefined) return { direct, generalAccepts, problem: 'direct accepted a line that JSON.parse refuses' };
  if (isRowError(general)) {
    return { direct, generalAccepts, problem: `direct accepted a record toRow refuses: ${general.field} ${general.reason}` };
  }
  const expected = blockWithEarlierRow(1);
  hopSpec.encoder.write(expected, general);
  if (!block.finish().equals(expected.finish())) {
    return {
      direct,
      generalAccepts,
      problem: `direct wrote other bytes than the general path, in ${firstDifference(block, expected)}`,
    };
  }
  return { direct, generalAccepts };
}

/** Fails when a problem was found, with how many and the first few, each with its line, as plain text. */
function expectNoProblems(problems: string[], shown = 20): void {
  if (problems.length > 0) {
    expect.fail(`${problems.length} line(s) break the direct/general invariant:\n\n${problems.slice(0, shown).join('\n\n')}`);
  }
}

function report(line: string | Buffer, ctx: NormalizeContext, framing: Framing, problem: string): string {
  const around = framing === PLAIN ? '' : ` (prefix ${JSON.stringify(framing.prefix)}, suffix ${JSON.stringify(framing.suffix)})`;
  const bytes = typeof line === 'string' ? '' : `\n    bytes: ${hex(line)}`;
  return `${problem}\n    line: ${JSON.stringify(line.toString())}${around}${bytes}\n    ctx: ${ctxName(ctx)}`;
}

// ---- records as raw JSON text: [key, value] pairs, so that any spelling of a value can be written ----

type Fields = Map<string, string>; // field name -> raw JSON value text
const j = (v: unknown) => JSON.stringify(v);

function serialize(fields: Fields, ws = ''): string {
  return `{${[...fields].map(([k, v]) => `${ws}${j(k)}${ws}:${ws}${v}${ws}`).join(',')}}`;
}

/** A fixed, plainly valid hop (all fields a client commonly sends) starting `ageMs` before now. */
function baseHop(ageMs = DAY_MS): Fields {
  const t = Date.now() - ageMs;
  return new Map([
    ['hop_id', j('h-000001')],
    ['correlation_id', j('m-000001')],
    ['parent_hop_id', j('h-000000')],
    ['flow', j('production_confirmation')],
    ['stage', j('gateway')],
    ['system', j('edge-gw')],
    ['plant', j('P1')],
    ['line', j('P1-L1')],
    ['asset', j('P1-L1-A1')],
    ['order_id', j('ORD-100001')],
    ['material', j('MAT-1001')],
    ['batch', j('B-7')],
    ['event_type', j('cycle_complete')],
    ['quantity', '12'],
    ['unit', j('pcs')],
    ['start_time', j(new Date(t).toISOString())],
    ['end_time', j(new Date(t + 250).toISOString())],
    ['status', j('ok')],
    ['error_code', 'null'],
    ['error_message', 'null'],
    ['attempt', '1'],
    ['business_key', j('evt-1')],
    ['payload', j('qty=12')],
  ]);
}

const MAX_LENGTH: Record<string, number> = {
  hop_id: 128,
  correlation_id: 128,
  parent_hop_id: 128,
  system: 128,
  plant: 64,
  line: 64,
  asset: 128,
  order_id: 128,
  material: 128,
  batch: 128,
  unit: 32,
  error_code: 128,
  error_message: 8192,
  business_key: 256,
};

/** Values of the wrong type (or empty) for any field. */
const WRONG_VALUES = ['0', '42', '-1.5', 'true', 'false', '{}', '{"a":"b"}', '[]', '["x"]', 'null', '""'];

/** Strings that are not plain ASCII without escapes (some valid JSON, some not). */
const ODD_STRINGS = [
  j('é'),
  j('日本'),
  j('😀'),
  '"\\u00e9"',
  '"\\ud83d\\ude00"',
  '"a\\"b"',
  '"a\\\\b"',
  '"a\\nb"',
  '"a\\/b"',
  '"\\u0041B"',
  '"a\\u0000b"',
  '"a\tb"', // raw control characters: not JSON
  '"a\x1fb"',
  '"a\\xb"', // an unknown escape: not JSON
  '"a\x7fb"', // DEL is allowed raw
  '"unterminated',
];

const INVALID_NUMBERS = ['01', '-01', '00', '1.', '.5', '-', '1e', '1e+', '+1', '0x10', 'NaN', 'Infinity', '--1', '1.e3', '- 1'];

function timeSpellings(ms: number): string[] {
  const iso = new Date(ms).toISOString();
  const us = String(ms % 997).padStart(3, '0');
  return [
    j(iso),
    j(`${iso.slice(0, 23)}${us}Z`),
    j(`${iso.slice(0, 23)}${us}789Z`),
    j(`${new Date(ms + 3_600_000).toISOString().slice(0, 23)}+01:00`),
    j(`${new Date(ms - 5 * 3_600_000).toISOString().slice(0, 19)}-0500`),
    j(iso.replace('T', ' ')),
    j(iso.replace('Z', 'z')),
    j(iso.slice(0, 16) + 'Z'),
    String(ms),
    j(String(ms)),
    `${ms}.5`,
    `${ms}${us}456`,
    j(`${ms}${us}456`),
    `${ms}${us}456.0`,
    `${ms / 1000}e3`,
  ];
}

/** Strings of the exact shape of toISOString() (the direct path's fast case) that are not all valid. */
function isoNearMisses(ms: number): string[] {
  const iso = new Date(ms).toISOString(); // yyyy-mm-ddThh:mm:ss.sssZ
  const at = (i: number, s: string) => j(iso.slice(0, i) + s + iso.slice(i + s.length));
  return [
    at(5, '00'),
    at(5, '13'),
    at(8, '00'),
    at(8, '31'),
    at(8, '32'),
    at(11, '23'),
    at(11, '24'),
    at(11, '25'),
    at(14, '59'),
    at(14, '60'),
    at(17, '59'),
    at(17, '60'),
    at(4, '/'),
    at(10, 't'),
    at(10, ' '),
    at(13, '.'),
    at(19, ','),
    at(23, 'z'),
    at(23, '+'),
    at(9, '/'),
    at(18, ':'),
    at(22, 'a'),
    at(0, ' '),
  ];
}

function badTimes(now: number): string[] {
  const iso = new Date(now - DAY_MS).toISOString();
  return [
    ...isoNearMisses(now - DAY_MS),
    j(iso.slice(0, 23)), // no offset
    j(iso.slice(0, 10)),
    j('2026-02-30T00:00:00.000Z'),
    j('2026-13-01T00:00:00.000Z'),
    j(`${iso.slice(0, 8)}32T00:00:00.000Z`),
    j(`${iso.slice(0, 11)}25:00:00.000Z`),
    j('1970-01-01T00:00:00Z'),
    j('2100-01-01T00:00:00Z'),
    j('2100-01-01T00:00:00.000Z'), // the end of the accepted range (2000-2100)
    j('2099-12-31T23:59:59.999Z'),
    j('1999-12-31T23:59:59.999Z'),
    ...timeSpellings(now - 91 * DAY_MS), // older than the 90-day retention of hops
    ...timeSpellings(now - 89 * DAY_MS),
    String(Math.floor(now / 1000)), // epoch seconds
    j(String(Math.floor(now / 1000))),
    String(now * 1000), // epoch µs
    '0',
    '-1',
    '-0',
    '1.5',
    '1e999',
    '-1e999',
    j(''),
    j('yesterday'),
    j(' ' + iso),
  ];
}

/** Values worth trying for particular fields (beside WRONG_VALUES and ODD_STRINGS). */
function specialValues(field: string, now: number): string[] {
  switch (field) {
    case 'status':
      return [...HOP_STATUSES.map((s) => j(s)), j('OK'), j('failed'), j('ok '), '"\\u006fk"'];
    case 'event_type':
      return [...EVENT_TYPES.map((e) => j(e)), j('Cycle_complete'), j('unknown_event'), '"scra\\u0070"'];
    case 'stage':
      return [...BASE_STAGES.map((s) => j(s)), j('ingest'), j('Device'), j('erp-api'), j('1device'), '"devic\\u0065"'];
    case 'flow':
      return [
        j('a'),
        j('a'.repeat(64)),
        j('a'.repeat(65)),
        j('flow_9'),
        j('Production'),
        j('9flow'),
        j('_flow'),
        j('flow-x'),
        j('flow x'),
        j('flow\n'),
        '"flow\\n"',
        '"fl\\u006fw"',
      ];
    case 'start_time':
    case 'end_time':
      return [...timeSpellings(now - 2 * DAY_MS), ...timeSpellings(now - DAY_MS - 1), ...badTimes(now)];
    case 'quantity':
      return [
        '1e999',
        '-1e999',
        '-0',
        '-0.0',
        '0',
        '1.5',
        '1e3',
        '1E+2',
        '2.5e-3',
        '12',
        '-7',
        '0.1',
        '1e-400',
        '-1e-400',
        '123456789012345',
        '1234567890123456',
        '123456789012345678901',
        '9007199254740993',
        '32451666879675292', // summing its digits one by one rounds differently from JSON.parse
        '-32451666879675292',
        j('12'),
        ...INVALID_NUMBERS,
      ];
    case 'attempt':
      return ['0', '1', '1.0', '1.5', '2', '65535', '65536', '-1', '1e0', '2e2', '1e999', j('1'), ...INVALID_NUMBERS];
    case 'plant':
      return [j('P1'), j('P2'), j('p1'), j(''), 'null', j('P1 ')];
    case 'unit':
      return [
        j('EA'),
        j('ea'),
        j('pcs'),
        j('PCS'),
        j('each'),
        j('KG'),
        j('kilogram'),
        j('box'),
        j('pct'),
        j('pcS'),
        j('KH'),
        j(''),
        'null',
        j('E A'),
        '"\\u0045A"',
      ];
    case 'payload':
      return [j('text'), j(''), j('{"a":1}'), '{"a":1}', '[1,2]', '{}', '[]', '12', 'true', 'null'];
    default:
      return [];
  }
}

/** Every value tried for `field`: wrong types, odd strings, lengths at and over the limit, specials. */
function valuesFor(field: string, now: number): string[] {
  const max = MAX_LENGTH[field];
  const lengths = max === undefined ? [] : [j('a'.repeat(max)), j('a'.repeat(max + 1)), j('é' + 'a'.repeat(max - 1))];
  return [...WRONG_VALUES, ...ODD_STRINGS, ...lengths, ...specialValues(field, now)];
}

describe('hop direct path', () => {
  it('knows the same fields as HOP_COLUMNS, in the same order', () => {
    expect(HOP_DIRECT_FIELDS).toEqual(HOP_COLUMNS.map((c) => c.name));
  });

  it('takes the plain valid hops of the ingest bench directly (the fast path is not dead)', async () => {
    const hops = await benchHops(600, 7);
    expect(hops).toHaveLength(600);
    for (const ctx of [ANY_PLANT, { ...ONLY_P1, plants: new Set(['P1', 'P2', 'P3']) }]) {
      const failures: string[] = [];
      for (const hop of hops) {
        const line = JSON.stringify(hop);
        const out = compare(line, ctx);
        if (out.problem) failures.push(report(line, ctx, PLAIN, out.problem));
        else if (!out.direct) failures.push(report(line, ctx, PLAIN, 'direct declined a plain valid hop'));
      }
      expectNoProblems(failures, 5);
    }
  });

  it('agrees with the general path when any one field of a valid hop is changed, removed or repeated', () => {
    const now = Date.now();
    const base = baseHop();
    for (const ctx of CONTEXTS) expect(compare(serialize(base), ctx).direct, `base hop, ${ctxName(ctx)}`).toBe(true);

    const lines: string[] = [];
    for (const field of HOP_COLUMNS.map((c) => c.name)) {
      const without = new Map(base);
      without.delete(field);
      lines.push(serialize(without));
      for (const value of valuesFor(field, now)) lines.push(serialize(new Map(base).set(field, value)));
      // repeated keys: the same value again, or another value (JSON.parse keeps the last one)
      const current = base.get(field) ?? 'null';
      lines.push(serialize(base).replace(/}$/, `,${j(field)}:${current}}`));
      lines.push(serialize(base).replace(/}$/, `,${j(field)}:${field === 'quantity' ? '3' : j('x')}}`));
    }
    // the end before the start, by a day, a millisecond and a microsecond
    const t = now - DAY_MS;
    const start = j(`${new Date(t).toISOString().slice(0, 23)}500Z`);
    for (const end of [
      j(new Date(t - DAY_MS).toISOString()),
      String(t - 1),
      j(`${new Date(t).toISOString().slice(0, 23)}499Z`),
    ]) {
      lines.push(serialize(new Map(base).set('start_time', start).set('end_time', end)));
    }
    // keys that are not fields, or spelled with an escape
    for (const extra of ['"extra":1', '"Hop_id":"x"', '"hop_id ":"x"', '"":1', '"__proto__":{}', '"attributes":{"k":"v"}']) {
      lines.push(serialize(base).replace(/}$/, `,${extra}}`));
    }
    const noHopId = new Map(base);
    noHopId.delete('hop_id');
    lines.push(serialize(noHopId).replace(/^{/, '{"hop\\u005fid":"h-1",'));
    lines.push(serialize(base).replace('"flow"', '"\\u0066low"'));

    for (const attributes of ['{"k":"v"}', '{"n":1,"b":true}', '{}', 'null', '[]', '"x"', '{"k":{"x":1}}', '{"k":null}']) {
      lines.push(serialize(new Map(base).set('attributes', attributes)));
    }

    const failures: string[] = [];
    let directTaken = 0;
    for (const line of lines) {
      for (const ctx of CONTEXTS) {
        const out = compare(line, ctx);
        if (out.problem) failures.push(report(line, ctx, PLAIN, out.problem));
        if (out.direct) directTaken++;
      }
    }
    expectNoProblems(failures);
    expect(directTaken).toBeGreaterThan(lines.length / 4);
  });

  it('reads nothing past the end of its line: every cut of a valid line is declined, whatever follows it', () => {
    const failures: string[] = [];
    const hop = new Map(baseHop()).set('quantity', '12.5').set('attempt', '2');
    // a line ending in a string, a number, and null
    for (const [last, ws] of [
      ['payload', ''],
      ['quantity', ' '],
      ['error_code', ''],
    ] as const) {
      const fields = new Map([...hop].filter(([k]) => k !== last)).set(last, hop.get(last)!);
      const full = serialize(fields, ws);
      expect(compare(full, ANY_PLANT).direct, full).toBe(true);
      for (let cut = 0; cut < full.length; cut++) {
        const line = full.slice(0, cut);
        const framing: Framing = { prefix: '', suffix: full.slice(cut), blockRows: 1 };
        for (const ctx of CONTEXTS) {
          const out = compare(line, ctx, framing);
          if (out.problem) failures.push(report(line, ctx, framing, out.problem));
          else if (out.direct) failures.push(report(line, ctx, framing, 'direct accepted a cut line'));
        }
      }
    }
    expectNoProblems(failures, 10);
  });

  it('agrees on times around the turn of a year (clock set to 2027-01-20), where month 00 is within retention', () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.setSystemTime(Date.UTC(2027, 0, 20, 12));
      const now = Date.now();
      const base = baseHop();
      const times = [
        ...valuesFor('start_time', now),
        ...isoNearMisses(Date.UTC(2027, 0, 5, 6, 30)),
        ...isoNearMisses(now - 60_000),
      ];
      const failures: string[] = [];
      for (const field of ['start_time', 'end_time']) {
        for (const time of times) {
          const line = serialize(new Map(base).set(field, time));
          for (const ctx of CONTEXTS) {
            const out = compare(line, ctx);
            if (out.problem) failures.push(report(line, ctx, PLAIN, out.problem));
          }
        }
      }
      expectNoProblems(failures);
    } finally {
      vi.useRealTimers();
    }
  });

  it('agrees with the general path on lines holding raw bytes outside ASCII, valid UTF-8 or not', () => {
    const sequences = [
      [0xc3, 0xa9], // é
      [0xe2, 0x80, 0xa8], // U+2028
      [0xf0, 0x9f, 0x98, 0x80], // 😀
      [0xff], // never UTF-8
      [0xc3], // a truncated sequence
      [0xc0, 0xaf], // an overlong "/"
      [0xed, 0xa0, 0x80], // a surrogate
      [0x80],
    ];
    const failures: string[] = [];
    for (const field of ['hop_id', 'correlation_id', 'flow', 'stage', 'plant', 'unit', 'status', 'start_time', 'payload']) {
      for (const bytes of sequences) {
        const [before, after] = serialize(new Map(baseHop()).set(field, '"a@@b"')).split('@@');
        const line = Buffer.concat([Buffer.from(before), Buffer.from(bytes), Buffer.from(after)]);
        for (const ctx of CONTEXTS) {
          const out = compare(line, ctx);
          if (out.problem) failures.push(report(line, ctx, PLAIN, out.problem));
        }
      }
    }
    expectNoProblems(failures);
  });

  it('agrees with the general path on 6000 random hop lines, valid and broken (seeded)', () => {
    const r = rng(20261121);
    const now = Date.now();
    const failures: string[] = [];
    const tally = { direct: 0, generalOnly: 0, refused: 0 };
    const total = 6000;
    for (let n = 0; n < total; n++) {
      const ctx = r.pick(CONTEXTS);
      const line = randomLine(r, now, ctx);
      const framing: Framing = {
        prefix: r.pick(['', '', '\n', '{"hop_id":"x",', '{', 'é\n']),
        suffix: r.pick(['', '', '\n', '}', '"}', ',"x":1}', 'l}', '0}', ' ']),
        blockRows: r.pick([1, 2, 64]),
      };
      const out = compare(line, ctx, framing);
      if (out.problem) failures.push(report(line, ctx, framing, out.problem));
      if (out.direct) tally.direct++;
      else if (out.generalAccepts) tally.generalOnly++;
      else tally.refused++;
    }
    expectNoProblems(failures);
    // The mix exercises all three outcomes.
    expect(tally.direct, JSON.stringify(tally)).toBeGreaterThan(total * 0.15);
    expect(tally.generalOnly, JSON.stringify(tally)).toBeGreaterThan(total * 0.03);
    expect(tally.refused, JSON.stringify(tally)).toBeGreaterThan(total * 0.3);
  });
});

// ---- the random lines ----

type Rng = ReturnType<typeof rng>;

/** mulberry32: a small seeded PRNG, so a failure can be replayed. */
function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  return { next, int, chance: (p: number) => next() < p, pick: <T>(xs: readonly T[]): T => xs[int(xs.length)] };
}

const ASCII = Array.from({ length: 0x80 - 0x20 }, (_, i) => String.fromCharCode(0x20 + i))
  .filter((c) => c !== '"' && c !== '\\')
  .join('');

function asciiText(r: Rng, min: number, max: number): string {
  let s = '';
  const len = min + r.int(max - min + 1);
  for (let i = 0; i < len; i++) s += ASCII[r.int(ASCII.length)];
  return s;
}

const FLOWS = ['production_confirmation', 'goods_receipt', 'scrap_posting', 'maintenance_request', 'a', 'x9_'];

function randomValidHop(r: Rng, now: number, ctx: NormalizeContext): Fields {
  const startMs = now - 60_000 - r.int(85 * DAY_MS);
  const f: Fields = new Map();
  f.set('hop_id', j(asciiText(r, 1, r.chance(0.05) ? 128 : 24)));
  f.set('correlation_id', j(asciiText(r, 1, r.chance(0.05) ? 128 : 24)));
  f.set('flow', j(r.pick(FLOWS)));
  f.set('stage', j(r.pick(BASE_STAGES)));
  f.set('start_time', r.pick(timeSpellings(startMs)));
  f.set('status', j(r.pick(HOP_STATUSES)));
  const optional = (field: string, value: () => string) => {
    if (r.chance(0.5)) f.set(field, r.chance(0.15) ? 'null' : value());
  };
  for (const field of [
    'parent_hop_id',
    'system',
    'line',
    'asset',
    'order_id',
    'material',
    'batch',
    'error_code',
    'business_key',
  ]) {
    optional(field, () => j(asciiText(r, 0, r.chance(0.05) ? MAX_LENGTH[field] : 20)));
  }
  optional('error_message', () => j(asciiText(r, 0, r.chance(0.1) ? 300 : 60)));
  optional('payload', () => j(asciiText(r, 0, r.chance(0.1) ? 500 : 60)));
  if (ctx.plants) f.set('plant', j('P1'));
  else optional('plant', () => j(r.pick(['P1', 'P2', 'P3', ''])));
  optional('event_type', () => j(r.pick(EVENT_TYPES)));
  optional('quantity', () => r.pick(['0', '1', '12', '-3', '1.5', '-0', '1e3', '2.5E-2', String(r.int(1e9)), String(r.next())]));
  optional('unit', () => j(r.pick(['EA', 'ea', 'pcs', 'PCS', 'each', 'KG', 'kilogram', '', 'pct', 'EB', 'KGS'])));
  optional('end_time', () => r.pick(timeSpellings(startMs + r.pick([0, 1, 250, 60_000]))));
  optional('attempt', () => r.pick(['1', '2', '3', '1.0', '65535']));
  if (r.chance(0.05)) f.set('attributes', 'null');
  return f;
}

function mutate(r: Rng, f: Fields, now: number): void {
  const field = r.pick(HOP_COLUMNS).name;
  switch (r.int(7)) {
    case 0:
      f.delete(field);
      break;
    case 1:
      f.set(field, r.pick(WRONG_VALUES));
      break;
    case 2:
      f.set(field, r.pick(ODD_STRINGS));
      break;
    case 3:
    case 4:
      f.set(field, r.pick(valuesFor(field, now)));
      break;
    case 5: {
      // the end before the start
      const start = now - DAY_MS - r.int(DAY_MS);
      f.set('start_time', r.pick(timeSpellings(start)));
      f.set('end_time', r.pick(timeSpellings(start - r.pick([1, 1000, DAY_MS]))));
      break;
    }
    default:
      f.set('attributes', r.pick(['{"k":"v"}', '{}', '{"n":1}', 'null', '[]', '{"k":[1]}']));
  }
}

/** Text-level damage: keys the record cannot have, repeated keys, and JSON that is not JSON. */
const LINE_DAMAGE: ((line: string, r: Rng) => string)[] = [
  (l) => l.replace(/}$/, ',}'),
  (l) => l.replace(/^{/, '{,'),
  (l, r) => l.slice(0, r.int(l.length)),
  (l, r) => l + r.pick(['x', '}', ',', '{}', '0', ']', 'null', '"', ' x']),
  (l) => `[${l}]`,
  (l) => l.replace('":', '"'),
  (l) => l.replace(/,"/, '"'),
  (l) => l.replace(/"/g, "'"),
  (l, r) => l.replace(/null/, r.pick(['nul', 'tru', 'fals', 'NULL', 'None', 'nulll', 'null0'])),
  (l, r) => l.replace(/true|false/, r.pick(['tru', 'True', 'fals', 'falsee'])),
  (l, r) => l.replace(/:(-?\d[\d.eE+-]*)/, `:${r.pick(INVALID_NUMBERS)}`),
  (l) => l.replace('{', '{\u000b'),
  (l) => l.replace('{', '{\u00a0'),
  (l) => l.replace('{"', '{"\u0001'),
  (l) => `\ufeff${l}`,
  (l, r) => l.replace(/}$/, `,${r.pick(['"extra":1', '"Hop_id":"x"', '"hop_id ":"x"', '"":null', '"hop\\u005fid":"x"'])}}`),
  (l) => l.replace(/^{("[a-z_]+":("[^"]*"|[^,]*),)/, '{$1$1'),
  (l) => l.replace(/^{("[a-z_]+":)("[^"]*"|[^,]*),/, '{$1$2,$1"x",'),
];

const WHOLE_LINES = ['', ' ', '\r', '{}', '{ }', '[]', 'null', '1', '"x"', 'true', '{', '}', '{"hop_id":"x"}', '{"hop_id":"x",}'];

function randomLine(r: Rng, now: number, ctx: NormalizeContext): string {
  if (r.chance(0.01)) return r.pick(WHOLE_LINES);
  const f = randomValidHop(r, now, ctx);
  if (r.chance(0.65)) {
    const n = 1 + r.int(3);
    for (let i = 0; i < n; i++) mutate(r, f, now);
  }
  let entries = [...f];
  if (r.chance(0.3))
    entries = entries
      .map((e) => [r.next(), e] as const)
      .sort((a, b) => a[0] - b[0])
      .map(([, e]) => e);
  const ws = r.chance(0.15) ? r.pick([' ', '\t', '\r', '\n', ' \r\n ']) : '';
  let line = serialize(new Map(entries), ws);
  if (r.chance(0.2)) line = r.pick(LINE_DAMAGE)(line, r);
  if (r.chance(0.2)) line = r.pick([' ', '\t', '\r', '\r\n', '  ']) + line;
  if (r.chance(0.2)) line += r.pick([' ', '\t', '\r', '\r\n', '  ']);
  return line;
}

/**
 * The hops `npm run bench -- ingest` posts (bench/hop-generator.mjs), as generated, but moved in
 * time to yesterday: the generator dates them from 2026-11-20, beyond the 90-day retention later on.
 */
async function benchHops(count: number, seed: number): Promise<Record<string, unknown>[]> {
  // A path in a variable: the generator is plain JavaScript outside the server's TypeScript project.
  const generator = path.resolve(__dirname, '../../../../bench/hop-generator.mjs');
  const { generateHops } = (await import(pathToFileURL(generator).href)) as {
    generateHops: (count: number, seed: number) => Record<string, unknown>[];
  };
  const hops = generateHops(count, seed);
  const shift = Date.now() - DAY_MS - Date.parse(hops[0].start_time as string);
  const moved = (t: unknown) => (typeof t === 'string' ? new Date(Date.parse(t) + shift).toISOString() : t);
  return hops.map((h) => ({ ...h, start_time: moved(h.start_time), end_time: moved(h.end_time) }));
}

describe('hop times, on both paths', () => {
  /** Day 31 of the first month from now on that has 30 days or fewer: a date that does not exist. */
  function missingDay(): string {
    const now = new Date();
    for (let m = 0; ; m++) {
      const year = now.getUTCFullYear() + Math.floor((now.getUTCMonth() + m) / 12);
      const month = (now.getUTCMonth() + m) % 12;
      if (new Date(Date.UTC(year, month, 31)).getUTCMonth() !== month) return `${year}-${String(month + 1).padStart(2, '0')}-31`;
    }
  }

  it('refuses a calendar date that does not exist instead of moving it into the next month', () => {
    const day = missingDay(); // e.g. 2026-11-31, which Date.parse reads as 2026-12-01
    for (const time of [`${day}T08:00:00.000Z`, `${day}T08:00:00Z`, `${day}T09:00:00.000+01:00`]) {
      const hop = new Map(baseHop()).set('start_time', j(time));
      hop.delete('end_time');
      const text = serialize(hop);
      const general = hopSpec.toRow(JSON.parse(text), ANY_PLANT);
      const startUs = HOP_COLUMNS.findIndex((c) => c.name === 'start_time');
      const outcome = isRowError(general)
        ? general.field
        : `accepted as ${new Date((general[startUs] as number) / 1000).toISOString()}`;
      expect(outcome, time).toBe('start_time');
      expect(compare(text, ANY_PLANT).direct, time).toBe(false);
    }
  });
});
