import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import { mqttPublisher } from '../../server/src/demo/demo';
import { LiveSimulator } from '../../server/src/demo/live-simulator';
import { backfill } from '../../server/src/demo/simulate.command';
import { DEFAULT_SIMULATOR_OPTIONS, type SimulatorOptions } from '../../server/src/simulator';
import { startTestApp, TEST_ADMIN_TOKEN, type TestApp } from '../support/app';
import { createTestDatabase, queryRows, type TestDatabase } from '../support/clickhouse';
import { at, recentWednesday } from '../support/time';

const HOUR = 3_600_000;
// A weekday with all three plants working: the latest Wednesday at least two days back, 08:00-14:00 UTC
// (the default calendars, in UTC, stop only at night and from Saturday to Monday 06:00).
const FROM = at('08:00', recentWednesday());
const UNTIL = FROM + 6 * HOUR;
const options: SimulatorOptions = { ...DEFAULT_SIMULATOR_OPTIONS, seed: 7 };

describe('simulator backfill into ClickHouse', () => {
  let a: TestDatabase;
  let b: TestDatabase;
  beforeAll(async () => {
    [a, b] = await Promise.all([createTestDatabase('sim'), createTestDatabase('sim')]);
  });
  afterAll(async () => {
    await Promise.all([a?.drop(), b?.drop()]);
  });

  const fingerprint = async (db: TestDatabase) =>
    queryRows<Record<string, string>>(
      db.client,
      `SELECT (SELECT count() FROM device_events FINAL) AS events, (SELECT count() FROM hops FINAL) AS hops,
              (SELECT count() FROM erp_postings FINAL) AS postings,
              (SELECT groupBitXor(cityHash64(event_id, event_time, quantity)) FROM device_events FINAL) AS events_hash,
              (SELECT groupBitXor(cityHash64(document_id, posted_at, quantity)) FROM erp_postings FINAL) AS postings_hash`,
    );

  it('enters the master data a plant admin would: calendars as shifts, standard costs, unit conversions', async () => {
    const db = await createTestDatabase('sim');
    try {
      const hourAgo = Math.floor(Date.now() / HOUR) * HOUR - HOUR;
      await backfill(db.client, options, hourAgo, hourAgo + HOUR);
      const calendars = await queryRows<{
        plant: string;
        silent_minutes: number;
        shifts: { weekday: number; start: string; end: string }[];
      }>(db.client, 'SELECT plant, silent_minutes, shifts FROM plant_calendars ORDER BY plant');
      expect(calendars.map((c) => `${c.plant}:${c.silent_minutes}`)).toEqual(['P1:25', 'P2:25', 'P3:25']);
      // P1 rests from Saturday 06:00 to Monday 06:00.
      expect(calendars[0].shifts[0]).toEqual({ weekday: 1, start: '06:00', end: '00:00' });
      expect(calendars[0].shifts.some((s) => s.weekday === 7)).toBe(false);
      const [costs] = await queryRows<{ n: number }>(
        db.client,
        "SELECT count() AS n FROM material_costs FINAL WHERE material LIKE 'FG-%'",
      );
      expect(Number(costs.n)).toBeGreaterThan(3);
      const [conversions] = await queryRows<{ n: number }>(
        db.client,
        "SELECT count() AS n FROM unit_conversions FINAL WHERE material = 'FG-1002'",
      );
      expect(Number(conversions.n)).toBe(2);
    } finally {
      await db.drop();
    }
  });

  it('writes the same records for the same seed, and what the ground truth says it injected', async () => {
    const wa = await backfill(a.client, options, FROM, UNTIL);
    await backfill(b.client, options, FROM, UNTIL);
    const [fa] = await fingerprint(a);
    expect(fa).toEqual((await fingerprint(b))[0]);
    expect(Number(fa.events)).toBe(wa.counts.deviceEvents);
    expect(Number(fa.events)).toBeGreaterThan(1000);
    expect(Number(fa.hops)).toBeGreaterThan(5 * Number(fa.events));

    const truth = await queryRows<{ fault_type: string; n: string }>(
      a.client,
      'SELECT fault_type, count() AS n FROM sim_ground_truth GROUP BY fault_type',
    );
    const byType = Object.fromEntries(truth.map((t) => [t.fault_type, Number(t.n)]));
    expect(byType.duplicate_posting).toBeGreaterThan(0);
    expect(byType.dropped_message).toBeGreaterThan(0);

    // Every injected duplicate shows as two or more postings of one device event in ClickHouse.
    const [dups] = await queryRows<{ faults: string; confirmed: string }>(
      a.client,
      `SELECT count() AS faults, countIf(p.n >= 2) AS confirmed
       FROM (SELECT device_event_id FROM sim_ground_truth WHERE fault_type = 'duplicate_posting') AS g
       LEFT JOIN (SELECT device_event_id, count() AS n FROM erp_postings FINAL WHERE reverses_document_id = '' GROUP BY device_event_id) AS p
       USING device_event_id`,
    );
    expect(Number(dups.confirmed)).toBe(Number(dups.faults));
    // Every dropped message has no posting at all.
    const [drops] = await queryRows<{ posted: string }>(
      a.client,
      `SELECT count() AS posted FROM erp_postings FINAL WHERE device_event_id IN
         (SELECT device_event_id FROM sim_ground_truth WHERE fault_type = 'dropped_message')`,
    );
    expect(Number(drops.posted)).toBe(0);
  });
});

