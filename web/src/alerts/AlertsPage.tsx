import { useState, type FormEvent } from 'react';
import { errorMessage } from '../api/errors';
import { splitList as list } from '../app/lists';
import { FormActions, FormError, formErrors, SelectField, TextField } from '../app/form';
import { fromLocalInput } from '../app/local-time';
import { Time } from '../app/Time';
import { holdsAny } from '../auth/permissions';
import { usePerson } from '../auth/session-context';
import type { CombinedError } from 'urql';
import type { AlertChannelInput, AlertRuleInput } from '../gql/graphql';
import { useAlertsPage, type AlertChannelData, type AlertRuleData } from './useAlerts';

const KIND_LABELS: Record<string, string> = {
  finding: 'New finding at or above a severity or value at risk',
  silent_line: 'Line silent for N minutes of working time',
  lag_p95: 'p95 lag above the SLA over N minutes',
  rejected_rate: 'Refused or dead-lettered messages in N minutes',
  replay_dead: 'Replays that died in N minutes',
};
const STATUS_TEXT: Record<string, string> = {
  sent: '✓ sent',
  failed: '✕ failed',
  retrying: '↻ retrying',
  queued: '… queued',
  silenced: '🔕 silenced',
  channel_disabled: '– channel off',
};

function ChannelForm({
  channel,
  onSave,
  error,
}: {
  channel?: AlertChannelData;
  onSave: (input: AlertChannelInput) => Promise<{ error?: CombinedError }>;
  error: CombinedError | undefined;
}) {
  const [name, setName] = useState(channel?.name ?? '');
  const [kind, setKind] = useState<'webhook' | 'email'>((channel?.kind as 'webhook' | 'email') ?? 'webhook');
  const [format, setFormat] = useState<'slack' | 'teams' | 'generic'>(
    (channel?.format as 'slack' | 'teams' | 'generic') ?? 'slack',
  );
  const [url, setUrl] = useState(channel?.url ?? '');
  const [recipients, setRecipients] = useState(channel?.recipients.join(', ') ?? '');
  const [done, setDone] = useState('');
  const errors = formErrors(error, ['name', 'kind', 'format', 'url', 'recipients']);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setDone('');
    const r = await onSave({
      channelId: channel?.channelId,
      name,
      kind,
      format,
      url,
      recipients: list(recipients),
      enabled: true,
    });
    if (!r.error) setDone(`Saved channel ${name}.`);
  };
  return (
    <form className="form" aria-label="Alert channel" onSubmit={(e) => void submit(e)}>
      <h3 className="form__title">{channel ? `Change ${channel.name}` : 'Add a channel'}</h3>
      <FormError>{errors.general}</FormError>
      <div className="form__grid">
        <TextField label="Channel name" name="name" value={name} onChange={setName} error={errors.of('name')} />
        <SelectField
          label="Kind"
          name="kind"
          value={kind}
          onChange={setKind}
          options={[
            { value: 'webhook', label: 'Webhook' },
            { value: 'email', label: 'Email' },
          ]}
          error={errors.of('kind')}
        />
        {kind === 'webhook' ? (
          <>
            <SelectField
              label="Format"
              name="format"
              value={format}
              onChange={setFormat}
              options={[
                { value: 'slack', label: 'Slack incoming webhook' },
                { value: 'teams', label: 'Microsoft Teams incoming webhook' },
                { value: 'generic', label: 'Generic JSON' },
              ]}
              error={errors.of('format')}
            />
            <TextField
              label="Webhook URL"
              name="url"
              value={url}
              onChange={setUrl}
              error={errors.of('url')}
              hint="An http(s) URL, or a secret reference such as env:SLACK_WEBHOOK (SYNCLINE_SECRET_SLACK_WEBHOOK)"
            />
          </>
        ) : (
          <TextField
            label="Recipients"
            name="recipients"
            value={recipients}
            onChange={setRecipients}
            error={errors.of('recipients')}
            hint="Email addresses, comma-separated (sent through SMTP_URL)"
          />
        )}
      </div>
      <FormActions label="Save channel" done={done} />
    </form>
  );
}

interface RuleDraft {
  name: string;
  kind: string;
  minSeverity: string;
  minValueAtRisk: string;
  minutes: string;
  threshold: string;
  plants: string;
  flows: string;
  channelIds: string[];
  escalationChannelIds: string[];
  escalateAfterMinutes: string;
  repeatMinutes: string;
  groupMinutes: string;
}

