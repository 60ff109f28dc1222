/**
 * A scanner for the common shape of an ingest record, read straight from the request bytes: one flat
 * JSON object of known keys whose values are ASCII strings without escapes, numbers, null, true or
 * false. It records where each value is instead of building a JS object, so the direct encoders
 * (records/*.direct.ts) can copy id bytes into the Native insert without JSON.parse and without a
 * string per field: the biggest share of ingest CPU before (docs/benchmarks.md).
 *
 * Anything outside that shape (nested values, escapes, non-ASCII, unknown or repeated keys, and any
 * invalid JSON) makes `scan` answer false, and the caller takes the general path: JSON.parse, the
 * ajv schema and its error messages. So the scanner never has to explain an error, only to be sure.
 */

/** What a key held, as stored in FlatJsonScanner.kinds (plain numbers: kinds is a Uint8Array). */
export const JsonKind = {
  Absent: 0,
  String: 1,
  Number: 2,
  Null: 3,
  True: 4,
  False: 5,
} as const;

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COLON = 0x3a;
const COMMA = 0x2c;
const OPEN = 0x7b;
const CLOSE = 0x7d;
const MINUS = 0x2d;
const PLUS = 0x2b;
const DOT = 0x2e;
const ZERO = 0x30;
const NINE = 0x39;

/** Whether byte `c` may be in a string of the direct shape: printable ASCII except " and \\ (as arithmetic, not a table: faster here). */
function isPlain(c: number): boolean {
  return (c - 0x20) >>> 0 < 0x60 && c !== QUOTE && c !== BACKSLASH;
}

function isWs(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0d || c === 0x0a;
}

/** Finds a key (given as bytes) among a fixed list, without making a string of it. */
export class KeyMatcher {
  private readonly byLength: number[][] = [];
  /** Each key's bytes. */
  readonly bytes: Buffer[];

  constructor(readonly keys: readonly string[]) {
    this.bytes = keys.map((k) => Buffer.from(k, 'latin1'));
    this.bytes.forEach((b, i) => (this.byLength[b.length] ??= []).push(i));
  }

  /** The index of the key buf[start, end), or -1. */
  match(buf: Buffer, start: number, end: number): number {
    const candidates = this.byLength[end - start];
    if (candidates === undefined) return -1;
    for (const i of candidates) {
      const k = this.bytes[i];
      let j = 0;
      while (j < k.length && k[j] === buf[start + j]) j++;
      if (j === k.length) return i;
    }
    return -1;
  }
}

/** The values of one scanned object, by key index; reused from record to record. */
export class FlatJsonScanner {
  readonly kinds: Uint8Array;
  /** String values: the bytes between the quotes. Numbers: the literal. */
  readonly starts: Int32Array;
  readonly ends: Int32Array;
  readonly numbers: Float64Array;
  private buf: Buffer = Buffer.alloc(0);
  /**
   * The key that followed each key (at [key + 1]; the first key at [0]) in the last record: producers
   * write their keys in one order, so a key is usually checked by comparing it with the predicted
   * one in place, instead of finding its end and then looking it up. -1: no prediction.
   */
  private readonly predicted: Int16Array;

  constructor(private readonly keys: KeyMatcher) {
    const n = keys.keys.length;
    this.predicted = new Int16Array(n + 1).fill(-1);
    this.kinds = new Uint8Array(n);
    this.starts = new Int32Array(n);
    this.ends = new Int32Array(n);
    this.numbers = new Float64Array(n);
  }

  /** The string value of key `i` (ASCII: latin1 is UTF-8 here); only for short values that need checks. */
  text(i: number): string {
    return this.buf.toString('latin1', this.starts[i], this.ends[i]);
  }

  /** Byte length (= characters: ASCII only) of the string value of key `i`. */
  length(i: number): number {
    return this.ends[i] - this.starts[i];
  }

  get source(): Buffer {
    return this.buf;
  }

