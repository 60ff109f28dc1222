import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql, startTestApp, TEST_ADMIN_TOKEN, type TestApp } from '../support/app';
import { WebhookReceiver } from '../support/alert-receivers';
import { personWithSession } from '../support/people';
import { allFindings, failedMessage, reconcileNow, seed } from '../support/reconcile';

interface RuleView {
  ruleId: string;
  name: string;
  plants: string[];
  state: { firing: boolean; items: string[]; acknowledgedBy: string | null };
}
interface NotificationView {
  ruleId: string;
  kind: string;
  summary: string;
  items: string[];
}

const RULES = '{ alertRules { ruleId name plants state { firing items acknowledgedBy } } }';
const NOTIFICATIONS =
  'query($r: ID, $first: Int) { alertNotifications(first: $first, ruleId: $r) { ruleId kind summary items } }';
const ACK = 'mutation($r: ID!) { acknowledgeAlert(ruleId: $r) { firing items acknowledgedBy } }';

/**
 * Alerts under plant scope (docs/alerts.md, "Who sees what"): a firing at plant PA and one at PB, found
 * by reconciliation; IT support scoped to PA sees PA's items only, cannot see or acknowledge PB's; an
 * admin still sees both.
 */
describe('alerts show a plant-scoped person only their plants', () => {
  let app: TestApp;
  const hooks = new WebhookReceiver();
  let supportA = '';
  const ids = { every: '', onlyA: '', onlyB: '' };

  async function ask<T>(query: string, variables: Record<string, unknown> = {}, token = TEST_ADMIN_TOKEN): Promise<T> {
    const { body } = await graphql<T>(app.url, query, variables, token);
    expect(body.errors, JSON.stringify(body.errors)).toBeUndefined();
    return body.data!;
  }
  const rules = (token: string) => ask<{ alertRules: RuleView[] }>(RULES, {}, token).then((d) => d.alertRules);
  const rule = async (id: string, token: string) => (await rules(token)).find((r) => r.ruleId === id);
  const history = (token: string, ruleId?: string, first = 100) =>
    ask<{ alertNotifications: NotificationView[] }>(NOTIFICATIONS, { r: ruleId, first }, token).then((d) => d.alertNotifications);
  const errorOf = async (query: string, variables: Record<string, unknown>, token: string) => {
    const { body } = await graphql(app.url, query, variables, token);
    expect(body.errors, 'expected an error').toBeDefined();
    return { message: body.errors![0].message, code: body.errors![0].extensions?.code, data: body.data ?? null };
  };

  beforeAll(async () => {
    await hooks.start();
    app = await startTestApp();
    const { saveAlertChannel } = await ask<{ saveAlertChannel: { channelId: string } }>(
      'mutation($i: AlertChannelInput!) { saveAlertChannel(input: $i) { channelId } }',
      { i: { name: 'Ops', kind: 'webhook', format: 'generic', url: `${hooks.url}/ops` } },
    );
    const save = async (name: string, plants: string[]) =>
      (
        await ask<{ saveAlertRule: { ruleId: string } }>(
          'mutation($i: AlertRuleInput!) { saveAlertRule(input: $i) { ruleId } }',
          {
            i: {
              name,
              kind: 'finding',
              minValueAtRisk: 0,
              plants,
              channelIds: [saveAlertChannel.channelId],
              escalationChannelIds: [saveAlertChannel.channelId],
              escalateAfterSeconds: 3600,
              groupSeconds: 0,
            },
          },
        )
      ).saveAlertRule.ruleId;
    ids.every = await save('Every plant', []);
    ids.onlyA = await save('First plant', ['PA']);
    ids.onlyB = await save('Second plant', ['PB']);

    // A message failed at PA and one at PB: reconciliation finds their postings missing and the hops failed.
    const a = failedMessage('sc-a1', 'O-A1', 'PA');
    const b = failedMessage('sc-b1', 'O-B1', 'PB');
    await seed(app.url, { events: [...a.events, ...b.events], hops: [...a.hops, ...b.hops] });
    await reconcileNow(app.url, 'production_confirmation');
    const found = await allFindings(app.url);
    expect(new Set(found.map((f) => f.plant))).toEqual(new Set(['PA', 'PB']));

    await ask('mutation { evaluateAlertsNow { rules firing notifications } }');
    for (let waited = 0; hooks.at('/ops').length < 3 && waited < 10_000; waited += 100)
      await new Promise((r) => setTimeout(r, 100));
    expect(hooks.at('/ops')).toHaveLength(3);
    supportA = (await personWithSession(app.url, { username: 'scope-support-a', role: 'it_support', plants: ['PA'] })).token;
  });
  afterAll(async () => {
    await app?.close();
    await hooks.stop();
  });

  it('alertRules: PA support sees only the rules for every plant or PA, with PA items only; an admin sees both plants', async () => {
    const admin = await rules(TEST_ADMIN_TOKEN);
    expect(admin.map((r) => r.ruleId).sort()).toEqual([ids.every, ids.onlyA, ids.onlyB].sort());
    const everyAdmin = admin.find((r) => r.ruleId === ids.every)!;
    expect(everyAdmin.state.firing).toBe(true);
    expect(everyAdmin.state.items.some((i) => i.includes('PB'))).toBe(true);
    expect(everyAdmin.state.items.some((i) => i.includes('PA'))).toBe(true);
    expect(admin.find((r) => r.ruleId === ids.onlyB)!.state.items.join('\n')).toContain('order O-B1');

    const mine = await rules(supportA);
    expect(mine.map((r) => r.ruleId).sort()).toEqual([ids.every, ids.onlyA].sort());
    const every = mine.find((r) => r.ruleId === ids.every)!;
    expect(every.state.firing).toBe(true);
    expect(every.state.items.length).toBeGreaterThan(0);
    expect(every.state.items.every((i) => i.includes(' PA/') || i.includes(' PA '))).toBe(true);
    expect(every.state.items).toHaveLength(everyAdmin.state.items.filter((i) => !i.includes('PB')).length);
    expect(mine.find((r) => r.ruleId === ids.onlyA)!.state.firing).toBe(true);
    // Nothing of PB anywhere in the answer: no plant, no order, no rule for it.
    const text = JSON.stringify(mine);
    expect(text).not.toContain('PB');
    expect(text).not.toContain('O-B1');
    expect(text).not.toContain(ids.onlyB);
  });

  it('alertNotifications: PA support sees PA lines only, counted in the summary; PB\u2019s rule answers as an unknown one', async () => {
    const admin = await history(TEST_ADMIN_TOKEN);
    expect(admin.map((n) => n.ruleId).sort()).toEqual([ids.every, ids.onlyA, ids.onlyB].sort());
    const everyAdmin = admin.find((n) => n.ruleId === ids.every)!;
    expect(everyAdmin.items.join('\n')).toContain('PB');

    const mine = await history(supportA);
    expect(mine.map((n) => n.ruleId).sort()).toEqual([ids.every, ids.onlyA].sort());
    const every = mine.find((n) => n.ruleId === ids.every)!;
    expect(every.items).toEqual(everyAdmin.items.filter((i) => !i.includes('PB')));
    const n = every.items.length;
    expect(every.summary).toBe(`[FIRING] Every plant: ${n} item${n === 1 ? '' : 's'}`);
    expect(everyAdmin.summary).toBe(`[FIRING] Every plant: ${everyAdmin.items.length} items`);
    expect(JSON.stringify(mine)).not.toMatch(/PB|O-B1/);
    // The page is of their notifications: the newest one of theirs, whatever PB's are.
    expect((await history(supportA, undefined, 1))[0].items.every((i) => !i.includes('PB'))).toBe(true);
    expect(await history(supportA, ids.onlyB)).toEqual(await history(supportA, 'rule-does-not-exist'));
    expect(await history(supportA, ids.onlyB)).toEqual([]);
    expect(await history(TEST_ADMIN_TOKEN, ids.onlyB)).toHaveLength(1);
  });

  it('acknowledgeAlert: PB\u2019s rule answers as an unknown id; one that also covers PB is refused; PA\u2019s own works', async () => {
    const unknown = await errorOf(ACK, { r: 'rule-does-not-exist' }, supportA);
    expect(unknown.message).toBe('this rule is not firing: there is nothing to acknowledge');
    expect(await errorOf(ACK, { r: ids.onlyB }, supportA)).toEqual(unknown);
    expect((await rule(ids.onlyB, TEST_ADMIN_TOKEN))!.state.acknowledgedBy).toBeNull();

    const mixed = await errorOf(ACK, { r: ids.every }, supportA);
    expect(mixed.code).toBe('FORBIDDEN');
    expect(mixed.message).toMatch(/covers plants outside yours/);
    expect(mixed.message).not.toMatch(/PB/);
    expect((await rule(ids.every, TEST_ADMIN_TOKEN))!.state.acknowledgedBy).toBeNull();

    const own = await ask<{ acknowledgeAlert: { firing: boolean; items: string[]; acknowledgedBy: string } }>(
      ACK,
      { r: ids.onlyA },
      supportA,
    );
    expect(own.acknowledgeAlert).toMatchObject({ firing: true, acknowledgedBy: 'scope-support-a' });
    expect(own.acknowledgeAlert.items.join('\n')).not.toContain('PB');

    // An admin sees every plant: acknowledges the mixed one and PB's.
    for (const r of [ids.every, ids.onlyB]) {
      const done = await ask<{ acknowledgeAlert: { acknowledgedBy: string } }>(ACK, { r });
      expect(done.acknowledgeAlert.acknowledgedBy).toBe('admin-token');
    }
  });

  it('silences: PA support neither sees nor silences nor ends one of PB\u2019s rule, which answers as an unknown one', async () => {
    const endsAt = new Date(Date.now() + 3_600_000).toISOString();
    const { silenceAlerts } = await ask<{ silenceAlerts: { silenceId: string } }>(
      'mutation($i: AlertSilenceInput!) { silenceAlerts(input: $i) { silenceId } }',
      { i: { ruleId: ids.onlyB, endsAt, reason: 'PB line 2 maintenance' } },
    );
    const listed = (token: string) =>
      ask<{ alertSilences: { silenceId: string }[] }>('{ alertSilences { silenceId } }', {}, token).then((d) =>
        d.alertSilences.map((s) => s.silenceId),
      );
    expect(await listed(TEST_ADMIN_TOKEN)).toContain(silenceAlerts.silenceId);
    expect(await listed(supportA)).not.toContain(silenceAlerts.silenceId);

    const silence = 'mutation($i: AlertSilenceInput!) { silenceAlerts(input: $i) { silenceId } }';
    const unknownRule = await errorOf(silence, { i: { ruleId: 'rule-does-not-exist', endsAt, reason: 'x' } }, supportA);
    const bRule = await errorOf(silence, { i: { ruleId: ids.onlyB, endsAt, reason: 'x' } }, supportA);
    expect(bRule.code).toBe('NOT_FOUND');
    expect(bRule.message.replace(ids.onlyB, 'ID')).toBe(unknownRule.message.replace('rule-does-not-exist', 'ID'));

    const end = 'mutation($s: ID!) { endAlertSilence(silenceId: $s) }';
    const unknownSilence = await errorOf(end, { s: 'sil-does-not-exist' }, supportA);
    const bSilence = await errorOf(end, { s: silenceAlerts.silenceId }, supportA);
    expect(bSilence.code).toBe('NOT_FOUND');
    expect(bSilence.message.replace(silenceAlerts.silenceId, 'ID')).toBe(
      unknownSilence.message.replace('sil-does-not-exist', 'ID'),
    );
    expect(await listed(TEST_ADMIN_TOKEN)).toContain(silenceAlerts.silenceId);
  });
});