const draftOf = (r?: AlertRuleData): RuleDraft => ({
  name: r?.name ?? '',
  kind: r?.kind ?? 'finding',
  minSeverity: r?.minSeverity ?? 'high',
  minValueAtRisk: r?.minValueAtRisk === null || r?.minValueAtRisk === undefined ? '' : String(r.minValueAtRisk),
  minutes: String(r?.minutes ?? 15),
  threshold: String(r?.threshold ?? 1),
  plants: r?.plants.join(', ') ?? '',
  flows: r?.flows.join(', ') ?? '',
  channelIds: r?.channelIds ?? [],
  escalationChannelIds: r?.escalationChannelIds ?? [],
  escalateAfterMinutes: r?.escalateAfterSeconds ? String(r.escalateAfterSeconds / 60) : '',
  repeatMinutes: String((r?.repeatSeconds ?? 3600) / 60),
  groupMinutes: String((r?.groupSeconds ?? 300) / 60),
});

function ChannelPicker({
  label,
  channels,
  value,
  onChange,
  error,
}: {
  label: string;
  channels: readonly AlertChannelData[];
  value: string[];
  onChange: (v: string[]) => void;
  error?: string;
}) {
  return (
    <fieldset className="field alert-channels">
      <legend className="field__label">{label}</legend>
      {channels.length === 0 && <span className="muted">Add a channel first.</span>}
      {channels.map((c) => (
        <label key={c.channelId} className="check">
          <input
            type="checkbox"
            checked={value.includes(c.channelId)}
            onChange={(e) => onChange(e.target.checked ? [...value, c.channelId] : value.filter((id) => id !== c.channelId))}
          />{' '}
          {c.name}
        </label>
      ))}
      {error && (
        <span className="field__error" role="alert">
          {error}
        </span>
      )}
    </fieldset>
  );
}

