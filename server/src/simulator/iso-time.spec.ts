import { describe, expect, it } from 'vitest';
import { isoFromMs, timeWriter } from './iso-time';
import { Random } from './random';

describe('isoFromMs', () => {
  it('matches Date#toISOString across days, hours and milliseconds', () => {
    const r = new Random(9);
    const base = Date.UTC(2026, 0, 1);
    for (let i = 0; i < 20_000; i++) {
      const ms = base + Math.floor(r.next() * 400 * 86_400_000);
      expect(isoFromMs(ms)).toBe(new Date(ms).toISOString());
    }
    expect(isoFromMs(Date.UTC(2026, 10, 21, 23, 59, 59, 999))).toBe('2026-11-21T23:59:59.999Z');
    expect(isoFromMs(Date.UTC(2026, 10, 22))).toBe('2026-11-22T00:00:00.000Z');
  });

  it('writes epoch milliseconds when asked to', () => {
    expect(timeWriter('epoch_ms')(1_790_000_000_123)).toBe(1_790_000_000_123);
    expect(timeWriter('iso')(0)).toBe('1970-01-01T00:00:00.000Z');
  });
});
