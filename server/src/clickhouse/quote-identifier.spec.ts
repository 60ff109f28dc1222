import { describe, expect, it } from 'vitest';
import { quoteIdentifier } from './clickhouse.service';

describe('quoteIdentifier', () => {
  it('quotes the plain identifiers record specs declare', () => {
    expect(quoteIdentifier('erp_postings')).toBe('`erp_postings`');
  });

  it('refuses anything else instead of escaping it into SQL', () => {
    for (const name of ['hops`; DROP TABLE hops', 'Hops', '1hops', 'hops.x', '']) {
      expect(() => quoteIdentifier(name)).toThrow(/not a plain identifier/);
    }
  });
});
