import { describe, expect, it } from 'vitest';
import { fromLocalInput, toLocalInput } from './local-time';

describe('times between the URL (UTC) and a datetime-local input (the viewer zone)', () => {
  it('round-trips an instant to the minute in whatever zone the test runs', () => {
    // A fixed mid-July instant: no zone changes its clocks within weeks of it, so it names one local
    // minute everywhere (an instant in a repeated DST hour would not).
    const iso = '2026-07-15T10:37:00.000Z';
    expect(fromLocalInput(toLocalInput(iso))).toBe(iso);
  });

  it('leaves empty and unreadable values out', () => {
    expect(fromLocalInput('')).toBeUndefined();
    expect(fromLocalInput('not a time')).toBeUndefined();
    expect(toLocalInput(undefined)).toBe('');
    expect(toLocalInput('nonsense')).toBe('');
  });
});
