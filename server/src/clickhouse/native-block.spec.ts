import { describe, expect, it } from 'vitest';
import { ByteWriter, enumValues, nativeEncoder, nativeTypeName, wireType, type ColumnDecl } from './native-block';

const STATUS = "Enum8('ok' = 1, 'error' = 2, 'retry' = 3, 'dropped' = 4)";

/** The bytes a fresh writer (starting small, so it has to grow) holds after `write`. */
function bytes(write: (w: ByteWriter) => void, initialBytes = 1): Buffer {
  const w = new ByteWriter(initialBytes);
  write(w);
  const out = Buffer.from(w.bytes());
  expect(w.length).toBe(out.length);
  return out;
}

/** LEB128, as Native prefixes strings and blocks with it. */
function varUInt(n: number): Buffer {
  const out: number[] = [];
  while (n >= 0x80) {
    out.push((n % 0x80) | 0x80);
    n = Math.floor(n / 0x80);
  }
  out.push(n);
  return Buffer.from(out);
}

/** A String, written independently of the writer: length varint, then the UTF-8 bytes. */
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
  it('maps each ClickHouse type the record tables use to what the encoder writes for it', () => {
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

describe('nativeTypeName', () => {
  it('names LowCardinality(String) as String, alone and as a Map key, and every other type as declared', () => {
    expect(nativeTypeName('LowCardinality(String)')).toBe('String');
    expect(nativeTypeName('Map(LowCardinality(String), String)')).toBe('Map(String, String)');
    expect(nativeTypeName("DateTime64(6, 'UTC')")).toBe("DateTime64(6, 'UTC')");
    expect(nativeTypeName(STATUS)).toBe(STATUS);
    expect(nativeTypeName('Nullable(Float64)')).toBe('Nullable(Float64)');
  });

  it('refuses a type the encoder cannot write', () => {
    expect(() => nativeTypeName('LowCardinality(Nullable(String))')).toThrow('LowCardinality(Nullable(String))');
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

describe('ByteWriter', () => {
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

  it('writes a non-ASCII string whole when its length prefix makes the buffer grow (every fill level)', () => {
    for (const s of ['é', 'µ', 'Ä€', '😀', 'é'.repeat(40), 'x'.repeat(127) + 'é']) {
      for (let filled = 0; filled < 40; filled++) {
        const w = new ByteWriter(32);
        for (let i = 0; i < filled; i++) w.uint8(0x41);
        w.string(s);
        const expected = Buffer.concat([Buffer.alloc(filled, 0x41), refString(s)]);
        expect(w.bytes().equals(expected), `${s} after ${filled} bytes`).toBe(true);
      }
    }
  });

  it('writes bytes given as a range of a buffer as that String', () => {
    for (const s of ['', 'abc', 'x'.repeat(63), 'y'.repeat(64), 'z'.repeat(200), 'Grüße €']) {
      const src = Buffer.from(`<<${s}>>`, 'utf8');
      const got = bytes((w) => w.stringBytes(src, 2, src.length - 2));
      expect(got.equals(refString(s)), s).toBe(true);
    }
  });

  it('writes LEB128 counts, beyond 2^32 included', () => {
    for (const n of [0, 1, 127, 128, 300, 16_383, 16_384, 2 ** 31, 2 ** 32 + 5, Number.MAX_SAFE_INTEGER]) {
      expect(bytes((w) => w.varUInt(n)).equals(varUInt(n)), String(n)).toBe(true);
    }
  });

  it('writes Int64 (DateTime64 ticks, UInt64 offsets) as Buffer.writeBigInt64LE does, negative and beyond 2^32 included', () => {
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

  it('writes Float64, UInt8 and UInt16 little-endian', () => {
    expect(bytes((w) => w.float64(-2.5)).equals(float64LE(-2.5))).toBe(true);
    expect(bytes((w) => w.float64(-0)).equals(float64LE(-0))).toBe(true);
    expect([...bytes((w) => w.uint8(4))]).toEqual([4]);
    expect([...bytes((w) => w.uint16(1))]).toEqual([1, 0]);
    expect([...bytes((w) => w.uint16(65535))]).toEqual([0xff, 0xff]);
    expect([...bytes((w) => w.uint16(258))]).toEqual([2, 1]);
  });

  it('appends: what was written stays as it was while the buffer grows', () => {
    const got = bytes((w) => {
      w.uint8(7);
      w.string('x'.repeat(1000));
      w.int64(-1);
      w.stringBytes(Buffer.from('v'.repeat(300)), 0, 300);
    });
    const ref = Buffer.concat([Buffer.from([7]), refString('x'.repeat(1000)), int64LE(-1), refString('v'.repeat(300))]);
    expect(got.equals(ref)).toBe(true);
  });
});

describe('nativeEncoder', () => {
  const columns: ColumnDecl[] = [
    { name: 'id', type: 'String' },
    { name: 'flow', type: 'LowCardinality(String)' },
    { name: 'quantity', type: 'Nullable(Float64)' },
    { name: 'amount', type: 'Float64' },
    { name: 'start_time', type: "DateTime64(6, 'UTC')" },
    { name: 'status', type: STATUS },
    { name: 'attempt', type: 'UInt16' },
    { name: 'flag', type: 'UInt8' },
    { name: 'attributes', type: 'Map(LowCardinality(String), String)' },
  ];
  const encoder = nativeEncoder(columns);
  const rows = [
    ['h-1', 'goods_receipt', 12, 0, 1_763_700_000_000_123, 'retry', 2, 1, { tenant: 'acme', clé: 'valeur é' }],
    ['h-é', 'scrap', null, -1.5, 1_763_700_000_000_000, 'dropped', 65535, 0, {}],
    ['h-3', '', 0.1, 7, -1, 'ok', 1, 255, { k: 'v' }],
  ];

  /**
   * The block, written independently of the encoder from the Native layout: columns and rows (LEB128),
   * then per column its name, its type (LowCardinality(String) as String) and its values, column by column.
   */
  function reference(rs: unknown[][]): Buffer {
    const col = (i: number) => rs.map((r) => r[i]);
    const strings = (vs: unknown[]) => Buffer.concat(vs.map((v) => refString(v as string)));
    const maps = col(8) as Record<string, string>[];
    let total = 0;
    const data = [
      strings(col(0)),
      strings(col(1)),
      Buffer.concat([
        Buffer.from(col(2).map((v) => (v === null ? 1 : 0))),
        ...col(2).map((v) => float64LE(v === null ? 0 : (v as number))),
      ]),
      Buffer.concat(col(3).map((v) => float64LE(v as number))),
      Buffer.concat(col(4).map((v) => int64LE(v as number))),
      Buffer.from(col(5).map((v) => enumValues(STATUS).get(v as string)!)),
      Buffer.concat(
        col(6).map((v) => {
          const b = Buffer.alloc(2);
          b.writeUInt16LE(v as number);
          return b;
        }),
      ),
      Buffer.from(col(7) as number[]),
      Buffer.concat([
        ...maps.map((m) => int64LE((total += Object.keys(m).length))),
        strings(maps.flatMap((m) => Object.keys(m))),
        strings(maps.flatMap((m) => Object.values(m))),
      ]),
    ];
    const types = [
      'String',
      'String',
      'Nullable(Float64)',
      'Float64',
      "DateTime64(6, 'UTC')",
      STATUS,
      'UInt16',
      'UInt8',
      'Map(String, String)',
    ];
    return Buffer.concat([
      varUInt(columns.length),
      varUInt(rs.length),
      ...columns.flatMap((c, i) => [refString(c.name), refString(types[i]), data[i]]),
    ]);
  }

  it('writes a block: its size, then each column named and typed, with its values together', () => {
    expect(encoder.encode(rows).equals(reference(rows))).toBe(true);
    expect(encoder.encode([rows[1]]).equals(reference([rows[1]]))).toBe(true);
  });

  it('writes the same block row by row into buffers that start small and grow', () => {
    const many = Array.from({ length: 500 }, (_, i) => rows[i % rows.length]);
    const block = encoder.newBlock(1);
    for (const r of many) encoder.write(block, r);
    expect(block.rows).toBe(500);
    expect(block.finish().equals(reference(many))).toBe(true);
  });

  it('writes nothing for no rows: a body may hold no block', () => {
    expect(encoder.encode([]).length).toBe(0);
    expect(encoder.newBlock().byteLength).toBe(0);
  });

  it('refuses an enum value the column does not have, naming the value and the column', () => {
    const bad = [...rows[0]];
    bad[5] = 'lost';
    expect(() => encoder.encode([bad])).toThrow(/"lost".*status/);
  });

  it('refuses, when it is built, a column type it cannot write', () => {
    expect(() => nativeEncoder([{ name: 'n', type: 'Int32' }])).toThrow('Int32');
  });
});
