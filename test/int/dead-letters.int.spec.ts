import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import mqtt, { type MqttClient } from 'mqtt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmbeddedClickHouse } from '@syncline/clickhouse';
import { graphql, startTestApp, TEST_ADMIN_TOKEN, type TestApp } from '../support/app';
import { queryRows } from '../support/clickhouse';
import { createApiKey, postRecords } from '../support/ingest';
import { personWithSession } from '../support/people';
import { freePort } from '../support/process';
import { at } from '../support/time';

const MQTT_URL = process.env.MQTT_URL ?? 'mqtt://127.0.0.1:1883';

function mqttEnv(prefix: string) {
  return {
    MQTT_URL,
    MQTT_TOPICS: `${prefix}/plants/{plant}/lines/{line}/events,${prefix}/loose/{line}`,
    MQTT_SHARE_GROUP: `g${randomBytes(3).toString('hex')}`,
    MQTT_CLIENT_ID: `syncline-dl-${randomBytes(4).toString('hex')}`,
    MQTT_CONNECTIONS: '2',
  };
}

async function eventually<T>(read: () => Promise<T>, ok: (v: T) => boolean, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await read();
    if (ok(v) || Date.now() > deadline) return v;
    await new Promise((r) => setTimeout(r, 200));
  }
}

interface Letter {
  id: string;
  topic: string;
  plant: string;
  clientId: string;
  reasonCode: string;
  reason: string;
  payload: string;
  status: string;
  statusReason: string | null;
  statusChangedBy: string | null;
}

const LETTERS = `query($filter: DeadLetterFilterInput) {
  deadLetters(filter: $filter, first: 100) { totalCount nodes { id topic plant clientId reasonCode reason payload status statusReason statusChangedBy } }
}`;

