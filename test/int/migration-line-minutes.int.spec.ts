import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../support/clickhouse';
import { installBefore, type OlderInstall } from '../support/upgrade';

/*
 * 20261214090000_create_line_minutes.sql: the silent-line query reads each line's event minutes from
 * `line_minutes` instead of grouping every device event. An install upgrading keeps the minutes of the
 * events it stored before, and the view adds the minutes of every event stored after: one row per
 * plant, line and minute, events without a line left out.
 */
describe('upgrading to the line minutes table', () => {
  let install: OlderInstall;
  beforeAll(async () => {
    install = await installBefore('20261214090000_create_line_minutes.sql', 'upgrade_minutes');
  });
  afterAll(async () => {
    await install?.drop();
  });

  it("keeps the minutes of the events stored before the upgrade, adds those stored after, one row per line's minute", async () => {
    const hour = Math.floor(Date.now() / 3_600_000) * 3_600_000 - 3_600_000;
    const at = (minute: number, second: number) =>
      new Date(hour + minute * 60_000 + second * 1000).toISOString().replace('T', ' ').replace('Z', '');
    const insert = (rows: [string, string, string][]) =>
      install.db.insert({
        table: 'device_events',
        values: rows.map(([event_id, line, event_time]) => ({
          event_id,
          event_time,
          plant: 'P1',
          line,
          event_type: 'cycle_complete',
          quantity: 1,
          unit: 'EA',
        })),
        format: 'JSONEachRow',
      });
    // Before: two events in minute 5 of line L1, one in minute 6, one of line L2, one with no line.
    await insert([
      ['E-1', 'L1', at(5, 1)],
      ['E-2', 'L1', at(5, 59)],
      ['E-3', 'L1', at(6, 0)],
      ['E-4', 'L2', at(5, 30)],
      ['E-5', '', at(7, 0)],
    ]);

    const result = await install.upgrade();
    expect(result.applied).toEqual(install.missing);
    // After: another in minute 6 of L1 (already there) and one in minute 9.
    await insert([
      ['E-6', 'L1', at(6, 45)],
      ['E-7', 'L1', at(9, 10)],
    ]);
    const rows = await queryRows<{ line: string; minute: string }>(
      install.db,
      'SELECT line, toString(minute) AS minute FROM line_minutes FINAL ORDER BY line, minute',
    );
    const minute = (m: number) => at(m, 0).slice(0, 19);
    expect(rows).toEqual([
      { line: 'L1', minute: minute(5) },
      { line: 'L1', minute: minute(6) },
      { line: 'L1', minute: minute(9) },
      { line: 'L2', minute: minute(5) },
    ]);
  });
});
