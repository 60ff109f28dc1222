import { describe, expect, it } from 'vitest';
import { enumValues, rowBinaryEncoder, RowBinaryWriter, wireType, type ColumnDecl } from './row-binary';

const STATUS = "Enum8('ok' = 1, 'error' = 2, 'retry' = 3, 'dropped' = 4)";

/** The bytes a fresh writer (starting tiny, so it has to grow) holds after `write`. */
function bytes(write: (w: RowBinaryWriter) => void, initialBytes = 1): Buffer {
  const w = new RowBinaryWriter(initialBytes);
  write(w);
  const out = Buffer.from(w.finish());
  expect(w.length).toBe(out.length);
  return out;
}

/** LEB128, as RowBinary prefixes strings and maps with it. */
function varUInt(n: number): Buffer {
  const out: number[] = [];
  while (n >= 0x80) {
    out.push((n % 0x80) | 0x80);
    n = Math.floor(n / 0x80);
  }
  out.push(n);
  return Buffer.from(out);
}

/** A RowBinary String, written independently of the writer: length varint, then the UTF-8 bytes. */
const refString = (s: string) => Buffer.concat([varUInt(Buffer.byteLength(s, 'utf8')), Buffer.from(s, 'utf8')]);

function int64LE(n: number): Buffer {
  const b = Buffer.alloc(8);
  b.writeBigInt64LE(BigInt(n));
  return b;
}

function float64LE(n: number): Buffer {
  const b = Buffer.alloc(8);
  b.writeDoubleLE(n);
  return b;
}

describe('wireType', () => {
  it('maps each ClickHouse type the record tables use to what RowBinary writes for it', () => {
    expect(wireType('String')).toEqual({ kind: 'String' });
    expect(wireType('LowCardinality(String)')).toEqual({ kind: 'String' });
    expect(wireType('Nullable(Float64)')).toEqual({ kind: 'Nullable(Float64)' });
    expect(wireType('Float64')).toEqual({ kind: 'Float64' });
    expect(wireType('UInt8')).toEqual({ kind: 'UInt8' });
    expect(wireType('UInt16')).toEqual({ kind: 'UInt16' });
    expect(wireType("DateTime64(6, 'UTC')")).toEqual({ kind: 'Int64' });
    expect(wireType("DateTime64(3, 'UTC')")).toEqual({ kind: 'Int64' });
    expect(wireType('Map(LowCardinality(String), String)')).toEqual({ kind: 'Map(String, String)' });
    expect(wireType(STATUS)).toEqual({
      kind: 'Enum8',
      values: new Map([
        ['ok', 1],
        ['error', 2],
        ['retry', 3],
        ['dropped', 4],
      ]),
    });
  });

  it.each([
    'Int32',
    'UInt32',
    'UInt64',
    'Float32',
    'Nullable(String)',
    'LowCardinality(Nullable(String))',
    'Array(String)',
    'DateTime',
    "DateTime('UTC')",
    'Decimal(18, 3)',
    'Map(String, UInt64)',
    "Enum16('a' = 1)",
    'string',
  ])('refuses %j with a message naming the type', (type) => {
    expect(() => wireType(type)).toThrow(type);
  });
});

describe('enumValues', () => {
  it('reads the value of each name, with quotes escaped in names and negative values', () => {
    expect(enumValues("Enum8('it\\'s' = 1, 'b' = -2,'c'=3)")).toEqual(
      new Map([
        ["it's", 1],
        ['b', -2],
        ['c', 3],
      ]),
    );
    expect(enumValues(STATUS).get('dropped')).toBe(4);
  });

  it('refuses a type that is not an Enum8, naming it', () => {
    expect(() => enumValues('String')).toThrow('String');
  });
});

