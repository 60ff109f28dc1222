/**
 * ClickHouse Native blocks for inserts (https://clickhouse.com/docs/interfaces/formats/Native).
 *
 * Native is columnar: each column's values lie together, so ClickHouse reads a column in one pass
 * instead of calling a deserializer per value per row. For a hop that is ~1.5 µs of the engine's CPU
 * instead of ~5 µs with RowBinary (docs/benchmarks.md, ADR 0005). It is no dearer to write here: the
 * rows arrive already validated and normalized (times as integer ticks, units resolved), and each
 * value is appended to its column's buffer instead of to one row buffer.
 *
 * A block over HTTP (no native protocol revision) is: number of columns and of rows (LEB128), then
 * per column its name, its type (Strings) and its values. Blocks are self-contained, so the blocks of
 * several requests concatenate into one insert body.
 *
 * Types are sent as the table declares them except LowCardinality(String), sent as String (also as a
 * Map key): ClickHouse builds the dictionary on insert, which costs it less than the key lookups
 * would cost here.
 */

/**
 * What a column's values are, as far as the encoder cares: LowCardinality(String) is a String,
 * DateTime64(p) its Int64 ticks, Enum8 the Int8 of its value name.
 */
export type WireType =
  | { kind: 'String' }
  | { kind: 'Float64' }
  | { kind: 'Nullable(Float64)' }
  | { kind: 'UInt8' }
  | { kind: 'UInt16' }
  | { kind: 'Int64' }
  | { kind: 'Enum8'; values: ReadonlyMap<string, number> }
  | { kind: 'Map(String, String)' };

/** A column as declared to the encoder: its name and ClickHouse type (as DESCRIBE TABLE prints it). */
export interface ColumnDecl {
  name: string;
  type: string;
}

const ENUM8 = /^Enum8\((.*)\)$/;
const ENUM_VALUE = /'((?:[^'\\]|\\.)*)'\s*=\s*(-?\d+)/g;
const LOW_CARDINALITY = /LowCardinality\(String\)/g;

