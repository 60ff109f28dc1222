import { describe, expect, it } from 'vitest';
import { axisMs, durationText, isLongGap, place, treeOrder } from './waterfall';

const hop = (hopId: string, parentHopId: string, offsetMs: number, durationMs = 10) => ({
  hopId,
  parentHopId,
  stage: 's',
  startAt: '',
  offsetMs,
  durationMs,
});

describe('waterfall layout', () => {
  it('puts each hop under its parent, children by start, orphans as roots', () => {
    const rows = treeOrder([hop('c', 'a', 30), hop('b', 'a', 20), hop('a', '', 0), hop('x', 'missing', 5), hop('d', 'b', 25)]);
    expect(rows.map((r) => `${r.hop.hopId}:${r.depth}`)).toEqual(['a:0', 'b:1', 'd:2', 'c:1', 'x:0']);
  });

  it('handles a chain of thousands of hops without recursion, and cycles', () => {
    const chain = Array.from({ length: 5000 }, (_, i) => hop(`h${i}`, i ? `h${i - 1}` : '', i));
    const rows = treeOrder(chain);
    expect(rows).toHaveLength(5000);
    expect(rows[4999].depth).toBe(8);
    expect(treeOrder([hop('p', 'q', 0), hop('q', 'p', 1)]).map((r) => r.hop.hopId)).toEqual(['p', 'q']);
  });

  it('places spans on a shared axis and keeps instants visible', () => {
    const axis = axisMs([hop('a', '', 0, 40), hop('b', '', 720_000, 100)]);
    expect(axis).toBe(720_100);
    expect(place(720_000, 100, axis).left).toBeCloseTo(99.986, 2);
    expect(place(0, 0, axis).width).toBe(0.25);
  });

  it('says durations the way people read them, and points at long gaps only', () => {
    expect(durationText(350)).toBe('350 ms');
    expect(durationText(2500)).toBe('2.5 s');
    expect(durationText(720_000)).toBe('12.0 min');
    expect(durationText(-100)).toBe('-100 ms');
    expect(isLongGap(719_960, 720_100)).toBe(true);
    expect(isLongGap(40, 720_100)).toBe(false);
    expect(isLongGap(null, 100)).toBe(false);
  });
});