describe('RowBinaryWriter', () => {
  it('writes a String as its UTF-8 byte length (varint) and its bytes', () => {
    expect([...bytes((w) => w.string(''))]).toEqual([0]);
    expect([...bytes((w) => w.string('abc'))]).toEqual([3, 0x61, 0x62, 0x63]);
    expect([...bytes((w) => w.string('é'))]).toEqual([2, 0xc3, 0xa9]);
    expect([...bytes((w) => w.string('x'.repeat(127)))].slice(0, 2)).toEqual([127, 0x78]);
    expect([...bytes((w) => w.string('x'.repeat(128)))].slice(0, 3)).toEqual([0x80, 0x01, 0x78]);
    expect([...bytes((w) => w.string('x'.repeat(300)))].slice(0, 2)).toEqual([0xac, 0x02]);
    expect([...bytes((w) => w.string('x'.repeat(20_000)))].slice(0, 3)).toEqual([0xa0, 0x9c, 0x01]);
  });

  it('writes any string as the reference encoding: ASCII, non-ASCII, over 127 bytes, lone surrogates', () => {
    const strings = [
      'plc-s7',
      'Müller GmbH',
      'a€😀',
      '日本語のライン',
      'é'.repeat(64), // 64 characters, 128 bytes: a 2-byte length
      'é'.repeat(63) + 'x', // 127 bytes
      'x'.repeat(100) + 'é', // ASCII first, then not
      'x'.repeat(127) + 'é',
      'ü'.repeat(5000),
      '\u0000\u007f\u0080',
      '\ud800', // a lone surrogate, written as U+FFFD as Buffer.from does
    ];
    for (const s of strings) expect(bytes((w) => w.string(s)).equals(refString(s)), s).toBe(true);
    // one after another in the same (growing) writer
    expect(bytes((w) => strings.forEach((s) => w.string(s))).equals(Buffer.concat(strings.map(refString)))).toBe(true);
  });

  it('writes bytes given as a range of a buffer as that String', () => {
    for (const s of ['', 'abc', 'x'.repeat(63), 'y'.repeat(64), 'z'.repeat(200), 'Grüße €']) {
      const src = Buffer.from(`<<${s}>>`, 'utf8');
      const got = bytes((w) => w.stringBytes(src, 2, src.length - 2));
      expect(got.equals(refString(s)), s).toBe(true);
    }
  });

  it('writes Int64 (DateTime64 ticks) as Buffer.writeBigInt64LE does, negative and beyond 2^32 included', () => {
    const values = [
      0,
      1,
      -1,
      255,
      2 ** 31 - 1,
      2 ** 31,
      -(2 ** 31),
      -(2 ** 31) - 1,
      2 ** 32 - 1,
      2 ** 32,
      2 ** 32 + 1,
      -(2 ** 32),
      -(2 ** 32) - 1,
      1_763_700_000_000_123, // 2025-11-21 in epoch µs
      4_102_444_799_999_999, // 2099-12-31T23:59:59.999999Z
      -1_763_700_000_000_123,
      Number.MAX_SAFE_INTEGER,
      Number.MIN_SAFE_INTEGER,
    ];
    for (const n of values) expect(bytes((w) => w.int64(n)).equals(int64LE(n)), String(n)).toBe(true);
  });

  it('writes Nullable(Float64) as a null flag, then the double when there is one', () => {
    expect([...bytes((w) => w.nullableFloat64(null))]).toEqual([1]);
    for (const n of [0, -0, 1.5, -7, 12, 1e-300, Number.MAX_VALUE, 0.1]) {
      expect(bytes((w) => w.nullableFloat64(n)).equals(Buffer.concat([Buffer.from([0]), float64LE(n)])), String(n)).toBe(true);
    }
    expect([...bytes((w) => w.nullableFloat64(-0))]).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0x80]);
  });

  it('writes Float64, UInt8 and UInt16 little-endian', () => {
    expect(bytes((w) => w.float64(-2.5)).equals(float64LE(-2.5))).toBe(true);
    expect([...bytes((w) => w.uint8(4))]).toEqual([4]);
    expect([...bytes((w) => w.uint16(1))]).toEqual([1, 0]);
    expect([...bytes((w) => w.uint16(65535))]).toEqual([0xff, 0xff]);
    expect([...bytes((w) => w.uint16(258))]).toEqual([2, 1]);
  });

  it('writes a Map(String, String) as its size (varint) and each key and value as Strings', () => {
    expect([...bytes((w) => w.map({}))]).toEqual([0]);
    expect([...bytes((w) => w.emptyMap())]).toEqual([0]);
    expect([...bytes((w) => w.map({ a: 'x' }))]).toEqual([1, 1, 0x61, 1, 0x78]);
    const m = { tenant: 'acme', clé: 'valeur é', retries: '0' };
    const ref = Buffer.concat([varUInt(3), ...Object.entries(m).flatMap(([k, v]) => [refString(k), refString(v)])]);
    expect(bytes((w) => w.map(m)).equals(ref)).toBe(true);
    const big = Object.fromEntries(Array.from({ length: 200 }, (_, i) => [`k${i}`, `v${i}`]));
    expect([...bytes((w) => w.map(big))].slice(0, 2)).toEqual([0xc8, 0x01]);
  });

  it('appends: what was written stays as it was while the buffer grows', () => {
    const got = bytes((w) => {
      w.uint8(7);
      w.string('x'.repeat(1000));
      w.int64(-1);
      w.map({ k: 'v'.repeat(300) });
    });
    const ref = Buffer.concat([
      Buffer.from([7]),
      refString('x'.repeat(1000)),
      int64LE(-1),
      varUInt(1),
      refString('k'),
      refString('v'.repeat(300)),
    ]);
    expect(got.equals(ref)).toBe(true);
  });
});

