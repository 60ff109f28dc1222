import { describe, expect, it } from 'vitest';
import { FlatJsonScanner, JsonKind, KeyMatcher } from './flat-json';

const KEYS = ['id', 'name', 'qty', 'note', 'ok', 'gone'];
const [ID, NAME, QTY, NOTE, OK] = KEYS.map((_, i) => i);

function scanner() {
  return new FlatJsonScanner(new KeyMatcher(KEYS));
}

/** Scans `json` alone in its buffer; the scanner for inspecting what it recorded. */
function scanned(json: string) {
  const scan = scanner();
  const buf = Buffer.from(json, 'utf8');
  return { ok: scan.scan(buf, 0, buf.length), scan, buf };
}

describe('KeyMatcher', () => {
  const m = new KeyMatcher(['hop_id', 'flow', 'stage', 'status', 'unit']);
  const at = (key: string) => {
    const buf = Buffer.from(`..${key}..`, 'latin1');
    return m.match(buf, 2, 2 + key.length);
  };

  it('finds each key by its bytes, wherever it sits in the buffer', () => {
    expect(['hop_id', 'flow', 'stage', 'status', 'unit'].map(at)).toEqual([0, 1, 2, 3, 4]);
  });

  it('answers -1 for anything else: other keys, prefixes, longer keys, other case, the empty key', () => {
    for (const key of ['hop', 'hop_i', 'hop_idx', 'flows', 'Flow', 'stagE', 'statue', 'uni', '', 'x'])
      expect(at(key), key).toBe(-1);
  });

  it('matches nothing when it has no keys', () => {
    expect(new KeyMatcher([]).match(Buffer.from('a'), 0, 1)).toBe(-1);
    expect(new KeyMatcher([]).match(Buffer.alloc(0), 0, 0)).toBe(-1);
  });
});

