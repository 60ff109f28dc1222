import { InputError } from '../common/errors/input-error';
import { SECRET_REF } from '../replay/secrets';

export const CHANNEL_KINDS = ['webhook', 'email'] as const;
export type ChannelKind = (typeof CHANNEL_KINDS)[number];
/** JSON shapes a webhook sends: Slack's and Microsoft Teams' incoming webhooks, or a generic document. */
export const WEBHOOK_FORMATS = ['slack', 'teams', 'generic'] as const;
export type WebhookFormat = (typeof WEBHOOK_FORMATS)[number];

export interface AlertChannel {
  channelId: string;
  name: string;
  kind: ChannelKind;
  /** Webhook: its shape. */
  format: WebhookFormat;
  /** Webhook: an http(s) URL, or a secret reference (env:NAME, file:NAME) holding one (Slack's URL is a secret). */
  url: string;
  /** Email: addresses. */
  recipients: string[];
  enabled: boolean;
}

export const RULE_KINDS = ['finding', 'silent_line', 'lag_p95', 'rejected_rate', 'replay_dead'] as const;
export type RuleKind = (typeof RULE_KINDS)[number];
export const SEVERITY_RANK = { critical: 1, high: 2, medium: 3, low: 4 } as const;
export type Severity = keyof typeof SEVERITY_RANK;

export interface AlertRule {
  ruleId: string;
  name: string;
  kind: RuleKind;
  /** finding: at or above this severity (or minValueAtRisk). */
  minSeverity: Severity | null;
  /** finding: at or above this value at risk. */
  minValueAtRisk: number | null;
  /** silent_line: silent for N minutes of working time; lag_p95: p95 over the last N minutes; rejected_rate, replay_dead: the window. */
  minutes: number;
  /** rejected_rate: at least this many refused or dead-lettered messages in the window. */
  threshold: number;
  /** Only these plants and flows (empty: all). */
  plants: string[];
  flows: string[];
  channelIds: string[];
  /** Sent to these when nobody acknowledged within escalateAfterSeconds of firing. */
  escalationChannelIds: string[];
  escalateAfterSeconds: number | null;
  /** While firing, the notification is sent again this often. */
  repeatSeconds: number;
  /** At most one firing notification per this interval (new items wait for the next). */
  groupSeconds: number;
  enabled: boolean;
  /** When the rule was made (findings older than the rule do not fire it). */
  createdAt: string;
}

const LIMITS = { name: 120, recipients: 20, plants: 200, flows: 50, channels: 10 };
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function whole(v: number, field: string, min: number, max: number) {
  if (!Number.isFinite(v) || v < min || v > max) throw new InputError(`${field} must be from ${min} to ${max}; got ${v}`, field);
}

export function validateChannel(c: AlertChannel, problemOfSecret: (ref: string) => string): AlertChannel {
  const name = c.name.trim();
  if (!name || name.length > LIMITS.name) throw new InputError(`name must be 1 to ${LIMITS.name} characters`, 'name');
  if (!(CHANNEL_KINDS as readonly string[]).includes(c.kind))
    throw new InputError(`kind must be one of ${CHANNEL_KINDS.join(', ')}`, 'kind');
  if (c.kind === 'webhook') {
    if (!(WEBHOOK_FORMATS as readonly string[]).includes(c.format))
      throw new InputError(`format must be one of ${WEBHOOK_FORMATS.join(', ')}`, 'format');
    const url = c.url.trim();
    if (SECRET_REF.test(url)) {
      const problem = problemOfSecret(url);
      if (problem) throw new InputError(problem, 'url');
    } else {
      let parsed: URL | undefined;
      try {
        parsed = new URL(url);
      } catch {
        parsed = undefined;
      }
      if (!parsed || !['http:', 'https:'].includes(parsed.protocol))
        throw new InputError('url must be an http(s) URL or a secret reference such as env:SLACK_WEBHOOK', 'url');
    }
    return { ...c, name, url, recipients: [] };
  }
  const recipients = [...new Set(c.recipients.map((r) => r.trim()).filter(Boolean))];
  if (recipients.length === 0 || recipients.length > LIMITS.recipients)
    throw new InputError(`recipients must list 1 to ${LIMITS.recipients} email addresses`, 'recipients');
  const bad = recipients.find((r) => !EMAIL.test(r));
  if (bad) throw new InputError(`recipients: "${bad.slice(0, 80)}" is not an email address`, 'recipients');
  return { ...c, name, url: '', format: 'generic', recipients };
}

