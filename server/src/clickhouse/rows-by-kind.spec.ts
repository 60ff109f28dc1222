import { describe, expect, it } from 'vitest';
import { rowsByKind, rowsOf } from './rows-by-kind';

describe('rowsByKind', () => {
  it('tags each query\u2019s rows with its kind, one UNION ALL branch each, and ends with the settings', () => {
    const sql = rowsByKind({ a: 'SELECT 1 AS x', b: 'SELECT 2 AS y' }, 'join_use_nulls = 0');
    expect(sql).toBe(
      "SELECT 'a' AS kind, toJSONString(tuple(*)) AS row FROM (SELECT 1 AS x)\nUNION ALL\n" +
        "SELECT 'b' AS kind, toJSONString(tuple(*)) AS row FROM (SELECT 2 AS y)\n" +
        'SETTINGS enable_named_columns_in_function_tuple = 1, join_use_nulls = 0',
    );
    expect(rowsByKind({ a: 'SELECT 1' })).toMatch(/SETTINGS enable_named_columns_in_function_tuple = 1$/);
  });

  it('refuses a kind that is not a plain word', () => {
    expect(() => rowsByKind({ "a' OR 1 = 1 --": 'SELECT 1' })).toThrow(/not a plain word/);
  });

  it('parses the rows of one kind, in the order they came', () => {
    const rows = [
      { kind: 'a', row: '{"x":1}' },
      { kind: 'b', row: '{"y":"2"}' },
      { kind: 'a', row: '{"x":3}' },
    ];
    expect(rowsOf<{ x: number }>(rows, 'a')).toEqual([{ x: 1 }, { x: 3 }]);
    expect(rowsOf(rows, 'c')).toEqual([]);
  });
});
