import { describe, expect, it } from 'vitest';
import {
  exportHref,
  filterFromParams,
  groupFilter,
  stateFromParams,
  tilesFilter,
  withFilter,
  withParams,
} from './finding-filter';
import { ACTIVE_STATUSES } from './finding-vocabulary';

// Instants relative to now, on the hour: the functions only carry them around.
const HOUR = 3600_000;
const hourStart = Math.floor(Date.now() / HOUR) * HOUR - 24 * HOUR;
const at = (ms: number) => new Date(hourStart + ms).toISOString();

describe('the findings filter in the URL', () => {
  it('shows the active statuses when the URL names none, and any status for status=all', () => {
    expect(filterFromParams(new URLSearchParams('')).statuses).toEqual([...ACTIVE_STATUSES]);
    expect(filterFromParams(new URLSearchParams('status=all')).statuses).toBeUndefined();
    expect(filterFromParams(new URLSearchParams('status=ignored,resolved_manual')).statuses).toEqual([
      'ignored',
      'resolved_manual',
    ]);
  });

  it('reads comma lists and text fields, ignoring blanks and other parameters', () => {
    const params = new URLSearchParams('type=missing_posting,%20late_posting&plant=P1,,P2&order=%20O-1%20&material=&x=1');
    expect(filterFromParams(params)).toEqual({
      types: ['missing_posting', 'late_posting'],
      plants: ['P1', 'P2'],
      orderId: 'O-1',
      statuses: [...ACTIVE_STATUSES],
    });
  });

  it('writes a filter back so a reload shows the same view, keeping sort, view and the open finding, dropping the cursor', () => {
    const current = new URLSearchParams('sort=age&dir=asc&view=groups&finding=mi_1&after=abc&type=failed_hop');
    const next = withFilter(current, {
      types: ['missing_posting'],
      statuses: [...ACTIVE_STATUSES],
      flows: [''],
      from: at(0),
    });
    expect(Object.fromEntries(next)).toEqual({
      sort: 'age',
      dir: 'asc',
      view: 'groups',
      finding: 'mi_1',
      type: 'missing_posting',
      flow: '(none)',
      from: at(0),
    });
    expect(filterFromParams(next)).toEqual({
      types: ['missing_posting'],
      statuses: [...ACTIVE_STATUSES],
      flows: [''],
      from: at(0),
    });
    expect(withFilter(current, {}).get('status')).toBe('all');
  });

  it('reads sort, direction, view, cursor and the open finding, with defaults', () => {
    expect(stateFromParams(new URLSearchParams(''))).toMatchObject({
      orderBy: 'VALUE_AT_RISK',
      descending: true,
      view: 'list',
      after: null,
      finding: null,
    });
    expect(stateFromParams(new URLSearchParams('sort=severity&dir=asc&view=groups&after=c1&finding=f1'))).toMatchObject({
      orderBy: 'SEVERITY',
      descending: false,
      view: 'groups',
      after: 'c1',
      finding: 'f1',
    });
  });

  it('keeps the page when a finding opens, and starts at page one on any other change', () => {
    const current = new URLSearchParams('after=c1');
    expect(withParams(current, { finding: 'f1' }).toString()).toBe('after=c1&finding=f1');
    expect(withParams(current, { sort: 'age' }).toString()).toBe('sort=age');
    expect(withParams(new URLSearchParams('finding=f1&view=groups'), { finding: null, view: null }).toString()).toBe('');
  });
});

describe('filters derived from the page', () => {
  it('sends the export route the same filter, as comma lists', () => {
    const href = exportHref({ types: ['missing_posting', 'late_posting'], statuses: ['open'], orderId: 'O 1' }, 'csv');
    const url = new URL(href, 'http://x');
    expect(url.pathname).toBe('/api/v1/findings/export');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      format: 'csv',
      types: 'missing_posting,late_posting',
      statuses: 'open',
      orderId: 'O 1',
    });
  });

  it('narrows a group to its type, plant, line, flow and hour, within the rest of the page filter', () => {
    const group = { type: 'silent_line', plant: 'P1', line: 'L1', flow: '', hour: at(0).replace('.000Z', 'Z') };
    expect(groupFilter(group, { statuses: ['open'], severities: ['high'] })).toEqual({
      types: ['silent_line'],
      plants: ['P1'],
      lines: ['L1'],
      flows: [''],
      statuses: ['open'],
      severities: ['high'],
      from: at(0),
      to: at(HOUR),
    });
    // A page range inside the hour keeps the narrower bound.
    const inside = groupFilter(group, { from: at(HOUR / 2), to: at(10 * HOUR) });
    expect([inside.from, inside.to]).toEqual([at(HOUR / 2), at(HOUR)]);
  });

  it('counts tiles over every type and status, within the other filters', () => {
    expect(tilesFilter({ types: ['failed_hop'], statuses: ['open'], plants: ['P1'] })).toEqual({ plants: ['P1'] });
  });
});
