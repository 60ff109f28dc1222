import { describe, expect, it } from 'vitest';
import { parsePlants, plantsLabel, plantsText } from './plants';

describe('plants in the people forms', () => {
  it('reads comma-separated codes, trimming blanks and empty entries', () => {
    expect(parsePlants(' P1, P2 ,,P3 ')).toEqual(['P1', 'P2', 'P3']);
    expect(parsePlants('*')).toEqual(['*']);
    expect(parsePlants('  ')).toEqual([]);
  });

  it('writes a list back as the form shows it', () => {
    expect(plantsText(['P1', 'P2'])).toBe('P1, P2');
    expect(parsePlants(plantsText(['P1', 'P2']))).toEqual(['P1', 'P2']);
  });

  it('labels "*" and an empty list (roles that see everything) as every plant', () => {
    expect(plantsLabel(['*'])).toBe('every plant');
    expect(plantsLabel([])).toBe('every plant');
    expect(plantsLabel(['P1', 'P2'])).toBe('P1, P2');
  });
});
