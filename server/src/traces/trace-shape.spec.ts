import { describe, expect, it } from 'vitest';
import { byteOrder, chainOrder, hopPageOf, micros, missingStages, outcomeOf, shapeHop, type StoredHop } from './trace-shape';

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

  it('reads ClickHouse time text to the microsecond', () => {
    expect(micros('2026-11-05 10:00:00.123456')).toBe(Date.UTC(2026, 10, 5, 10) * 1000 + 123_456);
    expect(micros('2026-11-05 10:00:00.5')).toBe(Date.UTC(2026, 10, 5, 10) * 1000 + 500_000);
    expect(micros('2026-11-05 10:00:00')).toBe(Date.UTC(2026, 10, 5, 10) * 1000);
  });

  it('orders strings by their UTF-8 bytes, as ClickHouse does', () => {
    const words = ['b', 'a', 'ab', '\uffff', '\u{1f600}', 'A', ''];
    const bytes = [...words].sort((x, y) => Buffer.compare(Buffer.from(x), Buffer.from(y)));
    expect([...words].sort(byteOrder)).toEqual(bytes);
    // Code units would put the emoji (a surrogate pair) before U+FFFF.
    expect(byteOrder('\u{1f600}', '\uffff')).toBeGreaterThan(0);
  });

  describe('a page of hops from their stored copies', () => {
    const hop = (id: string, start: string, over: Partial<StoredHop> = {}) => ({
      hop_id: id,
      parent_hop_id: '',
      stage: 'device',
      system: 'plc',
      status: 'ok',
      error_code: '',
      error_message: '',
      attempt: 1,
      start_time: `2026-11-05 10:00:${start}`,
      end_time: `2026-11-05 10:00:${start.replace(/^(\d\d)/, (s) => String(Number(s) + 1).padStart(2, '0'))}`,
      ingested_at: '2026-11-05 10:01:00.000',
      correlation_id: 'c-1',
      ...over,
    });

    it('keeps each hop once, as ingested last, in start then hop id order, with the total', () => {
      const page = hopPageOf(
        [
          hop('h3', '05.000000'),
          hop('h2', '02.000000', { status: 'error', ingested_at: '2026-11-05 10:01:00.000' }),
          hop('h2', '02.000000', { status: 'ok', ingested_at: '2026-11-05 10:02:00.000' }),
          hop('h1', '05.000000'),
          hop('h2', '02.000000', { status: 'retry', ingested_at: '2026-11-05 10:01:30.000' }),
        ],
        10,
        0,
      );
      expect(page.map((h) => [h.hop_id, h.status, h.total])).toEqual([
        ['h2', 'ok', 3],
        ['h1', 'ok', 3],
        ['h3', 'ok', 3],
      ]);
      expect(page[0]).toMatchObject({ start_text: '2026-11-05 10:00:02.000000', start_us: micros('2026-11-05 10:00:02.000000') });
    });

    it("finds a parent's end on another page, and says when a parent never arrived", () => {
      const copies = [
        hop('a', '01.000000'),
        hop('b', '03.250000', { parent_hop_id: 'a' }),
        hop('c', '07.000000', { parent_hop_id: 'lost' }),
      ];
      const second = hopPageOf(copies, 2, 1);
      expect(second.map((h) => h.hop_id)).toEqual(['b', 'c']);
      expect(second[0]).toMatchObject({ parent_found: true, parent_end_us: micros('2026-11-05 10:00:02.000000') });
      expect(second[1]).toMatchObject({ parent_found: false, parent_end_us: 0 });
      expect(hopPageOf(copies, 2, 3)).toEqual([]);
    });
  });
});
