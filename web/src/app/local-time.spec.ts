import { describe, expect, it } from 'vitest';
import { fromLocalInput, toLocalInput } from './local-time';

describe('times between the URL (UTC) and a datetime-local input (the viewer zone)', () => {
  it('round-trips an instant to the minute in whatever zone the test runs', () => {
    // Three hours ago to the minute, moved back a day at a time while the zone changes its clocks within
    // two hours of it: an instant in a repeated DST hour names no single local minute.
    const offset = (ms: number) => new Date(ms).getTimezoneOffset();
    let t = Math.floor((Date.now() - 3 * 3600_000) / 60_000) * 60_000;
    while (offset(t - 2 * 3600_000) !== offset(t + 2 * 3600_000)) t -= 86_400_000;
    const iso = new Date(t).toISOString();
    expect(fromLocalInput(toLocalInput(iso))).toBe(iso);
  });

  it('leaves empty and unreadable values out', () => {
    expect(fromLocalInput('')).toBeUndefined();
    expect(fromLocalInput('not a time')).toBeUndefined();
    expect(toLocalInput(undefined)).toBe('');
    expect(toLocalInput('nonsense')).toBe('');
  });
});
