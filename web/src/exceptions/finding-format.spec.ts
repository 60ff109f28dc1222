import { describe, expect, it } from 'vitest';
import { ageText, findingsText, moneyText, quantitiesText } from './finding-format';
import { severitySymbol, statusLabel, typeLabel } from './finding-vocabulary';

describe('how findings read', () => {
  it('puts both sides’ quantities with their unit, and says when a side has none', () => {
    expect(quantitiesText(40, 42, 'EA')).toBe('device 40 EA · ERP 42 EA');
    expect(quantitiesText(40, null, 'EA')).toBe('device 40 EA · ERP none');
    expect(quantitiesText(null, null, '')).toBe('');
  });

  it('gives money its currency', () => {
    expect(moneyText(1234.5, 'EUR')).toMatch(/€|EUR/);
    expect(moneyText(1, 'XYZ-not-a-code')).toContain('XYZ-not-a-code');
  });

  it('writes ages in the largest sensible units', () => {
    expect([ageText(45), ageText(12 * 60), ageText(3 * 3600 + 5 * 60), ageText(2 * 86400 + 4 * 3600), ageText(3600)]).toEqual([
      '45 s',
      '12 min',
      '3 h 5 min',
      '2 d 4 h',
      '1 h',
    ]);
  });

  it('names types, statuses and severities in words, and shows unknown ones as sent', () => {
    expect(typeLabel('missing_posting')).toBe('Missing posting');
    expect(statusLabel('resolved_auto')).toBe('Resolved automatically');
    expect(typeLabel('brand_new_type')).toBe('brand_new_type');
    expect(new Set(['critical', 'high', 'medium', 'low'].map(severitySymbol)).size).toBe(4);
    expect(findingsText(1)).toBe('1 finding');
  });
});