  /** Scans buf[start, end) as one flat object; false if it is not in the shape described above. */
  scan(buf: Buffer, start: number, end: number): boolean {
    this.buf = buf;
    const kinds = this.kinds;
    kinds.fill(JsonKind.Absent);
    let i = start;
    while (i < end && isWs(buf[i])) i++;
    if (buf[i] !== OPEN) return false;
    i++;
    while (i < end && isWs(buf[i])) i++;
    if (buf[i] === CLOSE) return this.rest(buf, i + 1, end);
    const predicted = this.predicted;
    const keyBytes = this.keys.bytes;
    let previous = -1;
    for (;;) {
      // key: the predicted one if its bytes and a closing quote are here, else found and looked up
      if (i >= end || buf[i] !== QUOTE) return false;
      i++;
      let field = predicted[previous + 1];
      if (field >= 0) {
        const k = keyBytes[field];
        const len = k.length;
        let j = 0;
        if (i + len < end && buf[i + len] === QUOTE) while (j < len && buf[i + j] === k[j]) j++;
        if (j === len) i += len;
        else field = -1;
      }
      if (field < 0) {
        const keyStart = i;
        while (i < end && isPlain(buf[i])) i++;
        if (i >= end || buf[i] !== QUOTE) return false;
        field = this.keys.match(buf, keyStart, i);
        if (field < 0) return false;
        predicted[previous + 1] = field;
      }
      if (kinds[field] !== JsonKind.Absent) return false;
      previous = field;
      i++;
      while (i < end && isWs(buf[i])) i++;
      if (buf[i] !== COLON) return false;
      i++;
      while (i < end && isWs(buf[i])) i++;
      if (i >= end) return false;
      // value
      const c = buf[i];
      if (c === QUOTE) {
        const valueStart = ++i;
        while (i < end && isPlain(buf[i])) i++;
        if (i >= end || buf[i] !== QUOTE) return false;
        kinds[field] = JsonKind.String;
        this.starts[field] = valueStart;
        this.ends[field] = i;
        i++;
      } else if (c === MINUS || (c >= ZERO && c <= NINE)) {
        const after = this.number(buf, i, end, field);
        if (after < 0) return false;
        i = after;
      } else if (c === 0x6e /* n */ && this.literal(buf, i, end, 'null')) {
        kinds[field] = JsonKind.Null;
        i += 4;
      } else if (c === 0x74 /* t */ && this.literal(buf, i, end, 'true')) {
        kinds[field] = JsonKind.True;
        i += 4;
      } else if (c === 0x66 /* f */ && this.literal(buf, i, end, 'false')) {
        kinds[field] = JsonKind.False;
        i += 5;
      } else {
        return false;
      }
      while (i < end && isWs(buf[i])) i++;
      if (buf[i] === COMMA) {
        i++;
        while (i < end && isWs(buf[i])) i++;
        continue;
      }
      if (buf[i] === CLOSE) return this.rest(buf, i + 1, end);
      return false;
    }
  }

  /** Only whitespace may follow the object. */
  private rest(buf: Buffer, i: number, end: number): boolean {
    while (i < end && isWs(buf[i])) i++;
    return i === end;
  }

  private literal(buf: Buffer, i: number, end: number, word: string): boolean {
    if (i + word.length > end) return false;
    for (let j = 0; j < word.length; j++) if (buf[i + j] !== word.charCodeAt(j)) return false;
    return true;
  }

  /**
   * A JSON number (-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?) at buf[i]; returns the index after it, or
   * -1. Plain integers of up to 15 digits are summed exactly; anything else goes through Number(),
   * which rounds exactly as JSON.parse does.
   */
  private number(buf: Buffer, i: number, end: number, field: number): number {
    const start = i;
    let negative = false;
    if (buf[i] === MINUS) {
      negative = true;
      i++;
    }
    if (i >= end) return -1;
    let value = 0;
    let digits = 0;
    if (buf[i] === ZERO) {
      i++;
      digits = 1;
    } else {
      while (i < end && buf[i] >= ZERO && buf[i] <= NINE) {
        value = value * 10 + (buf[i] - ZERO);
        digits++;
        i++;
      }
      if (digits === 0) return -1;
    }
    let plain = digits <= 15;
    if (i < end && buf[i] === DOT) {
      plain = false;
      i++;
      const fracStart = i;
      while (i < end && buf[i] >= ZERO && buf[i] <= NINE) i++;
      if (i === fracStart) return -1;
    }
    if (i < end && (buf[i] === 0x65 || buf[i] === 0x45) /* e E */) {
      plain = false;
      i++;
      if (i < end && (buf[i] === PLUS || buf[i] === MINUS)) i++;
      const expStart = i;
      while (i < end && buf[i] >= ZERO && buf[i] <= NINE) i++;
      if (i === expStart) return -1;
    }
    // A digit right after "0" (e.g. 012) is not JSON.
    if (i < end && buf[i] >= ZERO && buf[i] <= NINE) return -1;
    this.kinds[field] = JsonKind.Number;
    this.starts[field] = start;
    this.ends[field] = i;
    this.numbers[field] = plain ? (negative ? -value : value) : Number(buf.toString('latin1', start, i));
    return i;
  }
}