describe('FlatJsonScanner', () => {
  it('records the kind of each key, and Absent for the keys the object does not have', () => {
    const { ok, scan } = scanned('{"id":"a1","qty":12,"note":null,"ok":true,"gone":false}');
    expect(ok).toBe(true);
    expect([...scan.kinds]).toEqual([
      JsonKind.String,
      JsonKind.Absent,
      JsonKind.Number,
      JsonKind.Null,
      JsonKind.True,
      JsonKind.False,
    ]);
  });

  it('records where string values are, as byte ranges of the buffer it was given', () => {
    const line = '{"name":"line 1 / gateway","id":"","note":"~!#$%&\'()*+,-.:;<=>?@[]^_`{|}"}';
    const buf = Buffer.from(`garbage\n${line}\nmore`, 'utf8');
    const start = 'garbage\n'.length;
    const scan = scanner();
    expect(scan.scan(buf, start, start + line.length)).toBe(true);
    expect(scan.source).toBe(buf);
    const parsed = JSON.parse(line) as Record<string, string>;
    for (const [key, i] of [
      ['name', NAME],
      ['id', ID],
      ['note', NOTE],
    ] as const) {
      expect(scan.kinds[i]).toBe(JsonKind.String);
      expect(buf.toString('utf8', scan.starts[i], scan.ends[i])).toBe(parsed[key]);
      expect(scan.text(i)).toBe(parsed[key]);
      expect(scan.length(i)).toBe(parsed[key].length);
    }
    expect(scan.starts[NAME]).toBe(start + line.indexOf('line 1'));
  });

  it('reads numbers as JSON.parse does, and records the literal', () => {
    const literals = [
      '0',
      '-0',
      '7',
      '-7',
      '12',
      '1763700000000',
      '123456789012345',
      '-123456789012345',
      '1234567890123456',
      '9007199254740993',
      '32451666879675292', // summing its digits one by one would round differently
      '-32451666879675292',
      '1763700000000123456',
      '123456789012345678901234567890',
      '1.5',
      '-1.5',
      '0.1',
      '-0.0',
      '0.30000000000000004',
      '3.141592653589793238462643',
      '1e3',
      '1E3',
      '1e+3',
      '1e-3',
      '-2.5E-7',
      '0e0',
      '1.7637e12',
      '1e308',
      '1e999',
      '-1e999',
      '1e-400',
      '-1e-400',
      '5e-324',
    ];
    for (const literal of literals) {
      const { ok, scan, buf } = scanned(`{"qty":${literal}}`);
      expect(ok, literal).toBe(true);
      expect(scan.kinds[QTY], literal).toBe(JsonKind.Number);
      expect(Object.is(scan.numbers[QTY], JSON.parse(literal)), `${literal} -> ${scan.numbers[QTY]}`).toBe(true);
      expect(buf.toString('latin1', scan.starts[QTY], scan.ends[QTY])).toBe(literal);
    }
  });

  it('accepts whitespace around and inside the object, and the empty object', () => {
    const { ok, scan } = scanned(' \t\r\n{ \t"id" \r\n: "a" ,\n"qty"\t:\t-1.5e2 , "ok" : true } \r\n\t');
    expect(ok).toBe(true);
    expect(scan.text(ID)).toBe('a');
    expect(scan.numbers[QTY]).toBe(-150);
    expect(scan.kinds[OK]).toBe(JsonKind.True);
    for (const empty of ['{}', '{ }', ' {\r\n} ', '{}\r']) {
      const s = scanned(empty);
      expect(s.ok, JSON.stringify(empty)).toBe(true);
      expect([...s.scan.kinds].every((k) => k === JsonKind.Absent)).toBe(true);
    }
  });

  it('forgets the previous object: keys it does not have are Absent again', () => {
    const scan = scanner();
    const first = Buffer.from('{"id":"a","qty":1,"note":"n"}');
    const second = Buffer.from('{"qty":2}');
    expect(scan.scan(first, 0, first.length)).toBe(true);
    expect(scan.scan(second, 0, second.length)).toBe(true);
    expect(scan.kinds[ID]).toBe(JsonKind.Absent);
    expect(scan.kinds[NOTE]).toBe(JsonKind.Absent);
    expect(scan.numbers[QTY]).toBe(2);
    expect(scan.source).toBe(second);
  });

  it('reads each object on its own whatever the key order of the objects before it (keys are predicted from the last one)', () => {
    const objects = [
      '{"id":"a","name":"n","qty":1}',
      '{"id":"b","name":"m","qty":2}', // the predicted order
      '{"qty":3,"id":"c","name":"o"}', // another order
      '{"id":"d","names":"x"}', // a longer key where "name" is predicted: unknown, refused
      '{"id":"e","nam":"x"}', // a shorter one: unknown, refused
      '{"id":"f","name":"p","qty":4,"qty":5}', // repeated where "qty" was predicted before
      '{"id":"g","name":"q"}',
      '{"name":"r","id":"h","id":"i"}',
      '{"id":"j","name":"n","qty":1}',
    ];
    const shared = scanner();
    for (const json of objects) {
      const buf = Buffer.from(json);
      const alone = scanned(json);
      const ok = shared.scan(buf, 0, buf.length);
      expect(ok, json).toBe(alone.ok);
      if (!ok) continue;
      expect([...shared.kinds], json).toEqual([...alone.scan.kinds]);
      expect(
        [...shared.starts].filter((_, i) => shared.kinds[i] !== JsonKind.Absent),
        json,
      ).toEqual([...alone.scan.starts].filter((_, i) => alone.scan.kinds[i] !== JsonKind.Absent));
    }
    expect(objects.map((o) => scanned(o).ok)).toEqual([true, true, true, false, false, false, true, false, true]);
  });

  const refused: [string, string][] = [
    ['a nested object', '{"id":{}}'],
    ['a nested object with keys', '{"id":{"qty":1}}'],
    ['an array', '{"id":[]}'],
    ['an array of strings', '{"id":["a"]}'],
    ['an escaped quote', '{"id":"a\\"b"}'],
    ['an escaped backslash', '{"id":"a\\\\b"}'],
    ['a \\n escape', '{"id":"a\\nb"}'],
    ['a \\u escape', '{"id":"\\u0041"}'],
    ['a \\/ escape', '{"id":"\\/"}'],
    ['an escape in a key', '{"\\u0069d":"a"}'],
    ['non-ASCII in a value', '{"id":"é"}'],
    ['non-ASCII in a key', '{"idé":"a"}'],
    ['U+2028 in a value', '{"id":"a\u2028b"}'],
    ['a raw tab in a value', '{"id":"a\tb"}'],
    ['a raw newline in a value', '{"id":"a\nb"}'],
    ['a raw control character', '{"id":"a\u0001b"}'],
    ['an unknown key', '{"id":"a","extra":1}'],
    ['a key in another case', '{"ID":"a"}'],
    ['the empty key', '{"":1}'],
    ['a repeated key', '{"id":"a","id":"a"}'],
    ['a repeated key with another kind', '{"qty":1,"qty":null}'],
    ['a leading zero', '{"qty":01}'],
    ['a negative leading zero', '{"qty":-01}'],
    ['two zeros', '{"qty":00}'],
    ['a bare dot', '{"qty":1.}'],
    ['a leading dot', '{"qty":.5}'],
    ['a lone minus', '{"qty":-}'],
    ['a minus and a space', '{"qty":- 1}'],
    ['a plus', '{"qty":+1}'],
    ['an empty exponent', '{"qty":1e}'],
    ['an exponent sign only', '{"qty":1e+}'],
    ['a dot before the exponent', '{"qty":1.e3}'],
    ['hexadecimal', '{"qty":0x10}'],
    ['NaN', '{"qty":NaN}'],
    ['Infinity', '{"qty":Infinity}'],
    ['-Infinity', '{"qty":-Infinity}'],
    ['two numbers', '{"qty":1 2}'],
    ['nul', '{"note":nul}'],
    ['nulll', '{"note":nulll}'],
    ['NULL', '{"note":NULL}'],
    ['tru', '{"ok":tru}'],
    ['True', '{"ok":True}'],
    ['fals', '{"ok":fals}'],
    ['falsey', '{"ok":falsey}'],
    ['undefined', '{"ok":undefined}'],
    ['a single-quoted string', '{"id":\'a\'}'],
    ['a single-quoted key', '{\'id\':"a"}'],
    ['an unquoted key', '{id:"a"}'],
    ['a missing colon', '{"id" "a"}'],
    ['a missing value', '{"id":}'],
    ['a missing comma', '{"id":"a" "qty":1}'],
    ['a double comma', '{"id":"a",,"qty":1}'],
    ['a trailing comma', '{"id":"a",}'],
    ['a leading comma', '{,"id":"a"}'],
    ['a lone comma', '{,}'],
    ['an unterminated string', '{"id":"a}'],
    ['an unterminated key', '{"id'],
    ['no closing brace', '{"id":"a"'],
    ['no closing brace after a number', '{"qty":1'],
    ['trailing garbage', '{"id":"a"}x'],
    ['a second object', '{"id":"a"}{}'],
    ['a trailing comma after the object', '{"id":"a"},'],
    ['a closing brace too many', '{"id":"a"}}'],
    ['an array of objects', '[{"id":"a"}]'],
    ['null', 'null'],
    ['a string', '"a"'],
    ['a number', '1'],
    ['nothing', ''],
    ['only whitespace', ' \r\n\t'],
    ['a byte-order mark', '\ufeff{}'],
    ['a vertical tab as whitespace', '{\u000b"id":"a"}'],
    ['a no-break space as whitespace', '{\u00a0"id":"a"}'],
    ['a form feed after the object', '{"id":"a"}\f'],
  ];

  it.each(refused)('refuses %s', (_, json) => {
    expect(scanned(json).ok).toBe(false);
  });

  it('refuses bytes that are not UTF-8', () => {
    for (const bytes of [[0xff], [0xc3], [0xc0, 0xaf], [0x80]]) {
      const buf = Buffer.concat([Buffer.from('{"id":"a'), Buffer.from(bytes), Buffer.from('"}')]);
      expect(scanner().scan(buf, 0, buf.length)).toBe(false);
    }
  });

  it('reads nothing past `end`: an object cut short is refused even when the buffer goes on to complete it', () => {
    const full = '{"id":"abc","qty":12,"note":null,"ok":true}';
    for (let cut = 0; cut < full.length; cut++) {
      const buf = Buffer.from(full);
      expect(scanner().scan(buf, 0, cut), full.slice(0, cut)).toBe(false);
    }
    // and nothing before `start`
    const buf = Buffer.from('{"id":"a",' + '"qty":1}');
    expect(scanner().scan(buf, 10, buf.length)).toBe(false);
  });
});
