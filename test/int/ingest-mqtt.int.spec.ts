import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import mqtt, { type MqttClient } from 'mqtt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmbeddedClickHouse } from '@syncline/clickhouse';
import { startTestApp, type TestApp } from '../support/app';
import { queryRows } from '../support/clickhouse';
import { freePort } from '../support/process';
import { at, DAY } from '../support/time';

const MQTT_URL = process.env.MQTT_URL ?? 'mqtt://127.0.0.1:1883';

function mqttEnv(prefix: string) {
  return {
    MQTT_URL,
    MQTT_TOPICS: `${prefix}/plants/{plant}/lines/{line}/events`,
    MQTT_SHARE_GROUP: `g${randomBytes(3).toString('hex')}`,
    MQTT_CLIENT_ID: `syncline-test-${randomBytes(4).toString('hex')}`,
    MQTT_CONNECTIONS: '2',
  };
}

async function publisher(): Promise<MqttClient> {
  return mqtt.connectAsync(MQTT_URL, { clientId: `pub-${randomBytes(4).toString('hex')}` });
}

async function eventually<T>(read: () => Promise<T>, ok: (v: T) => boolean, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await read();
    if (ok(v) || Date.now() > deadline) return v;
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe('MQTT device events into ClickHouse (real Mosquitto)', () => {
  let app: TestApp;
  let pub: MqttClient;
  const prefix = `t${randomBytes(4).toString('hex')}`;

  beforeAll(async () => {
    app = await startTestApp(mqttEnv(prefix));
    pub = await publisher();
  });
  afterAll(async () => {
    await pub?.endAsync();
    await app?.close();
  });

  const events = (line: string) =>
    queryRows<{ event_id: string; plant: string; line: string; source: string; quantity: number }>(
      app.db.client,
      'SELECT event_id, plant, line, source, quantity FROM device_events FINAL WHERE line = {line:String} ORDER BY event_id',
      { line },
    );

  it('stores an event published with QoS 1, taking plant and line from the topic', async () => {
    await pub.publishAsync(
      `${prefix}/plants/P7/lines/L-A/events`,
      JSON.stringify({
        event_id: 'mq-1',
        event_time: `${DAY}T06:00:00Z`,
        event_type: 'cycle_complete',
        quantity: 3,
        unit: 'pcs',
      }),
      { qos: 1 },
    );
    const rows = await eventually(
      () => events('L-A'),
      (r) => r.length === 1,
    );
    expect(rows).toEqual([{ event_id: 'mq-1', plant: 'P7', line: 'L-A', source: 'mqtt', quantity: 3 }]);
  });

  it('stores every event of an array payload, and a redelivered message once', async () => {
    const batch = ['mq-2', 'mq-3', 'mq-4'].map((id) => ({
      event_id: id,
      event_time: at('08:00'),
      event_type: 'scrap',
      quantity: 1,
    }));
    const topic = `${prefix}/plants/P7/lines/L-B/events`;
    await pub.publishAsync(topic, JSON.stringify(batch), { qos: 1 });
    await pub.publishAsync(topic, JSON.stringify(batch), { qos: 1 });
    const rows = await eventually(
      () => events('L-B'),
      (r) => r.length === 3,
    );
    expect(rows.map((r) => r.event_id)).toEqual(['mq-2', 'mq-3', 'mq-4']);
  });

  it('acknowledges an invalid message once it is kept as a dead letter (counted), and keeps consuming', async () => {
    const topic = `${prefix}/plants/P7/lines/L-C/events`;
    await pub.publishAsync(topic, 'not json', { qos: 1 });
    await pub.publishAsync(topic, JSON.stringify({ event_id: 'mq-bad', event_time: 'yesterday', event_type: 'cycle_complete' }), {
      qos: 1,
    });
    await pub.publishAsync(
      topic,
      JSON.stringify({ event_id: 'mq-5', event_time: at('08:00'), event_type: 'downtime', plant: 'P8' }),
      { qos: 1 },
    );
    await pub.publishAsync(topic, JSON.stringify({ event_id: 'mq-6', event_time: at('08:00'), event_type: 'downtime' }), {
      qos: 1,
    });
    const rows = await eventually(
      () => events('L-C'),
      (r) => r.length === 1,
    );
    expect(rows.map((r) => r.event_id)).toEqual(['mq-6']);
    const metrics = await (await fetch(`${app.url}/metrics`)).text();
    expect(Number(/^syncline_mqtt_rejected_total (\d+)/m.exec(metrics)?.[1])).toBe(3);
  });
});

describe('MQTT while ClickHouse is down', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'syncline-mqtt-down-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('holds the message unacknowledged and stores it once ClickHouse is back: nothing is lost', async () => {
    const port = await freePort();
    let engine = await startEmbeddedClickHouse({ dataDir: dir, port });
    const prefix = `t${randomBytes(4).toString('hex')}`;
    const app = await startTestApp({ ...mqttEnv(prefix), CLICKHOUSE_URL: engine.url });
    const pub = await publisher();
    try {
      await engine.stop();
      await pub.publishAsync(
        `${prefix}/plants/P1/lines/DOWN/events`,
        JSON.stringify({ event_id: 'held-1', event_time: Date.now() - 60_000, event_type: 'cycle_complete' }),
        { qos: 1 },
      );
      await new Promise((r) => setTimeout(r, 1500));
      engine = await startEmbeddedClickHouse({ dataDir: dir, port });
      const db = app.syncline.config.clickhouse.database;
      const { createClient } = await import('@clickhouse/client');
      const ch = createClient({ url: engine.url, database: db });
      let rows: { event_id: string }[] = [];
      const deadline = Date.now() + 30_000;
      while (rows.length === 0 && Date.now() < deadline) {
        rows = await (
          await ch.query({ query: "SELECT event_id FROM device_events WHERE line = 'DOWN'", format: 'JSONEachRow' })
        ).json();
        if (!rows.length) await new Promise((r) => setTimeout(r, 300));
      }
      await ch.close();
      expect(rows).toEqual([{ event_id: 'held-1' }]);
    } finally {
      await pub.endAsync();
      await app.close();
      await engine.stop();
    }
  });

  it('leaves a message it could not store before stopping unacknowledged: after both come back it is stored exactly once', async () => {
    const port = await freePort();
    let engine = await startEmbeddedClickHouse({ dataDir: dir, port });
    const prefix = `t${randomBytes(4).toString('hex')}`;
    const env = { ...mqttEnv(prefix), CLICKHOUSE_URL: engine.url };
    const first = await startTestApp(env);
    const database = first.syncline.config.clickhouse.database;
    const pub = await publisher();
    let second: TestApp | undefined;
    try {
      await engine.stop();
      await pub.publishAsync(
        `${prefix}/plants/P1/lines/STOP/events`,
        JSON.stringify({ event_id: 'held-at-stop', event_time: Date.now() - 60_000, event_type: 'cycle_complete' }),
        { qos: 1 },
      );
      // Received and retrying against the stopped engine; then Syncline stops.
      await new Promise((r) => setTimeout(r, 1500));
      await first.close();
      engine = await startEmbeddedClickHouse({ dataDir: dir, port });
      second = await startTestApp({ ...env, CLICKHOUSE_DATABASE: database });
      const { createClient } = await import('@clickhouse/client');
      const ch = createClient({ url: engine.url, database });
      const count = async () =>
        Number(
          (
            await (
              await ch.query({ query: "SELECT count() AS n FROM device_events WHERE line = 'STOP'", format: 'JSONEachRow' })
            ).json<{ n: string }>()
          )[0].n,
        );
      const stored = await eventually(count, (n) => n > 0, 30_000);
      // A little longer: a second delivery would show as a second row.
      await new Promise((r) => setTimeout(r, 2000));
      expect(stored).toBe(1);
      expect(await count()).toBe(1);
      await ch.close();
    } finally {
      await pub.endAsync();
      await second?.close();
      await engine.stop();
    }
  });
});
