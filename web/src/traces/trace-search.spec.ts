import { describe, expect, it } from 'vitest';
import { filterOf, paramsOf, stateFromParams } from './trace-search';

describe('trace search in the URL', () => {
  it('reads lists, the text and the range, and ignores unknown ranges', () => {
    const s = stateFromParams(new URLSearchParams('q=ORD-1&plant=P1,P2&status=error&range=7d&after=abc&open=1'));
    expect(s).toMatchObject({ q: 'ORD-1', range: '7d', after: 'abc', open: true });
    expect(s.lists.plants).toEqual(['P1', 'P2']);
    expect(s.lists.statuses).toEqual(['error']);
    expect(stateFromParams(new URLSearchParams('range=5y')).range).toBe('');
  });

  it('turns the range into a start time and leaves empty lists out', () => {
    const s = stateFromParams(new URLSearchParams('plant=P1&range=1h'));
    const now = Date.now();
    expect(filterOf(s, now)).toEqual({ plants: ['P1'], from: new Date(now - 3_600_000).toISOString() });
    expect(filterOf(stateFromParams(new URLSearchParams('')), 0)).toEqual({});
  });

  it('writes a new search without the old cursor', () => {
    const s = stateFromParams(new URLSearchParams('q= x &line=L1&after=abc'));
    expect(paramsOf(s).toString()).toBe('q=x&line=L1');
  });
});