describe('dead letters: invalid MQTT messages are kept, fixed and redelivered, or discarded', () => {
  let app: TestApp;
  let pub: MqttClient;
  const prefix = `t${randomBytes(4).toString('hex')}`;
  const env = mqttEnv(prefix);
  let support: string;
  let managerP1: string;
  const topic = (plant: string, line: string) => `${prefix}/plants/${plant}/lines/${line}/events`;

  const letters = async (credential: string, filter: Record<string, unknown> = {}) => {
    const { body } = await graphql<{ deadLetters: { totalCount: number; nodes: Letter[] } }>(
      app.url,
      LETTERS,
      { filter },
      credential,
    );
    expect(body.errors, JSON.stringify(body.errors)).toBeUndefined();
    return body.data!.deadLetters;
  };
  const events = (line: string) =>
    queryRows<{ event_id: string; plant: string; quantity: number }>(
      app.db.client,
      'SELECT event_id, plant, quantity FROM device_events FINAL WHERE line = {line:String} ORDER BY event_id',
      { line },
    );

  beforeAll(async () => {
    app = await startTestApp(env);
    pub = await mqtt.connectAsync(MQTT_URL, { clientId: `pub-${randomBytes(4).toString('hex')}` });
    support = (await personWithSession(app.url, { username: 'dl-support', role: 'it_support', plants: ['*'] })).token;
    managerP1 = (await personWithSession(app.url, { username: 'dl-manager', role: 'plant_manager', plants: ['P1'] })).token;
    const good = { event_id: 'dl-ok', event_time: at('08:00'), event_type: 'cycle_complete', quantity: 1 };
    await pub.publishAsync(topic('P1', 'DL1'), 'not json {', { qos: 1 });
    await pub.publishAsync(
      topic('P2', 'DL2'),
      JSON.stringify({ event_id: 'dl-fix', event_time: 'yesterday', event_type: 'cycle_complete', quantity: 4 }),
      { qos: 1 },
    );
    await pub.publishAsync(topic('P1', 'DL3'), JSON.stringify({ ...good, event_id: 'dl-other', plant: 'P9' }), { qos: 1 });
    await pub.publishAsync(`${prefix}/loose/DL4`, '[1, 2, 3]', { qos: 1 });
    await pub.publishAsync(topic('P1', 'DL1'), JSON.stringify(good), { qos: 1 });
  });
  afterAll(async () => {
    await pub?.endAsync();
    await app?.close();
  });

  it('keeps each invalid message with its topic, plant, reason and raw payload, and keeps consuming', async () => {
    const ok = await eventually(
      () => events('DL1'),
      (r) => r.length === 1,
    );
    expect(ok.map((r) => r.event_id)).toEqual(['dl-ok']);
    const all = await eventually(
      () => letters(TEST_ADMIN_TOKEN),
      (l) => l.totalCount === 4,
    );
    expect(all.totalCount).toBe(4);
    const byTopic = new Map(all.nodes.map((l) => [l.topic, l]));
    expect(byTopic.get(topic('P1', 'DL1'))).toMatchObject({
      plant: 'P1',
      reasonCode: 'not_json',
      payload: 'not json {',
      status: 'open',
    });
    expect(byTopic.get(topic('P1', 'DL1'))!.clientId).toMatch(new RegExp(`^${env.MQTT_CLIENT_ID}-[01]$`));
    expect(byTopic.get(topic('P2', 'DL2'))).toMatchObject({ plant: 'P2', reasonCode: 'validation', status: 'open' });
    expect(byTopic.get(topic('P2', 'DL2'))!.reason).toMatch(/event_time/);
    expect(byTopic.get(topic('P1', 'DL3'))).toMatchObject({ plant: 'P1', reasonCode: 'topic_mismatch' });
    expect(byTopic.get(`${prefix}/loose/DL4`)).toMatchObject({ plant: '', reasonCode: 'not_object', payload: '[1, 2, 3]' });

    const { body } = await graphql<{ deadLetterCounts: { source: string; reason: string; status: string; count: number }[] }>(
      app.url,
      '{ deadLetterCounts { source reason status count } }',
      undefined,
      TEST_ADMIN_TOKEN,
    );
    expect(body.data!.deadLetterCounts).toEqual([
      { source: 'mqtt', reason: 'not_json', status: 'open', count: 1 },
      { source: 'mqtt', reason: 'not_object', status: 'open', count: 1 },
      { source: 'mqtt', reason: 'topic_mismatch', status: 'open', count: 1 },
      { source: 'mqtt', reason: 'validation', status: 'open', count: 1 },
    ]);
  });

  it('shows a P1 plant manager the P1 letters only: not P2, not those without a plant', async () => {
    const mine = await letters(managerP1);
    expect(mine.nodes.map((l) => l.plant).sort()).toEqual(['P1', 'P1']);
    expect((await letters(managerP1, { plants: ['P2'] })).totalCount).toBe(0);
    const { body } = await graphql<{ deadLetterCounts: { count: number }[] }>(
      app.url,
      '{ deadLetterCounts { count } }',
      undefined,
      managerP1,
    );
    expect(body.data!.deadLetterCounts.reduce((n, c) => n + c.count, 0)).toBe(2);
    const denied = await graphql(
      app.url,
      'mutation { discardDeadLetters(target: { filter: {} }, reason: "no") { changed } }',
      undefined,
      managerP1,
    );
    expect(denied.body.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('redelivers a fixed payload through ingest validation: the event is stored, the letter marked redelivered', async () => {
    const letter = (await letters(support, { reasons: ['validation'] })).nodes[0];
    const redeliver = (payload?: string) =>
      graphql<{ redeliverDeadLetters: { redelivered: number; failed: { id: string; reason: string }[] } }>(
        app.url,
        'mutation($ids: [String!], $payload: String) { redeliverDeadLetters(target: { ids: $ids }, payload: $payload) { redelivered failed { id reason } } }',
        { ids: [letter.id], payload },
        support,
      );
    // Still invalid (the time is still not one): stays open, and the answer says why.
    const still = await redeliver(letter.payload);
    expect(still.body.data!.redeliverDeadLetters.redelivered).toBe(0);
    const failed = still.body.data!.redeliverDeadLetters.failed;
    expect(failed.map((f) => f.id)).toEqual([letter.id]);
    expect(failed[0].reason).toMatch(/event_time/);
    expect((await letters(support, { reasons: ['validation'] })).nodes[0].status).toBe('open');

    const fixed = JSON.stringify({ event_id: 'dl-fix', event_time: at('09:00'), event_type: 'cycle_complete', quantity: 4 });
    const done = await redeliver(fixed);
    expect(done.body.errors, JSON.stringify(done.body.errors)).toBeUndefined();
    expect(done.body.data!.redeliverDeadLetters).toEqual({ redelivered: 1, failed: [] });
    expect(await events('DL2')).toEqual([{ event_id: 'dl-fix', plant: 'P2', quantity: 4 }]);
    const after = (await letters(support, { reasons: ['validation'] })).nodes[0];
    expect(after).toMatchObject({
      status: 'redelivered',
      statusChangedBy: 'dl-support',
      statusReason: 'redelivered with an edited payload',
    });
    // Redelivering it again changes nothing.
    expect((await redeliver()).body.data!.redeliverDeadLetters.redelivered).toBe(0);

    // A payload that contradicts the topic is refused on redelivery just as on arrival.
    const wrong = JSON.stringify({ event_id: 'x', event_time: at('09:00'), event_type: 'cycle_complete', plant: 'P3' });
    const notJson = (await letters(support, { reasons: ['not_json'] })).nodes[0];
    const mismatch = await graphql<{ redeliverDeadLetters: { failed: { reason: string }[] } }>(
      app.url,
      'mutation($id: String!, $p: String) { redeliverDeadLetters(target: { ids: [$id] }, payload: $p) { redelivered failed { id reason } } }',
      { id: notJson.id, p: wrong },
      support,
    );
    expect(mismatch.body.data!.redeliverDeadLetters.failed[0].reason).toMatch(/differs from the topic/);
    // Without an edit, a payload that is not JSON cannot be stored: it stays open, the reason says so.
    const asIs = await graphql<{ redeliverDeadLetters: { redelivered: number; failed: { reason: string }[] } }>(
      app.url,
      'mutation { redeliverDeadLetters(target: { filter: { reasons: ["not_json"] } }) { redelivered failed { id reason } } }',
      undefined,
      support,
    );
    expect(asIs.body.data!.redeliverDeadLetters.redelivered).toBe(0);
    expect(asIs.body.data!.redeliverDeadLetters.failed[0].reason).toMatch(/not JSON/);
    // An edited payload is for one letter only.
    const many = await graphql(
      app.url,
      'mutation { redeliverDeadLetters(target: { filter: {} }, payload: "{}") { redelivered } }',
      undefined,
      support,
    );
    expect(many.body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'payload' });
  });

  it('discards exactly the letters matching the filter in the caller’s plants, with the reason required', async () => {
    const missing = await graphql(
      app.url,
      'mutation { discardDeadLetters(target: { filter: { reasons: ["topic_mismatch"] } }, reason: "  ") { changed } }',
      undefined,
      support,
    );
    expect(missing.body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'reason' });
    const { body } = await graphql<{ discardDeadLetters: { changed: number } }>(
      app.url,
      'mutation { discardDeadLetters(target: { filter: { reasons: ["topic_mismatch", "validation"] } }, reason: "test sender, fixed at the source") { changed } }',
      undefined,
      support,
    );
    // The validation letter was redelivered already: only the topic mismatch was open.
    expect(body.data!.discardDeadLetters.changed).toBe(1);
    const all = await letters(support);
    const statuses = Object.fromEntries(all.nodes.map((l) => [l.reasonCode, l.status]));
    expect(statuses).toEqual({ not_json: 'open', validation: 'redelivered', topic_mismatch: 'discarded', not_object: 'open' });
    expect(all.nodes.find((l) => l.reasonCode === 'topic_mismatch')!.statusReason).toBe('test sender, fixed at the source');
    const audit = await queryRows<{ operation: string; outcome: string }>(
      app.db.client,
      "SELECT operation, toString(outcome) AS outcome FROM audit_log WHERE actor_id = 'dl-support' AND target_type = 'dead_letters' ORDER BY at",
    );
    expect(audit.map((a) => a.operation)).toContain('redeliverDeadLetters');
    expect(audit.map((a) => a.operation)).toContain('discardDeadLetters');
  });

  it('counts dead letters by source and reason, and refused HTTP batches by key and reason', async () => {
    const key = await createApiKey(app.url, { plants: ['P1'], kinds: ['device_events'] });
    const refused = await postRecords(app.url, '/api/v1/device-events', [{ event_id: 'bad' }], { token: key.token });
    expect(refused.status).toBe(422);
    const wrongType = await postRecords(app.url, '/api/v1/device-events', [], { token: key.token, contentType: 'text/plain' });
    expect(wrongType.status).toBe(415);
    // OTLP answers in its own format, and is counted alike: this key may not send hops.
    const otlp = await fetch(`${app.url}/v1/traces`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${key.token}` },
      body: '{}',
    });
    expect(otlp.status).toBe(403);
    const metrics = await (await fetch(`${app.url}/metrics`)).text();
    expect(metrics).toMatch(
      new RegExp(`^syncline_ingest_refused_batches_total\\{key="${key.id}",reason="forbidden_kind"\\} 1$`, 'm'),
    );
    expect(metrics).toMatch(/^syncline_dead_letters_total\{source="mqtt",reason="not_json"\} 1$/m);
    expect(metrics).toMatch(/^syncline_dead_letters_total\{source="mqtt",reason="validation"\} 1$/m);
    expect(metrics).toMatch(
      new RegExp(`^syncline_ingest_refused_batches_total\\{key="${key.id}",reason="invalid_rows"\\} 1$`, 'm'),
    );
    expect(metrics).toMatch(
      new RegExp(`^syncline_ingest_refused_batches_total\\{key="${key.id}",reason="unsupported_media_type"\\} 1$`, 'm'),
    );
  });
});

describe('dead letters while ClickHouse is down', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'syncline-dl-down-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('holds an invalid message unacknowledged and keeps it as a dead letter exactly once when ClickHouse is back', async () => {
    const port = await freePort();
    let engine = await startEmbeddedClickHouse({ dataDir: dir, port });
    const prefix = `t${randomBytes(4).toString('hex')}`;
    const app = await startTestApp({ ...mqttEnv(prefix), CLICKHOUSE_URL: engine.url });
    const pub = await mqtt.connectAsync(MQTT_URL, { clientId: `pub-${randomBytes(4).toString('hex')}` });
    try {
      await engine.stop();
      await pub.publishAsync(`${prefix}/plants/P1/lines/DOWN/events`, 'held while down', { qos: 1 });
      await new Promise((r) => setTimeout(r, 1500));
      engine = await startEmbeddedClickHouse({ dataDir: dir, port });
      const { createClient } = await import('@clickhouse/client');
      const ch = createClient({ url: engine.url, database: app.syncline.config.clickhouse.database });
      const count = async () =>
        Number(
          (
            await (
              await ch.query({
                query: "SELECT count() AS n FROM dead_letters WHERE payload = 'held while down' AND reason_code = 'not_json'",
                format: 'JSONEachRow',
              })
            ).json<{ n: string }>()
          )[0].n,
        );
      expect(await eventually(count, (n) => n > 0, 30_000)).toBe(1);
      await new Promise((r) => setTimeout(r, 2000)); // a second delivery would show as a second row
      expect(await count()).toBe(1);
      await ch.close();
    } finally {
      await pub.endAsync();
      await app.close();
      await engine.stop();
    }
  });
});
