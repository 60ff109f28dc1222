import { describe, expect, it } from 'vitest';
import { filterFromParams, paramsFromFilter } from './audit-filter';

describe('the audit filter in the URL', () => {
  it('reads the filter fields and ignores blanks and other parameters', () => {
    const params = new URLSearchParams('actor=admin&operation=%20createUser%20&outcome=&after=abc&x=1');
    expect(filterFromParams(params)).toEqual({ actor: 'admin', operation: 'createUser' });
  });

  it('writes a filter back without empty fields, so a reload shows the same view', () => {
    const filter = { actor: 'admin', outcome: 'denied', from: '2020-01-02T03:04:00.000Z', operation: '' };
    const params = paramsFromFilter(filter);
    expect(params.toString()).toBe('actor=admin&outcome=denied&from=2020-01-02T03%3A04%3A00.000Z');
    expect(filterFromParams(params)).toEqual({ actor: 'admin', outcome: 'denied', from: '2020-01-02T03:04:00.000Z' });
  });
});