describe('the live demo simulator through ingest', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(async () => {
    await app?.close();
  });

  it('plays recent history and then live records through the HTTP ingest API', async () => {
    // No breaks in the calendar: the test must not depend on the weekday it runs on.
    const live = new LiveSimulator(
      { ...options, seed: 11, calendars: [{ breaks: [] }] },
      app.url,
      TEST_ADMIN_TOKEN,
      pino({ level: 'silent' }),
      2 * HOUR,
      200,
    );
    live.start();
    try {
      const deadline = Date.now() + 30_000;
      while (live.sent['device-events'] === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
    } finally {
      await live.stop();
    }
    expect(live.sent['device-events']).toBeGreaterThan(0);
    const [row] = await queryRows<{ events: string; sources: string[] }>(
      app.db.client,
      'SELECT count() AS events, groupUniqArray(source) AS sources FROM device_events FINAL',
    );
    expect(Number(row.events)).toBe(live.sent['device-events']);
    expect(row.sources).toEqual(['http']);
  });
});

describe('the live demo simulator over MQTT (real Mosquitto)', () => {
  it('publishes device events to the configured topic template, and Syncline stores them from MQTT', async () => {
    const prefix = `t${randomBytes(4).toString('hex')}`;
    const template = `${prefix}/plants/{plant}/lines/{line}/events`;
    const mqttUrl = process.env.MQTT_URL ?? 'mqtt://127.0.0.1:1883';
    const app = await startTestApp({
      MQTT_URL: mqttUrl,
      MQTT_TOPICS: template,
      MQTT_SHARE_GROUP: `g${prefix}`,
      MQTT_CLIENT_ID: `syncline-${prefix}`,
      MQTT_CONNECTIONS: '4',
    });
    const publisher = await mqttPublisher(mqttUrl, template);
    const live = new LiveSimulator(
      { ...options, seed: 5, plants: 1, linesPerPlant: 1, calendars: [{ breaks: [] }] },
      app.url,
      TEST_ADMIN_TOKEN,
      pino({ level: 'silent' }),
      HOUR,
      200,
      publisher.publish,
    );
    try {
      live.start();
      const deadline = Date.now() + 30_000;
      while (live.sent['device-events'] === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
      await live.stop();
      const sent = live.sent['device-events'];
      expect(sent).toBeGreaterThan(0);
      let stored = 0;
      while (stored < sent && Date.now() < deadline + 30_000) {
        const [row] = await queryRows<{ n: string }>(
          app.db.client,
          "SELECT count() AS n FROM device_events FINAL WHERE source = 'mqtt'",
        );
        stored = Number(row.n);
        if (stored < sent) await new Promise((r) => setTimeout(r, 300));
      }
      expect(stored).toBe(sent);
    } finally {
      await live.stop();
      await publisher.close();
      await app.close();
    }
  });
});