/** The wire type for a ClickHouse type name; throws on a type this encoder does not write. */
export function wireType(type: string): WireType {
  const t = type.replace(/^LowCardinality\((.*)\)$/, '$1');
  if (t === 'String') return { kind: 'String' };
  if (t === 'Float64') return { kind: 'Float64' };
  if (t === 'Nullable(Float64)') return { kind: 'Nullable(Float64)' };
  if (t === 'UInt8') return { kind: 'UInt8' };
  if (t === 'UInt16') return { kind: 'UInt16' };
  if (t === 'Int64' || /^DateTime64\(\d(, '[^']+')?\)$/.test(t)) return { kind: 'Int64' };
  if (/^Map\((LowCardinality\()?String\)?, String\)$/.test(t)) return { kind: 'Map(String, String)' };
  const e = ENUM8.exec(t);
  if (e) {
    const values = new Map<string, number>();
    for (const m of e[1].matchAll(ENUM_VALUE)) values.set(m[1].replace(/\\(.)/g, '$1'), Number(m[2]));
    return { kind: 'Enum8', values };
  }
  throw new Error(`Native: no encoder for the ClickHouse type ${type}`);
}

/** The value of each name of an Enum8 type, e.g. Enum8('ok' = 1, 'error' = 2). */
export function enumValues(type: string): ReadonlyMap<string, number> {
  const t = wireType(type);
  if (t.kind !== 'Enum8') throw new Error(`${type} is not an Enum8`);
  return t.values;
}

/** The type named in the block for a column of `type`: LowCardinality(String) goes as String. */
export function nativeTypeName(type: string): string {
  wireType(type); // refuses what the encoder cannot write
  return type.replace(LOW_CARDINALITY, 'String');
}

const TWO_32 = 4294967296;

/** A growing buffer with the little-endian encodings Native blocks use. */
export class ByteWriter {
  private buf: Buffer;
  private at = 0;

  constructor(initialBytes = 1024) {
    this.buf = Buffer.allocUnsafe(Math.max(16, initialBytes));
  }

  private reserve(bytes: number): void {
    if (this.at + bytes <= this.buf.length) return;
    const next = Buffer.allocUnsafe(Math.max(this.buf.length * 2, this.at + bytes));
    this.buf.copy(next, 0, 0, this.at);
    this.buf = next;
  }

  /** LEB128, as lengths and counts are written. */
  varUInt(n: number): void {
    this.reserve(10);
    const b = this.buf;
    while (n >= 0x80) {
      b[this.at++] = (n % 0x80) | 0x80;
      n = Math.floor(n / 0x80);
    }
    b[this.at++] = n;
  }

  /** A String: its UTF-8 length (LEB128), then its UTF-8 bytes. */
  string(s: string): void {
    const len = s.length;
    this.reserve(len * 3 + 5);
    const b = this.buf;
    if (len < 128) {
      // ASCII fast path: one length byte, then the characters as bytes; no native call per value.
      let o = this.at + 1;
      let i = 0;
      for (; i < len; i++) {
        const c = s.charCodeAt(i);
        if (c >= 0x80) break;
        b[o++] = c;
      }
      if (i === len) {
        b[this.at] = len;
        this.at = o;
        return;
      }
    }
    this.varUInt(Buffer.byteLength(s, 'utf8')); // may move the bytes to a larger buffer: write to this.buf
    this.at += this.buf.write(s, this.at, 'utf8');
  }

  /** A String from bytes already known to be what the column should hold (UTF-8). */
  stringBytes(src: Buffer, start: number, end: number): void {
    const len = end - start;
    this.reserve(len + 5);
    this.varUInt(len);
    const b = this.buf;
    if (len < 64) {
      let o = this.at;
      for (let i = start; i < end; i++) b[o++] = src[i];
    } else {
      src.copy(b, this.at, start, end);
    }
    this.at += len;
  }

  float64(n: number): void {
    this.reserve(8);
    this.buf.writeDoubleLE(n, this.at);
    this.at += 8;
  }

  uint8(n: number): void {
    this.reserve(1);
    this.buf[this.at++] = n;
  }

  uint16(n: number): void {
    this.reserve(2);
    this.buf.writeUInt16LE(n, this.at);
    this.at += 2;
  }

  /** A safe integer (|n| < 2^53) as Int64 (or UInt64 when n >= 0), without BigInt. */
  int64(n: number): void {
    this.reserve(8);
    const hi = Math.floor(n / TWO_32);
    this.buf.writeUInt32LE(n - hi * TWO_32, this.at);
    this.buf.writeInt32LE(hi, this.at + 4);
    this.at += 8;
  }

  get length(): number {
    return this.at;
  }

  /** Empties the writer, keeping its buffer for the next values unless it grew past `keepBytes`. */
  reset(keepBytes: number): void {
    this.at = 0;
    if (this.buf.length > keepBytes) this.buf = Buffer.allocUnsafe(Math.max(16, keepBytes));
  }

  /** The bytes written so far (a view: valid until the next write). */
  bytes(): Buffer {
    return this.buf.subarray(0, this.at);
  }
}

/** One column of a block being written: `put` takes a value of the row shape the record specs produce. */
export interface NativeColumn {
  put(value: unknown): void;
  /** Its bytes, in order. */
  parts(): Buffer[];
  /** Empties the column for reuse (NativeEncoder.reusableBlock). */
  reset(keepBytes: number): void;
}

/** A column whose bytes are its writers' bytes, in order. */
abstract class WriterColumn implements NativeColumn {
  protected constructor(private readonly writers: readonly ByteWriter[]) {}
  abstract put(value: unknown): void;
  parts(): Buffer[] {
    return this.writers.map((w) => w.bytes());
  }
  reset(keepBytes: number): void {
    for (const w of this.writers) w.reset(keepBytes);
  }
}

export class StringColumn extends WriterColumn {
  readonly data: ByteWriter;
  constructor(rows: number) {
    const data = new ByteWriter(rows * 16);
    super([data]);
    this.data = data;
  }
  put(value: unknown): void {
    this.data.string(value as string);
  }
  /** A value from bytes already known to be valid UTF-8 for the column. */
  putBytes(src: Buffer, start: number, end: number): void {
    this.data.stringBytes(src, start, end);
  }
}

/** A column of fixed-width numbers: Float64, UInt8, UInt16, Int64 (and DateTime64 as its integer ticks). */
export class FixedColumn extends WriterColumn {
  readonly data: ByteWriter;
  private readonly writeOne: (w: ByteWriter, value: number) => void;
  constructor(rows: number, width: number, writeOne: (w: ByteWriter, value: number) => void) {
    const data = new ByteWriter(rows * width);
    super([data]);
    this.data = data;
    this.writeOne = writeOne;
  }
  put(value: unknown): void {
    this.writeOne(this.data, value as number);
  }
}

/** Nullable(Float64): a null map (1 = NULL), then a value for every row (0 for NULLs). */
export class NullableFloat64Column extends WriterColumn {
  readonly nulls: ByteWriter;
  readonly values: ByteWriter;
  constructor(rows: number) {
    const nulls = new ByteWriter(rows);
    const values = new ByteWriter(rows * 8);
    super([nulls, values]);
    this.nulls = nulls;
    this.values = values;
  }
  put(value: unknown): void {
    if (value === null) {
      this.nulls.uint8(1);
      this.values.float64(0);
    } else {
      this.nulls.uint8(0);
      this.values.float64(value as number);
    }
  }
}

/** Enum8: rows give the value's name; `putCode` takes the code itself (the direct paths). */
export class Enum8Column extends WriterColumn {
  readonly data: ByteWriter;
  private readonly column: ColumnDecl;
  private readonly values: ReadonlyMap<string, number>;
  constructor(rows: number, column: ColumnDecl, values: ReadonlyMap<string, number>) {
    const data = new ByteWriter(rows);
    super([data]);
    this.data = data;
    this.column = column;
    this.values = values;
  }
  put(value: unknown): void {
    const code = this.values.get(value as string);
    if (code === undefined)
      throw new Error(`Native: "${String(value)}" is not a value of ${this.column.name} (${this.column.type})`);
    this.putCode(code);
  }
  putCode(code: number): void {
    this.data.uint8(code & 0xff);
  }
}

/** Map(String, String) as Native lays out Array(Tuple(key, value)): end offsets (UInt64), all keys, all values. */
export class MapColumn extends WriterColumn {
  readonly offsets: ByteWriter;
  readonly keys: ByteWriter;
  readonly values: ByteWriter;
  private entries: number;
  constructor(rows: number) {
    const offsets = new ByteWriter(rows * 8);
    const keys = new ByteWriter(64);
    const values = new ByteWriter(64);
    super([offsets, keys, values]);
    this.offsets = offsets;
    this.keys = keys;
    this.values = values;
    this.entries = 0;
  }
  put(value: unknown): void {
    const m = value as Readonly<Record<string, string>>;
    for (const k of Object.keys(m)) {
      this.keys.string(k);
      this.values.string(m[k]);
      this.entries++;
    }
    this.offsets.int64(this.entries);
  }
  putEmpty(): void {
    this.offsets.int64(this.entries);
  }
  /** One row of `count` entries given as parallel key and value lists (what put writes for the same object). */
  putEntries(keys: readonly string[], values: readonly string[], count: number): void {
    for (let i = 0; i < count; i++) {
      this.keys.string(keys[i]);
      this.values.string(values[i]);
    }
    this.entries += count;
    this.offsets.int64(this.entries);
  }
  override reset(keepBytes: number): void {
    super.reset(keepBytes);
    this.entries = 0;
  }
}

function newColumn(decl: ColumnDecl, rows: number): NativeColumn {
  const t = wireType(decl.type);
  switch (t.kind) {
    case 'String':
      return new StringColumn(rows);
    case 'Float64':
      return new FixedColumn(rows, 8, (w, v) => w.float64(v));
    case 'Nullable(Float64)':
      return new NullableFloat64Column(rows);
    case 'UInt8':
      return new FixedColumn(rows, 1, (w, v) => w.uint8(v));
    case 'UInt16':
      return new FixedColumn(rows, 2, (w, v) => w.uint16(v));
    case 'Int64':
      return new FixedColumn(rows, 8, (w, v) => w.int64(v));
    case 'Enum8':
      return new Enum8Column(rows, decl, t.values);
    case 'Map(String, String)':
      return new MapColumn(rows);
  }
}

/** One block's columns as they are being written. Rows are added whole: every column, then `rows++`. */
export class NativeBlock {
  readonly columns: NativeColumn[];
  rows = 0;

  /** `rowsHint`: how many rows to size the buffers for (they grow past it). */
  constructor(
    private readonly decls: readonly ColumnDecl[],
    rowsHint = 64,
  ) {
    this.columns = decls.map((d) => newColumn(d, rowsHint));
  }

  /** Empties the block for reuse; column buffers larger than `keepBytes` are let go. */
  reset(keepBytes: number): void {
    for (const c of this.columns) c.reset(keepBytes);
    this.rows = 0;
  }

  /** Bytes written to the columns so far (a row that was not written leaves it unchanged). */
  get byteLength(): number {
    let n = 0;
    for (const c of this.columns) for (const p of c.parts()) n += p.length;
    return n;
  }

  /**
   * The block as Native bytes, or an empty buffer when it has no rows (a body may hold no block); in
   * a buffer from `pool` when one is given (the caller gives it back when the insert is done).
   */
  finish(pool?: { acquire(bytes: number): Buffer }): Buffer {
    if (this.rows === 0) return Buffer.alloc(0);
    const head = new ByteWriter(64 + this.decls.length * 48);
    head.varUInt(this.decls.length);
    head.varUInt(this.rows);
    const pieces: Buffer[] = [];
    let offset = 0;
    const headers = this.decls.map((d) => {
      const w = new ByteWriter(64);
      w.string(d.name);
      w.string(nativeTypeName(d.type));
      return w.bytes();
    });
    pieces.push(head.bytes());
    this.columns.forEach((c, i) => pieces.push(headers[i], ...c.parts()));
    for (const p of pieces) offset += p.length;
    if (!pool) return Buffer.concat(pieces, offset);
    const out = pool.acquire(offset).subarray(0, offset);
    let at = 0;
    for (const p of pieces) at += p.copy(out, at);
    return out;
  }
}

/** The rows a reusable block starts sized for, and the most bytes per column buffer it keeps between uses. */
const REUSABLE_ROWS = 4096;
const REUSABLE_KEEP_BYTES = 4 * 1024 * 1024;

/** Writes rows given as arrays in column order: into a block, or many into a new block's bytes. */
export interface NativeEncoder {
  readonly columns: readonly ColumnDecl[];
  newBlock(rowsHint?: number): NativeBlock;
  /**
   * This encoder's one reusable block, emptied: for code that fills and finishes a block without
   * yielding (finish() copies the rows out), so a busy server does not allocate and collect column
   * buffers per request. Valid until the next call.
   */
  reusableBlock(): NativeBlock;
  write(block: NativeBlock, row: readonly unknown[]): void;
  /**
   * Many rows as one block's bytes (written in the reusable block), in a buffer from `pool` when one
   * is given (see NativeBlock.finish).
   */
  encode(rows: readonly unknown[][], pool?: { acquire(bytes: number): Buffer }): Buffer;
}

/**
 * An encoder for rows given as arrays in `columns` order. Values must already have the column's
 * shape (the record specs guarantee it): strings, finite numbers, integer ticks, enum value names.
 */
export function nativeEncoder(columns: readonly ColumnDecl[]): NativeEncoder {
  columns.forEach((c) => nativeTypeName(c.type)); // refuse a type the encoder cannot write, up front
  const n = columns.length;
  const newBlock = (rowsHint?: number) => new NativeBlock(columns, rowsHint);
  let reusable: NativeBlock | undefined;
  const reusableBlock = () => {
    reusable ??= newBlock(REUSABLE_ROWS);
    reusable.reset(REUSABLE_KEEP_BYTES);
    return reusable;
  };
  const write = (block: NativeBlock, row: readonly unknown[]) => {
    const cols = block.columns;
    for (let i = 0; i < n; i++) cols[i].put(row[i]);
    block.rows++;
  };
  return {
    columns,
    newBlock,
    reusableBlock,
    write,
    encode(rows, pool) {
      const block = reusableBlock();
      for (const row of rows) write(block, row);
      return block.finish(pool);
    },
  };
}
