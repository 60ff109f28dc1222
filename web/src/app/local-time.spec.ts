import { describe, expect, it } from 'vitest';
import { fromLocalInput, toLocalInput } from './local-time';

describe('times between the URL (UTC) and a datetime-local input (the viewer zone)', () => {
  it('round-trips an instant to the minute in whatever zone the test runs', () => {
    const iso = new Date(Date.now() - 3 * 3600_000).toISOString().slice(0, 16) + ':00.000Z';
    expect(fromLocalInput(toLocalInput(iso))).toBe(iso);
  });

  it('leaves empty and unreadable values out', () => {
    expect(fromLocalInput('')).toBeUndefined();
    expect(fromLocalInput('not a time')).toBeUndefined();
    expect(toLocalInput(undefined)).toBe('');
    expect(toLocalInput('nonsense')).toBe('');
  });
});