describe('rowBinaryEncoder', () => {
  const columns: ColumnDecl[] = [
    { name: 'id', type: 'String' },
    { name: 'flow', type: 'LowCardinality(String)' },
    { name: 'quantity', type: 'Nullable(Float64)' },
    { name: 'amount', type: 'Float64' },
    { name: 'start_time', type: "DateTime64(6, 'UTC')" },
    { name: 'status', type: STATUS },
    { name: 'attempt', type: 'UInt16' },
    { name: 'attributes', type: 'Map(LowCardinality(String), String)' },
  ];
  const encoder = rowBinaryEncoder(columns);
  const rows = [
    ['h-1', 'goods_receipt', 12, 0, 1_763_700_000_000_123, 'retry', 2, { tenant: 'acme' }],
    ['h-é', 'scrap', null, -1.5, 1_763_700_000_000_000, 'dropped', 65535, {}],
  ];
  const manual = (w: RowBinaryWriter, row: unknown[]) => {
    w.string(row[0] as string);
    w.string(row[1] as string);
    w.nullableFloat64(row[2] as number | null);
    w.float64(row[3] as number);
    w.int64(row[4] as number);
    w.uint8(enumValues(STATUS).get(row[5] as string)!);
    w.uint16(row[6] as number);
    w.map(row[7] as Record<string, string>);
  };

  it('writes rows column by column in the declared order, rows one after another', () => {
    const expected = bytes((w) => rows.forEach((r) => manual(w, r)));
    expect(encoder.encode(rows).equals(expected)).toBe(true);
    expect(bytes((w) => rows.forEach((r) => encoder.write(w, r))).equals(expected)).toBe(true);
    expect(encoder.encode([]).length).toBe(0);
  });

  it('refuses an enum value the column does not have, naming the value and the column', () => {
    const bad = [...rows[0]];
    bad[5] = 'lost';
    expect(() => encoder.encode([bad])).toThrow(/"lost".*status/);
  });

  it('refuses, when it is built, a column type it cannot write', () => {
    expect(() => rowBinaryEncoder([{ name: 'n', type: 'Int32' }])).toThrow('Int32');
  });
});