export function validateRule(r: AlertRule, channelIds: ReadonlySet<string>): AlertRule {
  const name = r.name.trim();
  if (!name || name.length > LIMITS.name) throw new InputError(`name must be 1 to ${LIMITS.name} characters`, 'name');
  if (!(RULE_KINDS as readonly string[]).includes(r.kind))
    throw new InputError(`kind must be one of ${RULE_KINDS.join(', ')}`, 'kind');
  if (r.kind === 'finding') {
    if (r.minSeverity === null && r.minValueAtRisk === null)
      throw new InputError('a finding rule needs minSeverity or minValueAtRisk', 'minSeverity');
    if (r.minSeverity !== null && !(r.minSeverity in SEVERITY_RANK))
      throw new InputError(`minSeverity must be one of ${Object.keys(SEVERITY_RANK).join(', ')}`, 'minSeverity');
    if (r.minValueAtRisk !== null) whole(r.minValueAtRisk, 'minValueAtRisk', 0, 1e12);
  }
  whole(r.minutes, 'minutes', 1, 10_080);
  if (r.kind === 'rejected_rate') whole(r.threshold, 'threshold', 1, 1e9);
  if (r.plants.length > LIMITS.plants) throw new InputError(`plants: at most ${LIMITS.plants}`, 'plants');
  if (r.flows.length > LIMITS.flows) throw new InputError(`flows: at most ${LIMITS.flows}`, 'flows');
  if (r.channelIds.length === 0) throw new InputError('channelIds must name at least one channel', 'channelIds');
  for (const [field, ids] of [
    ['channelIds', r.channelIds],
    ['escalationChannelIds', r.escalationChannelIds],
  ] as const) {
    if (ids.length > LIMITS.channels) throw new InputError(`${field}: at most ${LIMITS.channels}`, field);
    const unknown = ids.find((id) => !channelIds.has(id));
    if (unknown) throw new InputError(`${field}: no channel "${unknown.slice(0, 64)}"`, field);
  }
  if (r.escalationChannelIds.length > 0 && r.escalateAfterSeconds === null)
    throw new InputError('escalateAfterSeconds is needed with escalation channels', 'escalateAfterSeconds');
  if (r.escalateAfterSeconds !== null) whole(r.escalateAfterSeconds, 'escalateAfterSeconds', 1, 7 * 86_400);
  whole(r.repeatSeconds, 'repeatSeconds', 1, 30 * 86_400);
  whole(r.groupSeconds, 'groupSeconds', 0, 86_400);
  return { ...r, name };
}

/** Where a rule stands between evaluations. */
export interface AlertState {
  firing: boolean;
  /** When it started firing (this time). */
  since: string | null;
  /** Keys of what it covers now. */
  items: string[];
  lastNotifiedAt: string | null;
  /** Keys it covered at the last firing notification. */
  notifiedItems: string[];
  acknowledgedBy: string | null;
  acknowledgedAt: string | null;
  escalatedAt: string | null;
  /** The notification line of each covered item. */
  labels: Record<string, string>;
  /** The plant of each covered item ('' when it has none): what a plant-scoped person may see of it. */
  plants: Record<string, string>;
}

export const QUIET: AlertState = {
  firing: false,
  since: null,
  items: [],
  lastNotifiedAt: null,
  notifiedItems: [],
  acknowledgedBy: null,
  acknowledgedAt: null,
  escalatedAt: null,
  labels: {},
  plants: {},
};

export type NotificationKind = 'firing' | 'repeat' | 'escalation' | 'resolved' | 'test';

export interface Decision {
  next: AlertState;
  /** What to send now, and to which of the rule's channel lists. */
  send: { kind: NotificationKind; to: 'channels' | 'escalation'; items: string[] }[];
}

const ms = (iso: string | null) => (iso ? Date.parse(iso) : 0);

/**
 * The alert manager's step for one rule: given what it covers now and where it stood, what to send.
 * One notification per rule and interval lists everything it covers (never one per finding); a
 * resolved notification when the condition clears; a repeat while it keeps firing; escalation to the
 * second channel list when nobody acknowledged in time. Pure, so every case is unit-tested.
 */
export function decide(rule: AlertRule, state: AlertState, items: string[], nowMs: number): Decision {
  const now = new Date(nowMs).toISOString();
  const sorted = [...new Set(items)].sort();
  if (sorted.length === 0) {
    if (!state.firing) return { next: { ...state, items: [] }, send: [] };
    return { next: { ...QUIET }, send: [{ kind: 'resolved', to: 'channels', items: state.items }] };
  }
  if (!state.firing) {
    return {
      next: { ...QUIET, firing: true, since: now, items: sorted, lastNotifiedAt: now, notifiedItems: sorted },
      send: [{ kind: 'firing', to: 'channels', items: sorted }],
    };
  }
  const next: AlertState = { ...state, items: sorted };
  const send: Decision['send'] = [];
  const known = new Set(state.notifiedItems);
  const fresh = sorted.some((i) => !known.has(i));
  const sinceLast = nowMs - ms(state.lastNotifiedAt);
  if (fresh && sinceLast >= rule.groupSeconds * 1000) {
    send.push({ kind: 'firing', to: 'channels', items: sorted });
  } else if (sinceLast >= rule.repeatSeconds * 1000) {
    send.push({ kind: 'repeat', to: 'channels', items: sorted });
  }
  if (send.length) {
    next.lastNotifiedAt = now;
    next.notifiedItems = sorted;
  }
  if (
    rule.escalationChannelIds.length > 0 &&
    rule.escalateAfterSeconds !== null &&
    !state.acknowledgedAt &&
    !state.escalatedAt &&
    nowMs - ms(state.since) >= rule.escalateAfterSeconds * 1000
  ) {
    send.push({ kind: 'escalation', to: 'escalation', items: sorted });
    next.escalatedAt = now;
  }
  return { next, send };
}
