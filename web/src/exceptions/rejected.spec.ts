import { describe, expect, it } from 'vitest';
import { lettersText, pivotCounts, prettyPayload, rejectedFromParams, rejectedParams } from './rejected';

describe('the rejected messages view', () => {
  it('reads status and reason from the URL, open letters by default', () => {
    expect(rejectedFromParams(new URLSearchParams('view=rejected'))).toEqual({
      filter: { statuses: ['open'] },
      status: 'open',
      reason: '',
      after: null,
    });
    expect(rejectedFromParams(new URLSearchParams('rstatus=all&rreason=not_json&rafter=c1'))).toEqual({
      filter: { reasons: ['not_json'] },
      status: 'all',
      reason: 'not_json',
      after: 'c1',
    });
    expect(rejectedFromParams(new URLSearchParams('rstatus=bogus')).status).toBe('open');
    expect(rejectedParams('open', '')).toEqual({ rstatus: null, rreason: null, rafter: null });
    expect(rejectedParams('discarded', 'validation')).toEqual({ rstatus: 'discarded', rreason: 'validation', rafter: null });
  });

  it('shows JSON indented and anything else as it came', () => {
    expect(prettyPayload('{"a":1}')).toBe('{\n  "a": 1\n}');
    expect(prettyPayload('not json {')).toBe('not json {');
  });

  it('pivots counts to a row per source and reason, most open first', () => {
    expect(
      pivotCounts([
        { source: 'mqtt', reason: 'validation', status: 'open', count: 1 },
        { source: 'mqtt', reason: 'not_json', status: 'open', count: 3 },
        { source: 'mqtt', reason: 'not_json', status: 'discarded', count: 2 },
      ]),
    ).toEqual([
      { source: 'mqtt', reason: 'not_json', open: 3, redelivered: 0, discarded: 2 },
      { source: 'mqtt', reason: 'validation', open: 1, redelivered: 0, discarded: 0 },
    ]);
    expect(lettersText(1)).toBe('1 rejected message');
    expect(lettersText(1200)).toBe('1,200 rejected messages');
  });
});
