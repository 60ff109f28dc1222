import { describe, expect, it } from 'vitest';
import { decide, QUIET, validateChannel, validateRule, type AlertRule, type AlertState } from './alert-model';
import { emailOf, webhookBody, type AlertMessage } from './alert-messages';

const T0 = Date.now();
const rule = (over: Partial<AlertRule> = {}): AlertRule => ({
  ruleId: 'r1',
  name: 'Critical findings',
  kind: 'finding',
  minSeverity: 'high',
  minValueAtRisk: null,
  minutes: 15,
  threshold: 1,
  plants: [],
  flows: [],
  channelIds: ['c1'],
  escalationChannelIds: [],
  escalateAfterSeconds: null,
  repeatSeconds: 3600,
  groupSeconds: 300,
  enabled: true,
  createdAt: new Date(T0 - 86_400_000).toISOString(),
  ...over,
});
const s = (sec: number) => T0 + sec * 1000;

function run(r: AlertRule, steps: [number, string[]][]) {
  let state: AlertState = QUIET;
  return steps.map(([sec, items]) => {
    const d = decide(r, state, items, s(sec));
    state = d.next;
    return d.send.map((x) => `${x.kind}:${x.to}:${x.items.join('+')}`);
  });
}

describe('the alert manager', () => {
  it('groups: one notification lists everything a rule covers, never one per finding', () => {
    expect(run(rule(), [[0, ['f2', 'f1', 'f1']]])).toEqual([['firing:channels:f1+f2']]);
  });

  it('sends new items once the group interval has passed, with everything still covered', () => {
    expect(
      run(rule(), [
        [0, ['f1']],
        [60, ['f1', 'f2']], // within 300 s: waits
        [301, ['f1', 'f2']],
        [400, ['f1', 'f2']],
      ]),
    ).toEqual([['firing:channels:f1'], [], ['firing:channels:f1+f2'], []]);
  });

  it('repeats while firing, and sends resolved (on its own) when the condition clears', () => {
    expect(
      run(rule({ repeatSeconds: 600 }), [
        [0, ['f1']],
        [599, ['f1']],
        [600, ['f1']],
        [700, []],
        [800, []],
      ]),
    ).toEqual([['firing:channels:f1'], [], ['repeat:channels:f1'], ['resolved:channels:f1'], []]);
  });

  it('escalates once to the second channel list when nobody acknowledged in time, and not after an acknowledgement', () => {
    const r = rule({ escalationChannelIds: ['c2'], escalateAfterSeconds: 900 });
    expect(
      run(r, [
        [0, ['f1']],
        [899, ['f1']],
        [900, ['f1']],
        [1800, ['f1']],
      ]),
    ).toEqual([['firing:channels:f1'], [], ['escalation:escalation:f1'], []]);
    const first = decide(r, QUIET, ['f1'], s(0)).next;
    const acked = { ...first, acknowledgedBy: 'alice', acknowledgedAt: new Date(s(10)).toISOString() };
    expect(decide(r, acked, ['f1'], s(900)).send).toEqual([]);
  });

  it('refuses channels and rules that cannot work, naming the field', () => {
    const none = () => 'secret env:NOPE does not exist: environment variable SYNCLINE_SECRET_NOPE is not set';
    const ch = {
      channelId: 'c',
      name: 'Ops',
      kind: 'webhook' as const,
      format: 'slack' as const,
      url: 'ftp://x',
      recipients: [],
      enabled: true,
    };
    expect(() => validateChannel(ch, none)).toThrow(/url must be an http\(s\) URL/);
    expect(() => validateChannel({ ...ch, url: 'env:NOPE' }, none)).toThrow(/SYNCLINE_SECRET_NOPE is not set/);
    expect(() => validateChannel({ ...ch, kind: 'email', recipients: ['not-an-address'] }, none)).toThrow(/not an email address/);
    expect(() => validateRule(rule({ channelIds: ['c9'] }), new Set(['c1']))).toThrow(/channelIds: no channel "c9"/);
    expect(() => validateRule(rule({ minSeverity: null }), new Set(['c1']))).toThrow(/needs minSeverity or minValueAtRisk/);
    expect(() => validateRule(rule({ escalationChannelIds: ['c1'] }), new Set(['c1']))).toThrow(/escalateAfterSeconds is needed/);
  });
});

describe('notification shapes', () => {
  const m: AlertMessage = {
    notificationId: 'n1',
    ruleId: 'r1',
    ruleName: 'Critical findings',
    kind: 'firing',
    createdAt: new Date(T0).toISOString(),
    items: Array.from({ length: 25 }, (_, i) => `missing_posting P1/L${i}`),
    link: 'https://syncline.example/exceptions',
  };

  it('Slack gets {text} with the first 20 items and how many more', () => {
    const body = webhookBody('slack', m) as { text: string };
    expect(Object.keys(body)).toEqual(['text']);
    expect(body.text.split('\n')[0]).toBe('*[FIRING] Critical findings: 25 items*');
    expect(body.text).toContain('• missing_posting P1/L19');
    expect(body.text).not.toContain('P1/L20\n');
    expect(body.text).toContain('… and 5 more');
    expect(body.text).toContain('<https://syncline.example/exceptions|Open in Syncline>');
  });

  it('Teams gets a MessageCard, the generic shape every item, email a subject and text', () => {
    expect(webhookBody('teams', { ...m, kind: 'resolved' })).toMatchObject({
      '@type': 'MessageCard',
      '@context': 'https://schema.org/extensions',
      title: '[RESOLVED] Critical findings: 25 items cleared',
      themeColor: '2EB886',
    });
    expect(webhookBody('generic', m)).toMatchObject({ source: 'syncline', status: 'firing', items: m.items, kind: 'firing' });
    expect(emailOf({ ...m, kind: 'escalation' }).subject).toBe(
      '[ESCALATED] Critical findings: 25 items (nobody acknowledged it)',
    );
  });
});