function RuleForm({
  rule,
  channels,
  onSave,
  error,
}: {
  rule?: AlertRuleData;
  channels: readonly AlertChannelData[];
  onSave: (input: AlertRuleInput) => Promise<{ error?: CombinedError }>;
  error: CombinedError | undefined;
}) {
  const [d, setD] = useState<RuleDraft>(draftOf(rule));
  const [done, setDone] = useState('');
  const set =
    <K extends keyof RuleDraft>(k: K) =>
    (v: RuleDraft[K]) =>
      setD({ ...d, [k]: v });
  const errors = formErrors(error, [
    'name',
    'kind',
    'minSeverity',
    'minValueAtRisk',
    'minutes',
    'threshold',
    'plants',
    'flows',
    'channelIds',
    'escalationChannelIds',
    'escalateAfterSeconds',
    'repeatSeconds',
    'groupSeconds',
  ]);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setDone('');
    const r = await onSave({
      ruleId: rule?.ruleId,
      name: d.name,
      kind: d.kind,
      minSeverity: d.kind === 'finding' && d.minSeverity ? d.minSeverity : null,
      minValueAtRisk: d.kind === 'finding' && d.minValueAtRisk.trim() ? Number(d.minValueAtRisk) : null,
      minutes: Math.round(Number(d.minutes)),
      threshold: Number(d.threshold),
      plants: list(d.plants),
      flows: list(d.flows),
      channelIds: d.channelIds,
      escalationChannelIds: d.escalationChannelIds,
      escalateAfterSeconds: d.escalateAfterMinutes.trim() ? Math.round(Number(d.escalateAfterMinutes) * 60) : null,
      repeatSeconds: Math.round(Number(d.repeatMinutes) * 60),
      groupSeconds: Math.round(Number(d.groupMinutes) * 60),
      enabled: true,
    });
    if (!r.error) setDone(`Saved rule ${d.name}.`);
  };
  return (
    <form className="form" aria-label="Alert rule" onSubmit={(e) => void submit(e)}>
      <h3 className="form__title">{rule ? `Change ${rule.name}` : 'Add a rule'}</h3>
      <FormError>{errors.general}</FormError>
      <div className="form__grid">
        <TextField label="Rule name" name="name" value={d.name} onChange={set('name')} error={errors.of('name')} />
        <SelectField
          label="When"
          name="kind"
          value={d.kind}
          onChange={set('kind')}
          options={Object.entries(KIND_LABELS).map(([value, label]) => ({ value, label }))}
          error={errors.of('kind')}
        />
        {d.kind === 'finding' && (
          <>
            <SelectField
              label="At or above severity"
              name="minSeverity"
              value={d.minSeverity}
              onChange={set('minSeverity')}
              options={[
                { value: '', label: '(any: use the value)' },
                { value: 'critical', label: 'critical' },
                { value: 'high', label: 'high' },
                { value: 'medium', label: 'medium' },
                { value: 'low', label: 'low' },
              ]}
              error={errors.of('minSeverity')}
            />
            <TextField
              label="Or value at risk at least"
              name="minValueAtRisk"
              type="number"
              value={d.minValueAtRisk}
              onChange={set('minValueAtRisk')}
              error={errors.of('minValueAtRisk')}
            />
          </>
        )}
        {d.kind !== 'finding' && (
          <TextField
            label="Minutes"
            name="minutes"
            type="number"
            value={d.minutes}
            onChange={set('minutes')}
            error={errors.of('minutes')}
          />
        )}
        {d.kind === 'rejected_rate' && (
          <TextField
            label="At least (messages)"
            name="threshold"
            type="number"
            value={d.threshold}
            onChange={set('threshold')}
            error={errors.of('threshold')}
          />
        )}
        <TextField
          label="Plants"
          name="plants"
          value={d.plants}
          onChange={set('plants')}
          error={errors.of('plants')}
          hint="Comma-separated; empty: every plant"
        />
        <TextField
          label="Flows"
          name="flows"
          value={d.flows}
          onChange={set('flows')}
          error={errors.of('flows')}
          hint="Comma-separated; empty: every flow"
        />
        <TextField
          label="Group new items for (minutes)"
          name="groupSeconds"
          type="number"
          value={d.groupMinutes}
          onChange={set('groupMinutes')}
          error={errors.of('groupSeconds')}
        />
        <TextField
          label="Repeat while firing every (minutes)"
          name="repeatSeconds"
          type="number"
          value={d.repeatMinutes}
          onChange={set('repeatMinutes')}
          error={errors.of('repeatSeconds')}
        />
        <TextField
          label="Escalate when not acknowledged within (minutes)"
          name="escalateAfterSeconds"
          type="number"
          value={d.escalateAfterMinutes}
          onChange={set('escalateAfterMinutes')}
          error={errors.of('escalateAfterSeconds')}
        />
      </div>
      <div className="form__grid">
        <ChannelPicker
          label="Notify"
          channels={channels}
          value={d.channelIds}
          onChange={set('channelIds')}
          error={errors.of('channelIds')}
        />
        <ChannelPicker
          label="Escalate to"
          channels={channels}
          value={d.escalationChannelIds}
          onChange={set('escalationChannelIds')}
          error={errors.of('escalationChannelIds')}
        />
      </div>
      <FormActions label="Save rule" done={done} />
    </form>
  );
}

