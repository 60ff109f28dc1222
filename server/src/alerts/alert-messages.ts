import type { NotificationKind, WebhookFormat } from './alert-model';

export interface AlertMessage {
  notificationId: string;
  ruleId: string;
  ruleName: string;
  kind: NotificationKind;
  createdAt: string;
  /** The lines it covers (what fires, or what fired and cleared). */
  items: string[];
  /** The plant of each item, in the same order ('' for none): kept with the history, never sent. */
  plants?: string[];
  /** The dashboard page to open, when SYNCLINE_PUBLIC_URL is set. */
  link: string | null;
}

const SHOWN = 20;
const PREFIX: Record<NotificationKind, string> = {
  firing: 'FIRING',
  repeat: 'STILL FIRING',
  escalation: 'ESCALATED',
  resolved: 'RESOLVED',
  test: 'TEST',
};

export function title(m: AlertMessage): string {
  const n = m.items.length;
  const what =
    m.kind === 'resolved'
      ? `${n} item${n === 1 ? '' : 's'} cleared`
      : m.kind === 'test'
        ? 'test notification'
        : `${n} item${n === 1 ? '' : 's'}`;
  const escalated = m.kind === 'escalation' ? ' (nobody acknowledged it)' : '';
  return `[${PREFIX[m.kind]}] ${m.ruleName}: ${what}${escalated}`;
}

export function lines(m: AlertMessage): string[] {
  const shown = m.items.slice(0, SHOWN);
  return m.items.length > SHOWN ? [...shown, `… and ${m.items.length - SHOWN} more`] : shown;
}

/** The JSON body a webhook of `format` receives: Slack's {text}, a Teams MessageCard, or Syncline's own shape. */
export function webhookBody(format: WebhookFormat, m: AlertMessage): Record<string, unknown> {
  const head = title(m);
  const list = lines(m);
  if (format === 'slack') {
    const body = [`*${head}*`, ...list.map((l) => `• ${l}`), ...(m.link ? [`<${m.link}|Open in Syncline>`] : [])].join('\n');
    return { text: body };
  }
  if (format === 'teams') {
    return {
      '@type': 'MessageCard',
      '@context': 'https://schema.org/extensions',
      summary: head,
      themeColor: m.kind === 'resolved' ? '2EB886' : m.kind === 'test' ? '3B82F6' : 'D62828',
      title: head,
      text: list.map((l) => `- ${l}`).join('\n'),
      ...(m.link
        ? { potentialAction: [{ '@type': 'OpenUri', name: 'Open in Syncline', targets: [{ os: 'default', uri: m.link }] }] }
        : {}),
    };
  }
  return {
    source: 'syncline',
    notificationId: m.notificationId,
    ruleId: m.ruleId,
    ruleName: m.ruleName,
    kind: m.kind,
    status: m.kind === 'resolved' ? 'resolved' : 'firing',
    createdAt: m.createdAt,
    summary: head,
    items: m.items,
    link: m.link,
  };
}

export function emailOf(m: AlertMessage): { subject: string; text: string } {
  return {
    subject: title(m),
    text: [
      title(m),
      '',
      ...lines(m).map((l) => `- ${l}`),
      '',
      ...(m.link ? [m.link] : []),
      `Sent by Syncline at ${m.createdAt} UTC.`,
    ].join('\n'),
  };
}
