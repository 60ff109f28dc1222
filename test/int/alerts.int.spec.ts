import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql, startTestApp, TEST_ADMIN_TOKEN, type TestApp } from '../support/app';
import { SmtpReceiver, WebhookReceiver } from '../support/alert-receivers';
import { hop, postRecords, refreshRollups } from '../support/ingest';
import { personWithSession } from '../support/people';

const ch = (ms: number) => new Date(ms).toISOString().replace('T', ' ').replace('Z', '');

describe('alerts to a real webhook receiver and a real SMTP server', () => {
  let app: TestApp;
  const hooks = new WebhookReceiver();
  const smtp = new SmtpReceiver();
  let serial = 0;

  async function ask<T>(query: string, variables?: Record<string, unknown>, token = TEST_ADMIN_TOKEN): Promise<T> {
    const { body } = await graphql<T>(app.url, query, variables, token);
    expect(body.errors, JSON.stringify(body.errors)).toBeUndefined();
    return body.data!;
  }
  async function channel(input: Record<string, unknown>): Promise<string> {
    const d = await ask<{ saveAlertChannel: { channelId: string } }>(
      'mutation($input: AlertChannelInput!) { saveAlertChannel(input: $input) { channelId } }',
      { input },
    );
    return d.saveAlertChannel.channelId;
  }
  async function rule(input: Record<string, unknown>): Promise<string> {
    const d = await ask<{ saveAlertRule: { ruleId: string } }>(
      'mutation($input: AlertRuleInput!) { saveAlertRule(input: $input) { ruleId } }',
      {
        input: { kind: 'finding', minSeverity: 'high', repeatSeconds: 3600, groupSeconds: 0, ...input },
      },
    );
    return d.saveAlertRule.ruleId;
  }
  const evaluate = () => ask('mutation { evaluateAlertsNow { rules firing notifications } }');
  /** Open findings of `plant`, first seen now (after the rules were made). */
  async function findings(plant: string, n: number, severity = 'critical'): Promise<string[]> {
    const ids = Array.from({ length: n }, () => `al-${plant}-${++serial}`);
    const now = Date.now();
    await app.db.client.insert({
      table: 'findings',
      format: 'JSONEachRow',
      values: ids.map((id, i) => ({
        finding_id: id,
        type: 'missing_posting',
        plant,
        line: `L${i + 1}`,
        flow: 'goods_receipt',
        value_at_risk: 100 * (i + 1),
        currency: 'EUR',
        severity,
        priority: 'critical',
        anchor_at: ch(now),
        condition_since: ch(now),
        first_seen_at: ch(now),
        last_seen_at: ch(now),
        active: 1,
        version: now,
      })),
    });
    return ids;
  }
  async function resolve(ids: string[]) {
    await app.db.client.insert({
      table: 'finding_events',
      format: 'JSONEachRow',
      values: ids.map((id) => ({
        finding_id: id,
        event_id: `${id}-r`,
        at: ch(Date.now()),
        kind: 'status',
        status: 'resolved_auto',
        actor: 'reconciliation',
        plant: id.split('-')[1], // al-<plant>-<n>: a finding's history carries its plant
      })),
    });
  }
  const history = (ruleId: string) =>
    ask<{
      alertNotifications: {
        kind: string;
        status: string;
        attempts: number;
        lastError: string;
        channelId: string;
        items: string[];
      }[];
    }>('query($r: ID) { alertNotifications(first: 100, ruleId: $r) { kind status attempts lastError channelId items } }', {
      r: ruleId,
    }).then((d) => d.alertNotifications);
  const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

  beforeAll(async () => {
    await Promise.all([hooks.start(), smtp.start()]);
    app = await startTestApp({
      ALERT_BACKOFF_MS: '100',
      ALERT_DELIVERY_ATTEMPTS: '3',
      SMTP_URL: `smtp://127.0.0.1:${smtp.port}`,
      SYNCLINE_PUBLIC_URL: 'https://syncline.plant.example',
    });
  });
  afterAll(async () => {
    await app?.close();
    await Promise.all([hooks.stop(), smtp.stop()]);
  });

  it('groups what fires into one notification, stays quiet while nothing changes, and sends resolved on its own', async () => {
    const c = await channel({ name: 'Ops generic', kind: 'webhook', format: 'generic', url: `${hooks.url}/group` });
    const r = await rule({ name: 'Critical at AG1', plants: ['AG1'], channelIds: [c] });
    const ids = await findings('AG1', 3);
    await findings('AG1', 1, 'low'); // below the rule's severity
    await evaluate();
    await expect.poll(() => hooks.at('/group').length, { timeout: 10_000 }).toBe(1);
    const firing = hooks.at('/group')[0];
    expect(firing).toMatchObject({
      source: 'syncline',
      ruleId: r,
      kind: 'firing',
      status: 'firing',
      summary: '[FIRING] Critical at AG1: 3 items',
    });
    expect((firing.items as string[]).join('\n')).toContain('missing_posting AG1/L3 goods_receipt, critical, 300 EUR at risk');
    expect(firing.link).toBe('https://syncline.plant.example/exceptions');
    await evaluate();
    await sleep(300);
    expect(hooks.at('/group')).toHaveLength(1);
    await resolve(ids);
    await evaluate();
    await expect.poll(() => hooks.at('/group').length, { timeout: 10_000 }).toBe(2);
    expect(hooks.at('/group')[1]).toMatchObject({
      kind: 'resolved',
      status: 'resolved',
      summary: '[RESOLVED] Critical at AG1: 3 items cleared',
    });
    const h = await history(r);
    expect(h.map((n) => `${n.kind}:${n.status}`).sort()).toEqual(['firing:sent', 'resolved:sent']);
  });

  it('repeats while it keeps firing, in Slack\u2019s and Teams\u2019 shapes', async () => {
    const slack = await channel({ name: 'Slack #ops', kind: 'webhook', format: 'slack', url: `${hooks.url}/slack` });
    const teams = await channel({ name: 'Teams Ops', kind: 'webhook', format: 'teams', url: `${hooks.url}/teams` });
    await rule({ name: 'Repeat at AR1', plants: ['AR1'], channelIds: [slack, teams], repeatSeconds: 1 });
    await findings('AR1', 1);
    await evaluate();
    await expect.poll(() => hooks.at('/slack').length + hooks.at('/teams').length, { timeout: 10_000 }).toBe(2);
    await sleep(1100);
    await evaluate();
    await expect.poll(() => hooks.at('/slack').length, { timeout: 10_000 }).toBe(2);
    expect(Object.keys(hooks.at('/slack')[0])).toEqual(['text']);
    expect(hooks.at('/slack')[1].text).toMatch(/^\*\[STILL FIRING\] Repeat at AR1: 1 item\*/);
    await expect.poll(() => hooks.at('/teams').length, { timeout: 10_000 }).toBe(2);
    expect(hooks.at('/teams')[0]).toMatchObject({ '@type': 'MessageCard', title: '[FIRING] Repeat at AR1: 1 item' });
  });

  it('a silence keeps a rule quiet (and says so in the history); the silence is audited and ends by itself', async () => {
    const c = await channel({ name: 'Silenced hook', kind: 'webhook', format: 'generic', url: `${hooks.url}/silenced` });
    const r = await rule({ name: 'Quiet at AS1', plants: ['AS1'], channelIds: [c] });
    const support = await personWithSession(app.url, { username: 'al-support', role: 'it_support', plants: ['AS1'] });
    const endsAt = new Date(Date.now() + 60 * 60_000).toISOString();
    const { silenceAlerts } = await ask<{ silenceAlerts: { silenceId: string; endsAt: string } }>(
      'mutation($i: AlertSilenceInput!) { silenceAlerts(input: $i) { silenceId endsAt } }',
      { i: { ruleId: r, endsAt, reason: 'line 3 maintenance' } },
      support.token,
    );
    expect(silenceAlerts.endsAt).toBe(endsAt);
    await findings('AS1', 2);
    await evaluate();
    await expect.poll(async () => (await history(r)).map((n) => n.status), { timeout: 10_000 }).toEqual(['silenced']);
    expect(hooks.at('/silenced')).toHaveLength(0);
    const { alertRules } = await ask<{
      alertRules: { ruleId: string; state: { firing: boolean; silencedUntil: string | null } }[];
    }>('{ alertRules { ruleId state { firing silencedUntil } } }');
    expect(alertRules.find((x) => x.ruleId === r)?.state).toEqual({ firing: true, silencedUntil: endsAt });
    const audit = await ask<{ auditLog: { nodes: { operation: string; actor: string }[] } }>(
      '{ auditLog(first: 50, filter: { operation: "silenceAlerts" }) { nodes { operation actor } } }',
    );
    expect(audit.auditLog.nodes).toContainEqual({ operation: 'silenceAlerts', actor: 'al-support' });
    const tooLong = await graphql(
      app.url,
      'mutation($i: AlertSilenceInput!) { silenceAlerts(input: $i) { silenceId } }',
      { i: { ruleId: r, endsAt: new Date(Date.now() + 40 * 86_400_000).toISOString(), reason: 'forever' } },
      support.token,
    );
    expect(tooLong.body.errors?.[0].message).toMatch(/at most 30 days/);
  });

  it('escalates to email when nobody acknowledges in time, and not once someone has', async () => {
    const hook = await channel({ name: 'First line', kind: 'webhook', format: 'generic', url: `${hooks.url}/first` });
    const mail = await channel({ name: 'Plant manager mail', kind: 'email', recipients: ['manager@plant.example'] });
    const escalating = { channelIds: [hook], escalationChannelIds: [mail], escalateAfterSeconds: 1 };
    await rule({ name: 'Escalate AE1', plants: ['AE1'], ...escalating });
    const acked = await rule({ name: 'Acknowledged AE2', plants: ['AE2'], ...escalating });
    await findings('AE1', 1);
    await findings('AE2', 1);
    await evaluate();
    await expect.poll(() => hooks.at('/first').length, { timeout: 10_000 }).toBe(2);
    await ask('mutation($r: ID!) { acknowledgeAlert(ruleId: $r) { acknowledgedBy } }', { r: acked });
    await sleep(1100);
    await evaluate();
    await expect.poll(() => smtp.mails.length, { timeout: 10_000 }).toBe(1);
    expect(smtp.mails[0].to).toEqual(['manager@plant.example']);
    expect(smtp.mails[0].subject).toBe('[ESCALATED] Escalate AE1: 1 item (nobody acknowledged it)');
    expect(smtp.mails[0].raw).toContain('missing_posting AE1/L1 goods_receipt');
    await evaluate();
    await sleep(300);
    expect(smtp.mails).toHaveLength(1);
  });

  it('retries a failing channel with backoff; one that keeps failing is shown with its last error', async () => {
    hooks.script('/flaky', [503, 503]);
    hooks.script('/down', [500, 500, 500, 500]);
    const flaky = await channel({ name: 'Flaky', kind: 'webhook', format: 'generic', url: `${hooks.url}/flaky` });
    const down = await channel({ name: 'Down', kind: 'webhook', format: 'generic', url: `${hooks.url}/down` });
    const r = await rule({ name: 'Retry AF1', plants: ['AF1'], channelIds: [flaky, down] });
    await findings('AF1', 1);
    await evaluate();
    await expect.poll(() => hooks.at('/flaky').length, { timeout: 15_000 }).toBe(1);
    await expect
      .poll(
        async () => (await history(r)).map((n) => `${n.channelId === flaky ? 'flaky' : 'down'}:${n.status}:${n.attempts}`).sort(),
        {
          timeout: 15_000,
        },
      )
      .toEqual(['down:failed:3', 'flaky:sent:3']);
    const { alertChannels } = await ask<{
      alertChannels: { channelId: string; lastStatus: string; lastError: string; failuresSinceSent: number }[];
    }>('{ alertChannels { channelId lastStatus lastError failuresSinceSent } }');
    expect(alertChannels.find((x) => x.channelId === down)).toMatchObject({
      lastStatus: 'failed',
      lastError: 'HTTP 500 from the webhook: receiver says no',
      failuresSinceSent: 1,
    });
  });

  it('each kind of rule covers what it says: silent lines, p95 over the SLA, refused messages, dead replays', async () => {
    const c = await channel({ name: 'Kinds', kind: 'webhook', format: 'generic', url: `${hooks.url}/kinds` });
    const now = Date.now();
    // A line silent for 40 minutes (and one for 5: under the rule's 30).
    await app.db.client.insert({
      table: 'findings',
      format: 'JSONEachRow',
      values: [40, 5].map((m, i) => ({
        finding_id: `al-silent-${i}`,
        type: 'silent_line',
        plant: 'AK1',
        line: `L${i + 1}`,
        severity: 'high',
        priority: 'standard',
        anchor_at: ch(now - m * 60_000),
        condition_since: ch(now - m * 60_000),
        first_seen_at: ch(now),
        last_seen_at: ch(now),
        active: 1,
        version: now,
      })),
    });
    // Two production confirmations at AK1 that took 20 minutes to post: over the flow's 15 min SLA.
    const hops = [0, 1].flatMap((i) =>
      ['device', 'erp_posting'].map((stage, k) =>
        hop({
          hop_id: `al-lag-${i}-${stage}`,
          correlation_id: `al-lag-${i}`,
          plant: 'AK1',
          flow: 'production_confirmation',
          stage,
          start_time: new Date(now - 25 * 60_000 + i * 1000 + k * 20 * 60_000).toISOString(),
          end_time: new Date(now - 25 * 60_000 + i * 1000 + k * 20 * 60_000 + 500).toISOString(),
        }),
      ),
    );
    expect((await postRecords(app.url, '/api/v1/hops', hops, { token: TEST_ADMIN_TOKEN })).status).toBe(200);
    await refreshRollups(app.url);
    await app.db.client.insert({
      table: 'dead_letters',
      format: 'JSONEachRow',
      values: [0, 1, 2].map((i) => ({
        letter_id: `al-dl-${i}`,
        received_at: ch(now - 60_000),
        source: 'mqtt',
        plant: 'AK1',
        kind: 'hops',
        reason_code: 'invalid_field',
        reason: 'start_time is not a time',
        status: 'open',
        status_at: ch(now),
        version: 1,
      })),
    });
    await app.db.client.insert({
      table: 'replays',
      format: 'JSONEachRow',
      values: [
        {
          replay_id: 'al-rp-1',
          version: 1,
          correlation_id: 'al-msg-1',
          flow: 'goods_receipt',
          plant: 'AK1',
          state: 'dead',
          outcome: 'HTTP 503 six times',
          attempts: 6,
          requested_at: ch(now),
          updated_at: ch(now - 60_000),
        },
      ],
    });
    const ids = {
      silent: await rule({
        name: 'Silent AK1',
        kind: 'silent_line',
        minSeverity: null,
        minutes: 30,
        plants: ['AK1'],
        channelIds: [c],
      }),
      lag: await rule({ name: 'Lag AK1', kind: 'lag_p95', minSeverity: null, minutes: 60, plants: ['AK1'], channelIds: [c] }),
      rejected: await rule({
        name: 'Refused AK1',
        kind: 'rejected_rate',
        minSeverity: null,
        minutes: 10,
        threshold: 3,
        plants: ['AK1'],
        channelIds: [c],
      }),
      tooMany: await rule({
        name: 'Refused x4 AK1',
        kind: 'rejected_rate',
        minSeverity: null,
        minutes: 10,
        threshold: 4,
        plants: ['AK1'],
        channelIds: [c],
      }),
      dead: await rule({
        name: 'Dead replays AK1',
        kind: 'replay_dead',
        minSeverity: null,
        minutes: 10,
        plants: ['AK1'],
        channelIds: [c],
      }),
    };
    await evaluate();
    const { alertRules } = await ask<{ alertRules: { ruleId: string; state: { firing: boolean; items: string[] } }[] }>(
      '{ alertRules { ruleId state { firing items } } }',
    );
    const items = (id: string) => alertRules.find((r) => r.ruleId === id)!.state.items;
    expect(items(ids.silent)).toEqual(['silent_line AK1/L1, high']);
    expect(items(ids.lag)).toEqual([
      'production_confirmation at AK1: p95 lag 1200 s over the last 60 min, above the SLA of 900 s',
    ]);
    expect(items(ids.rejected)).toEqual(['3 messages refused or dead-lettered in the last 10 min at AK1 (invalid_field)']);
    expect(items(ids.tooMany)).toEqual([]);
    expect(items(ids.dead)).toEqual(['replay of al-msg-1 (goods_receipt at AK1) died after 6 attempts: HTTP 503 six times']);
  });

  it('refuses a channel or rule that cannot work, naming the field; only an admin manages them', async () => {
    const bad = await graphql(
      app.url,
      'mutation { saveAlertChannel(input: { name: "x", kind: "webhook", url: "env:NOT_SET" }) { channelId } }',
      undefined,
      TEST_ADMIN_TOKEN,
    );
    expect(bad.body.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'url' } });
    expect(bad.body.errors?.[0].message).toMatch(/SYNCLINE_SECRET_NOT_SET is not set/);
    const noChannel = await graphql(
      app.url,
      'mutation { saveAlertRule(input: { name: "x", kind: "finding", minSeverity: "high", channelIds: ["nope"] }) { ruleId } }',
      undefined,
      TEST_ADMIN_TOKEN,
    );
    expect(noChannel.body.errors?.[0]).toMatchObject({ extensions: { field: 'channelIds' } });
    const viewer = await personWithSession(app.url, { username: 'al-viewer', role: 'viewer', plants: ['AG1'] });
    const denied = await graphql(app.url, '{ alertChannels { channelId } }', undefined, viewer.token);
    expect(denied.body.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });
});
