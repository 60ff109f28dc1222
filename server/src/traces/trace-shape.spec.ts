import { describe, expect, it } from 'vitest';
import { chainOrder, missingStages, outcomeOf, shapeHop } from './trace-shape';

describe('trace shape', () => {
  it('orders stages as the chain runs, others after by name', () => {
    expect(chainOrder(['erp_posting', 'replay', 'device', 'broker', 'device', 'audit'])).toEqual([
      'device',
      'broker',
      'erp_posting',
      'audit',
      'replay',
    ]);
  });

  it('names the chain stages skipped before the last one reached, not those not reached yet', () => {
    expect(missingStages(['device', 'gateway', 'middleware'])).toEqual(['broker']);
    expect(missingStages(['device', 'gateway'])).toEqual([]);
    expect(missingStages(['erp_posting'])).toEqual(['device', 'gateway', 'broker', 'middleware', 'erp_api']);
    expect(missingStages(['replay'])).toEqual([]);
  });

  it('says posted once the ERP posting hop succeeded, even after an error', () => {
    expect(outcomeOf(true, true)).toBe('posted');
    expect(outcomeOf(true, false)).toBe('failed');
    expect(outcomeOf(false, false)).toBe('in_progress');
  });

  it('measures a hop against its parent in microseconds and flags what is wrong', () => {
    const base = { status: 'ok', attempt: 1, parent_found: 1 };
    expect(
      shapeHop(
        { ...base, parent_hop_id: 'p', start_us: 1_720_000_500, end_us: 1_720_000_750, parent_end_us: 1_000_000 },
        1_000_000_000,
      ),
    ).toEqual({
      offsetMs: 720_000.5,
      durationMs: 0.25,
      gapMs: 1_719_000.5,
      parentMissing: false,
      startsBeforeParentEnd: false,
      retry: false,
    });
    expect(shapeHop({ ...base, parent_hop_id: 'p', start_us: 900, end_us: 1000, parent_end_us: 1000 }, 0)).toMatchObject({
      gapMs: -0.1,
      startsBeforeParentEnd: true,
    });
    expect(
      shapeHop({ ...base, parent_hop_id: 'gone', parent_found: 0, start_us: 0, end_us: 0, parent_end_us: 0 }, 0),
    ).toMatchObject({
      gapMs: null,
      parentMissing: true,
    });
    expect(
      shapeHop({ ...base, parent_hop_id: '', parent_found: 0, start_us: 0, end_us: 0, parent_end_us: 0 }, 0).parentMissing,
    ).toBe(false);
    expect(shapeHop({ ...base, status: 'retry', parent_hop_id: '', start_us: 0, end_us: 0, parent_end_us: 0 }, 0).retry).toBe(
      true,
    );
    expect(shapeHop({ ...base, attempt: 3, parent_hop_id: '', start_us: 0, end_us: 0, parent_end_us: 0 }, 0).retry).toBe(true);
  });
});
