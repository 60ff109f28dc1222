import { describe, expect, it } from 'vitest';
import { cursorParts, decodeCheckedCursor, UINT32_MAX } from './cursor';
import { encodeCursor } from './paging';

const refused = (f: () => unknown, field = 'after') => {
  try {
    f();
  } catch (e) {
    const err = e as { message: string; extensions: Record<string, unknown> };
    expect(err.extensions).toEqual({ code: 'BAD_USER_INPUT', field });
    expect(err.message).toBe(`${field} is not a cursor this query gave out; pass the endCursor of the previous page`);
    return;
  }
  throw new Error('not refused');
};

describe('decodeCheckedCursor', () => {
  it('gives back a cursor this query gave out', () => {
    expect(decodeCheckedCursor(encodeCursor([12.5, 'f-1']), [cursorParts.finite, cursorParts.text])).toEqual([12.5, 'f-1']);
    expect(
      decodeCheckedCursor(encodeCursor(['2024-02-29 23:59:59.123', '0b7c8e2e-6a5e-4c1e-9d7a-1b2c3d4e5f60']), [
        cursorParts.clickhouseTime,
        cursorParts.uuid,
      ]),
    ).toEqual(['2024-02-29 23:59:59.123', '0b7c8e2e-6a5e-4c1e-9d7a-1b2c3d4e5f60']);
    expect(decodeCheckedCursor(encodeCursor(['9223372036854775807', 'c']), [cursorParts.int64Digits, cursorParts.text])).toEqual([
      '9223372036854775807',
      'c',
    ]);
    expect(decodeCheckedCursor(encodeCursor([UINT32_MAX]), [cursorParts.integer(0, UINT32_MAX)])).toEqual([UINT32_MAX]);
  });

  it('refuses each element of the wrong type or out of the range it is bound as, naming the field', () => {
    const c = (key: unknown[]) => encodeCursor(key);
    refused(() => decodeCheckedCursor(c(['abc', 'x']), [cursorParts.finite, cursorParts.text]));
    refused(() => decodeCheckedCursor(c([1, { a: 1 }]), [cursorParts.finite, cursorParts.text]));
    refused(() => decodeCheckedCursor(c([1, 'x'.repeat(1025)]), [cursorParts.finite, cursorParts.text]));
    refused(() => decodeCheckedCursor(c([1.5]), [cursorParts.integer(0, 10)]));
    refused(() => decodeCheckedCursor(c([11]), [cursorParts.integer(0, 10)]));
    refused(() => decodeCheckedCursor(c([1e20]), [cursorParts.integer(0, UINT32_MAX)]));
    refused(() => decodeCheckedCursor(c(['9223372036854775808', 'x']), [cursorParts.int64Digits, cursorParts.text]));
    refused(() => decodeCheckedCursor(c([12, 'x']), [cursorParts.int64Digits, cursorParts.text]));
    refused(() => decodeCheckedCursor(c(['2024-02-30 00:00:00.000', 'x']), [cursorParts.clickhouseTime, cursorParts.text]));
    refused(() => decodeCheckedCursor(c(['2400-01-01 00:00:00', 'x']), [cursorParts.clickhouseTime, cursorParts.text]));
    refused(() => decodeCheckedCursor(c(['soon', 'x']), [cursorParts.clickhouseTime, cursorParts.text]));
    refused(() => decodeCheckedCursor(c(['2024-01-01 00:00:00', 'not-a-uuid']), [cursorParts.clickhouseTime, cursorParts.uuid]));
    refused(() => decodeCheckedCursor(c([1]), [cursorParts.finite, cursorParts.text]));
    refused(() => decodeCheckedCursor('%%%', [cursorParts.finite]));
    refused(() => decodeCheckedCursor(['a', 'b'], [cursorParts.finite]));
    refused(() => decodeCheckedCursor(c(['x']), [cursorParts.finite], 'hopsAfter'), 'hopsAfter');
  });
});
