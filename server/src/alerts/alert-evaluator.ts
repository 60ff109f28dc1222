import { createHash } from 'node:crypto';
import { InjectQueue, Processor, WorkerHost } from '@nestjs/bullmq';
import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { ClickHouseService } from '../clickhouse/clickhouse.service';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/config';
import { QueueName } from '../queues/queue-names';
import { scheduleEvery } from '../queues/schedule';
import { FINDING_ITEMS, LAG_P95_ITEMS, REJECTED_ITEMS, REPLAY_DEAD_ITEMS, SILENT_LINE_ITEMS } from './alert-conditions';
import {
  decide,
  QUIET,
  SEVERITY_RANK,
  type AlertChannel,
  type AlertRule,
  type AlertState,
  type NotificationKind,
} from './alert-model';
import type { AlertMessage } from './alert-messages';
import { AlertDelivery } from './alert-delivery';
import { AlertsRepository, type AlertSilence } from './alerts.repository';

const SQL: Record<AlertRule['kind'], string> = {
  finding: FINDING_ITEMS,
  silent_line: SILENT_LINE_ITEMS,
  lag_p95: LAG_P95_ITEMS,
  rejected_rate: REJECTED_ITEMS,
  replay_dead: REPLAY_DEAD_ITEMS,
};
/** Page each kind opens in the dashboard. */
const PAGE: Record<AlertRule['kind'], string> = {
  finding: '/exceptions',
  silent_line: '/exceptions?type=silent_line',
  lag_p95: '/sync-lag',
  rejected_rate: '/exceptions?view=rejected',
  replay_dead: '/replays',
};
const MAX_LABELS = 200;

export interface EvaluationResult {
  rules: number;
  firing: number;
  notifications: number;
}

export function activeSilence(silences: readonly AlertSilence[], ruleId: string, nowMs: number): AlertSilence | undefined {
  return silences.find(
    (s) =>
      !s.cancelled && (s.ruleId === '' || s.ruleId === ruleId) && Date.parse(s.startsAt) <= nowMs && nowMs < Date.parse(s.endsAt),
  );
}

/**
 * Evaluates every enabled rule every ALERT_EVALUATE_SECONDS (one run at a time across instances),
 * decides per rule what to send (alert-model.ts `decide`) and hands it to delivery. State lives in
 * ClickHouse, so a restart or a flushed Redis neither repeats nor forgets a firing alert.
 */
@Processor(QueueName.AlertEvaluate)
@Injectable()
export class AlertEvaluator extends WorkerHost implements OnApplicationBootstrap {
  private readonly logger = new Logger('Alerts');
  private running: Promise<EvaluationResult> | undefined;

  constructor(
    @InjectQueue(QueueName.AlertEvaluate) private readonly queue: Queue,
    private readonly clickhouse: ClickHouseService,
    private readonly repository: AlertsRepository,
    private readonly delivery: AlertDelivery,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    super();
  }

  async onApplicationBootstrap(): Promise<void> {
    await scheduleEvery(this.queue, 'alerts-evaluate', this.config.alerts.evaluateSeconds, 'evaluate', this.logger, {
      single: true,
    });
  }

  async process(): Promise<EvaluationResult> {
    return this.evaluate();
  }

  /** One evaluation now; a second caller in this process shares the first's. */
  evaluate(): Promise<EvaluationResult> {
    this.running ??= this.evaluateOnce(Date.now()).finally(() => (this.running = undefined));
    return this.running;
  }

  /** What a rule covers now: keys, their lines and their plants. */
  async items(rule: AlertRule, nowMs: number): Promise<{ key: string; text: string; plant: string }[]> {
    return this.clickhouse.query<{ key: string; text: string; plant: string }>({
      name: `alerts.items.${rule.kind}`,
      sql: SQL[rule.kind],
      params: {
        plants: rule.plants,
        flows: rule.flows,
        minutes: rule.minutes,
        threshold: rule.threshold,
        createdMs: Date.parse(rule.createdAt),
        severityRank: rule.minSeverity ? SEVERITY_RANK[rule.minSeverity] : 0,
        minValue: rule.minValueAtRisk ?? Number.MAX_VALUE,
        nowMs,
      },
    });
  }

