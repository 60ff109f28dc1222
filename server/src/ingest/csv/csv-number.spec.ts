import { describe, expect, it } from 'vitest';
import { csvNumber } from './csv-ingest.service';

describe('csvNumber', () => {
  it('reads numbers with a decimal point, with or without thousands separators', () => {
    expect(csvNumber('1234.5', false)).toBe(1234.5);
    expect(csvNumber('1,234.5', false)).toBe(1234.5);
    expect(csvNumber('1,234,567', false)).toBe(1234567);
    expect(csvNumber('-12', false)).toBe(-12);
    expect(csvNumber(' 7 ', false)).toBe(7);
    expect(csvNumber('1e3', false)).toBe(1000);
  });

  it('reads numbers with a decimal comma, with or without thousands separators', () => {
    expect(csvNumber('1234,5', true)).toBe(1234.5);
    expect(csvNumber('1.234,5', true)).toBe(1234.5);
    expect(csvNumber('-0,25', true)).toBe(-0.25);
  });

  it('refuses a separator that is no thousands separator, rather than reading 1,5 as 15', () => {
    expect(csvNumber('1,5', false)).toBeNull();
    expect(csvNumber('1.5', true)).toBeNull();
    expect(csvNumber('12,34.5', false)).toBeNull();
    expect(csvNumber('1,234,5', true)).toBeNull();
    expect(csvNumber('abc', false)).toBeNull();
    expect(csvNumber('', false)).toBeNull();
    expect(csvNumber('Infinity', false)).toBeNull();
  });
});
