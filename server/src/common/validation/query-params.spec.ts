import { describe, expect, it } from 'vitest';
import { queryList, queryText } from './query-params';
import { timeInput } from './time-input';

describe('query parameters', () => {
  it('reads a list from commas and from a repeated key', () => {
    expect(queryList({ plants: 'A, B,,' }, 'plants')).toEqual(['A', 'B']);
    expect(queryList({ plants: ['A', 'B,C'] }, 'plants')).toEqual(['A', 'B', 'C']);
    expect(queryList({}, 'plants')).toBeUndefined();
    expect(() => queryList({ plants: { a: 'b' } }, 'plants')).toThrow(
      expect.objectContaining({ extensions: { code: 'BAD_USER_INPUT', field: 'plants' } }),
    );
  });

  it('refuses a single-valued parameter given twice, naming it', () => {
    expect(queryText({ from: 'x' }, 'from')).toBe('x');
    expect(queryText({}, 'from')).toBeUndefined();
    expect(() => queryText({ from: ['x', 'y'] }, 'from')).toThrow(
      expect.objectContaining({ message: 'from must be given once', extensions: { code: 'BAD_USER_INPUT', field: 'from' } }),
    );
  });

  it('reads an ISO time, and refuses one Date.parse cannot read instead of binding NaN', () => {
    expect(timeInput('2024-01-01T00:00:00Z', 'filter.from', 0)).toBe(1704067200000);
    expect(timeInput(undefined, 'filter.from', 7)).toBe(7);
    expect(timeInput(null, 'filter.from', null)).toBeNull();
    expect(() => timeInput('2024-W01-1', 'filter.from', 0)).toThrow(
      expect.objectContaining({ extensions: { code: 'BAD_USER_INPUT', field: 'filter.from' } }),
    );
  });
});