/** Settings > Alerts: what is firing, the rules, the channels and their health, silences, and every notification. */
export function AlertsPage() {
  const { permissions } = usePerson();
  const canManage = holdsAny(permissions, ['rules:manage']);
  const page = useAlertsPage(canManage);
  const [editChannel, setEditChannel] = useState<AlertChannelData | 'new' | null>(null);
  const [editRule, setEditRule] = useState<AlertRuleData | 'new' | null>(null);
  const [silenceRule, setSilenceRule] = useState('');
  const [silenceUntil, setSilenceUntil] = useState('');
  const [silenceReason, setSilenceReason] = useState('');
  const [actionError, setActionError] = useState('');
  const data = page.data;
  const channels = data?.alertChannels ?? [];
  const channelName = (id: string) => channels.find((c) => c.channelId === id)?.name ?? id;
  const firing = data?.alertRules.filter((r) => r.state.firing) ?? [];
  const silenceErrors = formErrors(page.silenceError, ['endsAt', 'reason', 'ruleId', 'startsAt']);
  const act = async (p: Promise<{ error?: CombinedError }>) => {
    setActionError('');
    const r = await p;
    if (r.error) setActionError(errorMessage(r.error));
  };

  return (
    <section className="page alerts" aria-labelledby="alerts-title">
      <h1 id="alerts-title">Alerts</h1>
      <p className="muted">
        Rules say when to notify whom; one notification per rule and interval lists everything it covers, a resolved one follows
        when it clears.
      </p>
      {page.error && <p className="page__error">Could not load alerts: {errorMessage(page.error)}</p>}
      {actionError && (
        <p className="page__error" role="alert">
          {actionError}
        </p>
      )}
      {!data && !page.error && <p role="status">Loading…</p>}
      {data && (
        <>
          <h2 className="section__title">Firing now</h2>
          {firing.length === 0 ? (
            <p className="page__empty">Nothing is firing.</p>
          ) : (
            <ul className="alert-firing" aria-label="Firing alerts">
              {firing.map((r) => (
                <li key={r.ruleId} className="card">
                  <strong>⚠ {r.name}</strong> since {r.state.since && <Time iso={r.state.since} />} · {r.state.items.length}{' '}
                  item(s)
                  {r.state.silencedUntil && (
                    <>
                      {' '}
                      · silenced until <Time iso={r.state.silencedUntil} />
                    </>
                  )}
                  {r.state.acknowledgedBy ? (
                    <span className="muted"> · acknowledged by {r.state.acknowledgedBy}</span>
                  ) : (
                    <button className="button button--small" type="button" onClick={() => void act(page.acknowledge(r.ruleId))}>
                      Acknowledge {r.name}
                    </button>
                  )}
                  {r.state.escalatedAt && <span className="muted"> · escalated</span>}
                  <ul>
                    {r.state.items.slice(0, 10).map((i) => (
                      <li key={i}>{i}</li>
                    ))}
                  </ul>
                </li>
              ))}
            </ul>
          )}

          <h2 className="section__title">Rules</h2>
          <table className="table" aria-label="Alert rules">
            <thead>
              <tr>
                <th scope="col">Rule</th>
                <th scope="col">When</th>
                <th scope="col">Scope</th>
                <th scope="col">Notify</th>
                <th scope="col">State</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {data.alertRules.map((r) => (
                <tr key={r.ruleId}>
                  <th scope="row">{r.name}</th>
                  <td>
                    {KIND_LABELS[r.kind] ?? r.kind}
                    {r.kind === 'finding' &&
                      ` (${[r.minSeverity && `≥ ${r.minSeverity}`, r.minValueAtRisk !== null && r.minValueAtRisk !== undefined && `value ≥ ${r.minValueAtRisk}`].filter(Boolean).join(' or ')})`}
                    {r.kind !== 'finding' &&
                      ` (N = ${r.minutes}${r.kind === 'rejected_rate' ? `, at least ${r.threshold}` : ''})`}
                  </td>
                  <td>
                    {r.plants.length ? r.plants.join(', ') : 'every plant'} · {r.flows.length ? r.flows.join(', ') : 'every flow'}
                  </td>
                  <td>
                    {r.channelIds.map(channelName).join(', ')}
                    {r.escalationChannelIds.length > 0 &&
                      ` → ${r.escalationChannelIds.map(channelName).join(', ')} after ${(r.escalateAfterSeconds ?? 0) / 60} min`}
                  </td>
                  <td>{r.state.firing ? '⚠ firing' : '✓ quiet'}</td>
                  <td className="nowrap">
                    {canManage && (
                      <>
                        <button className="button button--small" type="button" onClick={() => setEditRule(r)}>
                          Change
                        </button>{' '}
                        <button
                          className="button button--small button--danger"
                          type="button"
                          onClick={() => void act(page.deleteRule(r.ruleId))}
                        >
                          Delete
                        </button>
                      </>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {canManage && (
            <>
              <button className="button" type="button" onClick={() => setEditRule('new')}>
                Add a rule
              </button>
              {editRule && (
                <RuleForm
                  key={editRule === 'new' ? 'new' : editRule.ruleId}
                  rule={editRule === 'new' ? undefined : editRule}
                  channels={channels}
                  onSave={page.saveRule}
                  error={page.ruleError}
                />
              )}

              <h2 className="section__title">Channels</h2>
              <table className="table" aria-label="Alert channels">
                <thead>
                  <tr>
                    <th scope="col">Channel</th>
                    <th scope="col">Kind</th>
                    <th scope="col">Where</th>
                    <th scope="col">Health</th>
                    <th scope="col">
                      <span className="visually-hidden">Actions</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {channels.map((c) => (
                    <tr key={c.channelId} data-channel={c.name}>
                      <th scope="row">{c.name}</th>
                      <td>{c.kind === 'webhook' ? `webhook (${c.format})` : 'email'}</td>
                      <td>{c.kind === 'webhook' ? c.url : c.recipients.join(', ')}</td>
                      <td>
                        {c.lastStatus ? (STATUS_TEXT[c.lastStatus] ?? c.lastStatus) : 'nothing sent yet'}
                        {c.failuresSinceSent > 0 && (
                          <span className="alert-health--failing">
                            {' '}
                            · {c.failuresSinceSent} failed since it last delivered: {c.lastError}
                          </span>
                        )}
                      </td>
                      <td className="nowrap">
                        <button
                          className="button button--small"
                          type="button"
                          onClick={() => void act(page.testChannel(c.channelId))}
                        >
                          Send a test
                        </button>{' '}
                        <button className="button button--small" type="button" onClick={() => setEditChannel(c)}>
                          Change
                        </button>{' '}
                        <button
                          className="button button--small button--danger"
                          type="button"
                          onClick={() => void act(page.deleteChannel(c.channelId))}
                        >
                          Delete
                        </button>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
              <button className="button" type="button" onClick={() => setEditChannel('new')}>
                Add a channel
              </button>
              {editChannel && (
                <ChannelForm
                  key={editChannel === 'new' ? 'new' : editChannel.channelId}
                  channel={editChannel === 'new' ? undefined : editChannel}
                  onSave={page.saveChannel}
                  error={page.channelError}
                />
              )}
            </>
          )}

          <h2 className="section__title">Silences and maintenance windows</h2>
          {data.alertSilences.length === 0 && <p className="page__empty">No silences in the last 30 days.</p>}
          <table className="table" aria-label="Silences" hidden={data.alertSilences.length === 0}>
            <thead>
              <tr>
                <th scope="col">Rule</th>
                <th scope="col">From</th>
                <th scope="col">Until</th>
                <th scope="col">Why</th>
                <th scope="col">By</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {data.alertSilences.map((s) => {
                const active = !s.cancelled && Date.parse(s.endsAt) > Date.now();
                return (
                  <tr key={s.silenceId}>
                    <td>{s.ruleId ? (data.alertRules.find((r) => r.ruleId === s.ruleId)?.name ?? s.ruleId) : 'every rule'}</td>
                    <td>
                      <Time iso={s.startsAt} />
                    </td>
                    <td>
                      <Time iso={s.endsAt} /> {active ? '' : '(ended)'}
                    </td>
                    <td>{s.reason}</td>
                    <td>{s.createdBy}</td>
                    <td>
                      {active && (
                        <button
                          className="button button--small"
                          type="button"
                          onClick={() => void act(page.endSilence(s.silenceId))}
                        >
                          End now
                        </button>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          <form
            className="form"
            aria-label="Silence alerts"
            onSubmit={(e) => {
              e.preventDefault();
              void page.silence({
                ruleId: silenceRule,
                endsAt: fromLocalInput(silenceUntil) ?? silenceUntil,
                reason: silenceReason,
              });
            }}
          >
            <FormError>{silenceErrors.general}</FormError>
            <div className="form__grid">
              <SelectField
                label="Silence"
                name="ruleId"
                value={silenceRule}
                onChange={setSilenceRule}
                options={[
                  { value: '', label: 'every rule (maintenance window)' },
                  ...data.alertRules.map((r) => ({ value: r.ruleId, label: r.name })),
                ]}
                error={silenceErrors.of('ruleId')}
              />
              <TextField
                label="Until"
                name="endsAt"
                type="datetime-local"
                value={silenceUntil}
                onChange={setSilenceUntil}
                error={silenceErrors.of('endsAt')}
              />
              <TextField
                label="Why"
                name="reason"
                value={silenceReason}
                onChange={setSilenceReason}
                error={silenceErrors.of('reason')}
              />
            </div>
            <div className="form__actions">
              <button className="button" type="submit">
                Silence
              </button>
            </div>
          </form>

          <h2 className="section__title">Notifications</h2>
          {data.alertNotifications.length === 0 && <p className="page__empty">No notifications yet.</p>}
          <table className="table" aria-label="Notifications" hidden={data.alertNotifications.length === 0}>
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">Rule</th>
                <th scope="col">What</th>
                <th scope="col">Channel</th>
                <th scope="col">Outcome</th>
              </tr>
            </thead>
            <tbody>
              {data.alertNotifications.map((n) => (
                <tr key={`${n.notificationId}/${n.channelId}`}>
                  <td>
                    <Time iso={n.createdAt} />
                  </td>
                  <td>{n.ruleName}</td>
                  <td>{n.summary}</td>
                  <td>{channelName(n.channelId)}</td>
                  <td>
                    {STATUS_TEXT[n.status] ?? n.status}
                    {n.attempts > 1 && ` after ${n.attempts} attempts`}
                    {n.lastError && <span className="muted"> · {n.lastError}</span>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
