import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql, startTestApp, TEST_ADMIN_TOKEN, type TestApp } from '../support/app';
import { queryRows } from '../support/clickhouse';
import { ReconcileService } from '../../server/src/reconciliation/reconcile.service';
import { allFindings, asAdmin, deviceEvent, MIN, reconcileNow, seed, steady } from '../support/reconcile';

const silentOf = async (url: string, plant: string) =>
  (await allFindings(url, { types: ['silent_line'], plants: [plant] })).map((f) => `${f.line}:${f.status}`);

describe('silent lines, in working time only', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(async () => {
    await app?.close();
  });

  it('finds a line silent for 30 minutes of working time (around the clock by default), not one that keeps sending', async () => {
    await seed(app.url, { events: [...steady('PS1', 'LA', 120, 50), ...steady('PS1', 'LB', 120, 1)] });
    await reconcileNow(app.url);
    expect(await silentOf(app.url, 'PS1')).toEqual(['LA:open']);
    const [f] = await allFindings(app.url, { types: ['silent_line'], plants: ['PS1'] });
    expect(f.details).toMatch(/^no device events from line LA since .* UTC: (48|49|50) min of working time$/);
  });

  it('resolves the silence automatically when events resume, saying when and after how long', async () => {
    await seed(app.url, { events: [...steady('PS5', 'LA', 120, 50)] });
    await reconcileNow(app.url);
    expect(await silentOf(app.url, 'PS5')).toEqual(['LA:open']);
    await seed(app.url, { events: [deviceEvent('PS5-back', 2, { plant: 'PS5', line: 'LA', event_type: 'production_start' })] });
    await reconcileNow(app.url);
    const [f] = await allFindings(app.url, { types: ['silent_line'], plants: ['PS5'] });
    expect(f.status).toBe('resolved_auto');
    expect(f.resolution).toMatch(/^events resumed at .* UTC after 4[6-8] min of working time$/);
  });

  it('finds a line quiet for longer than the days it reads minute by minute (a 5-day overhaul), and closes it when the line comes back', async () => {
    await seed(app.url, {
      events: [deviceEvent('PS6-last', 5 * 1440, { plant: 'PS6', line: 'LA', event_type: 'production_start' })],
    });
    await reconcileNow(app.url);
    expect(await silentOf(app.url, 'PS6')).toEqual(['LA:open']);
    const [open] = await allFindings(app.url, { types: ['silent_line'], plants: ['PS6'] });
    expect(open.details).toMatch(/^no device events from line LA since .* UTC: 7(1[89]\d|200) min of working time$/);
    await seed(app.url, { events: [deviceEvent('PS6-back', 2, { plant: 'PS6', line: 'LA', event_type: 'production_start' })] });
    await reconcileNow(app.url);
    const [closed] = await allFindings(app.url, { types: ['silent_line'], plants: ['PS6'] });
    expect(closed).toMatchObject({ id: open.id, status: 'resolved_auto' });
    expect(closed.resolution).toMatch(/^events resumed at .* UTC after 7(1[89]\d|200) min of working time$/);
  });

  it("reads a planned stop's time without an offset as the plant's wall clock", async () => {
    const saved = await asAdmin<{ setPlantCalendar: { stops: { startsAt: string; endsAt: string }[] } }>(
      app.url,
      'mutation($input: PlantCalendarInput!) { setPlantCalendar(input: $input) { stops { startsAt endsAt } } }',
      {
        input: {
          plant: 'PS7',
          timezone: 'Europe/Berlin',
          silentMinutes: 30,
          shifts: [],
          stops: [{ startsAt: '2026-12-24T06:00', endsAt: '2026-12-24T14:00:00+01:00', reason: 'Christmas Eve' }],
          holidays: [],
        },
      },
    );
    expect(saved.setPlantCalendar.stops).toEqual([{ startsAt: '2026-12-24T05:00:00.000Z', endsAt: '2026-12-24T13:00:00.000Z' }]);
    const bad = await graphql(
      app.url,
      'mutation($input: PlantCalendarInput!) { setPlantCalendar(input: $input) { plant } }',
      {
        input: {
          plant: 'PS7',
          timezone: 'Europe/Berlin',
          silentMinutes: 30,
          shifts: [],
          stops: [{ startsAt: '2026-12-24', endsAt: '2026-12-25', reason: 'x' }],
          holidays: [],
        },
      },
      TEST_ADMIN_TOKEN,
    );
    expect(bad.body.errors?.[0]).toMatchObject({ extensions: { field: 'stops.0.startsAt' } });
  });

  it('is no finding when the plant\u2019s calendar says the line is not working (shifts in the plant\u2019s time zone)', async () => {
    // A single shift on a weekday three days from today (Berlin time): the last two hours are outside it.
    const short = new Intl.DateTimeFormat('en-US', { timeZone: 'Europe/Berlin', weekday: 'short' }).format(new Date());
    const berlinDay = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'].indexOf(short) + 1;
    const otherDay = ((berlinDay + 2) % 7) + 1;
    await asAdmin(app.url, 'mutation($input: PlantCalendarInput!) { setPlantCalendar(input: $input) { plant } }', {
      input: {
        plant: 'PS2',
        timezone: 'Europe/Berlin',
        silentMinutes: 30,
        shifts: [{ weekday: otherDay, start: '08:00', end: '09:00' }],
        stops: [],
        holidays: [],
      },
    });
    await seed(app.url, { events: steady('PS2', 'LA', 120, 50) });
    await reconcileNow(app.url);
    expect(await silentOf(app.url, 'PS2')).toEqual([]);
  });

  it('is no finding during a planned stop, nor on a line silenced for maintenance; the silence is audited and ends by itself', async () => {
    await asAdmin(app.url, 'mutation($input: PlantCalendarInput!) { setPlantCalendar(input: $input) { plant } }', {
      input: {
        plant: 'PS3',
        timezone: 'UTC',
        silentMinutes: 30,
        shifts: [],
        stops: [
          {
            startsAt: new Date(Date.now() - 100 * MIN).toISOString(),
            endsAt: new Date(Date.now() + 60 * MIN).toISOString(),
            reason: 'changeover',
          },
        ],
        holidays: [],
      },
    });
    const silence = await asAdmin<{ silenceLine: { id: string; endsAt: string } }>(
      app.url,
      'mutation($input: LineSilenceInput!) { silenceLine(input: $input) { id endsAt } }',
      {
        input: {
          plant: 'PS4',
          line: 'LA',
          startsAt: new Date(Date.now() - 60 * MIN).toISOString(),
          endsAt: new Date(Date.now() + 30 * MIN).toISOString(),
          reason: 'press maintenance',
        },
      },
    );
    await seed(app.url, {
      events: [...steady('PS3', 'LA', 120, 50), ...steady('PS4', 'LA', 120, 50), ...steady('PS4', 'LB', 120, 50)],
    });
    await reconcileNow(app.url);
    expect(await silentOf(app.url, 'PS3')).toEqual([]);
    expect(await silentOf(app.url, 'PS4')).toEqual(['LB:open']); // LB was not silenced
    const audit = await queryRows<{ operation: string; target_id: string }>(
      app.db.client,
      "SELECT operation, target_id FROM audit_log WHERE operation = 'silenceLine' AND toString(outcome) = 'success'",
    );
    expect(audit).toEqual([{ operation: 'silenceLine', target_id: 'PS4/LA' }]);
    const tooLong = await graphql(
      app.url,
      'mutation($input: LineSilenceInput!) { silenceLine(input: $input) { id } }',
      { input: { plant: 'PS4', line: 'LA', endsAt: new Date(Date.now() + 30 * 86_400_000).toISOString(), reason: 'forever' } },
      TEST_ADMIN_TOKEN,
    );
    expect(tooLong.body.errors![0]).toMatchObject({
      message: 'a silence lasts at most 14 days',
      extensions: { field: 'endsAt' },
    });
    const listed = await asAdmin<{ lineSilences: { id: string }[] }>(app.url, '{ lineSilences { id } }');
    expect(listed.lineSilences.map((s) => s.id)).toContain(silence.silenceLine.id);
  });

  it('as of a past moment sees the events of that minute up to that moment only, and the rest of the minute once it has passed', async () => {
    // The line's last event 40 minutes before the moment; another 20 s after the moment, in its minute.
    const asOf = Math.floor((Date.now() - 20 * MIN) / MIN) * MIN + 10_000;
    const ago = (ms: number) => (Date.now() - ms) / MIN;
    await seed(app.url, {
      events: [
        ...steady('PS9', 'LA', Math.ceil(ago(asOf - 90 * MIN)), Math.ceil(ago(asOf - 40 * MIN))),
        deviceEvent('PS9-after', ago(asOf + 20_000), { plant: 'PS9', line: 'LA', event_type: 'production_start' }),
      ],
    });
    const reconcile = app.syncline.app.get(ReconcileService);
    await reconcile.run({ kind: 'on_demand', nowMs: asOf, flows: [], silentLines: true });
    const [open] = await allFindings(app.url, { types: ['silent_line'], plants: ['PS9'] });
    expect(open).toMatchObject({ line: 'LA', status: 'open' });

    // Now: the event after that moment is seen, and the silence ended with it.
    await reconcileNow(app.url);
    const [closed] = await allFindings(app.url, { types: ['silent_line'], plants: ['PS9'] });
    expect(closed).toMatchObject({ id: open.id, status: 'resolved_auto' });
    const resumed = new Date(Math.floor((asOf + 20_000) / MIN) * MIN).toISOString().slice(0, 19).replace('T', ' ');
    expect(closed.resolution).toMatch(new RegExp(`^events resumed at ${resumed} UTC after (39|40|41) min of working time$`));
  });

  it('refuses a calendar that cannot be right, naming the field', async () => {
    const refuse = async (input: Record<string, unknown>, field: string, message: RegExp) => {
      const { body } = await graphql(
        app.url,
        'mutation($input: PlantCalendarInput!) { setPlantCalendar(input: $input) { plant } }',
        { input: { plant: 'PS9', timezone: 'UTC', silentMinutes: 30, shifts: [], stops: [], holidays: [], ...input } },
        TEST_ADMIN_TOKEN,
      );
      expect(body.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
      expect(body.errors![0].message).toMatch(message);
    };
    await refuse({ timezone: 'Mars/Olympus' }, 'timezone', /not an IANA time zone/);
    await refuse({ shifts: [{ weekday: 8, start: '06:00', end: '14:00' }] }, 'shifts.0.weekday', /1 \(Monday\) to 7 \(Sunday\)/);
    await refuse({ shifts: [{ weekday: 1, start: '25:00', end: '14:00' }] }, 'shifts.0.start', /HH:MM/);
    await refuse({ holidays: ['2026-02-30'] }, 'holidays.0', /YYYY-MM-DD/);
  });
});