  private async evaluateOnce(nowMs: number): Promise<EvaluationResult> {
    const [rules, channels, states, silences] = await Promise.all([
      this.repository.rules(),
      this.repository.channels(),
      this.repository.states(),
      this.repository.silences(),
    ]);
    const byId = new Map(channels.map((c) => [c.doc.channelId, c.doc]));
    const changed: { ruleId: string; state: AlertState }[] = [];
    let firing = 0;
    let notifications = 0;
    for (const { doc: rule } of rules) {
      const state = states.get(rule.ruleId) ?? QUIET;
      let found: { key: string; text: string; plant: string }[] = [];
      if (rule.enabled) {
        try {
          found = await this.items(rule, nowMs);
        } catch (err) {
          this.logger.error(`alert rule "${rule.name}" could not be evaluated: ${String(err)}`);
          continue; // its state stays as it was: no false "resolved"
        }
      }
      const labels: Record<string, string> = { ...state.labels };
      for (const f of found.slice(0, MAX_LABELS)) labels[f.key] = f.text;
      const plants: Record<string, string> = { ...state.plants };
      for (const f of found) plants[f.key] = f.plant;
      const decision = decide(
        rule,
        state,
        found.map((f) => f.key),
        nowMs,
      );
      const next = {
        ...decision.next,
        labels: Object.fromEntries(decision.next.items.slice(0, MAX_LABELS).map((k) => [k, labels[k] ?? k])),
        plants: Object.fromEntries(decision.next.items.map((k) => [k, plants[k] ?? ''])),
      };
      if (next.firing) firing++;
      const silence = activeSilence(silences, rule.ruleId, nowMs);
      for (const s of decision.send) {
        const to = (s.to === 'escalation' ? rule.escalationChannelIds : rule.channelIds)
          .map((id) => byId.get(id))
          .filter((c): c is AlertChannel => !!c);
        await this.delivery.notify(
          this.message(
            rule,
            s.kind,
            s.items.map((k) => labels[k] ?? k),
            nowMs,
            s.items.map((k) => plants[k] ?? ''),
          ),
          to,
          !!silence,
        );
        notifications++;
      }
      if (JSON.stringify(next) !== JSON.stringify(state)) changed.push({ ruleId: rule.ruleId, state: next });
    }
    await this.repository.saveStates(changed);
    return { rules: rules.length, firing, notifications };
  }

  message(
    rule: Pick<AlertRule, 'ruleId' | 'name' | 'kind'>,
    kind: NotificationKind,
    items: string[],
    nowMs: number,
    plants: string[] = [],
  ): AlertMessage {
    const createdAt = new Date(nowMs).toISOString();
    return {
      notificationId: `n-${createHash('sha256').update(`${rule.ruleId}|${kind}|${nowMs}`).digest('hex').slice(0, 20)}`,
      ruleId: rule.ruleId,
      ruleName: rule.name,
      kind,
      createdAt,
      items,
      plants,
      link: this.config.alerts.publicUrl ? `${this.config.alerts.publicUrl}${PAGE[rule.kind]}` : null,
    };
  }

  /**
   * Stops escalation of a firing rule: someone is on it. `check` sees the state acknowledged (the
   * caller's plant scope: it throws to refuse, or answers false for a rule that is not firing for them).
   */
  async acknowledge(
    ruleId: string,
    by: string,
    check: (state: AlertState) => boolean = () => true,
  ): Promise<AlertState | undefined> {
    const state = (await this.repository.states()).get(ruleId);
    if (!state?.firing || !check(state)) return undefined;
    const next = { ...state, acknowledgedBy: by, acknowledgedAt: new Date().toISOString() };
    await this.repository.saveStates([{ ruleId, state: next }]);
    return next;
  }
}
