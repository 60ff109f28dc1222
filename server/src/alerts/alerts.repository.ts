import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { ClickHouseService } from '../clickhouse/clickhouse.service';
import { chTime, isoFromClickHouse } from '../clickhouse/clickhouse-time';
import type { PlantScope } from '../domain/plant-scope';
import { QUIET, type AlertChannel, type AlertRule, type AlertState } from './alert-model';
import { ITEM_PLANT_SQL } from './alert-scope';

export interface Stored<T> {
  doc: T;
  updatedBy: string;
  updatedAt: string;
}

export interface AlertSilence {
  silenceId: string;
  ruleId: string;
  startsAt: string;
  endsAt: string;
  reason: string;
  createdBy: string;
  createdAt: string;
  cancelled: boolean;
}

export interface NotificationRow {
  notificationId: string;
  channelId: string;
  ruleId: string;
  ruleName: string;
  kind: string;
  createdAt: string;
  status: string;
  attempts: number;
  lastError: string;
  sentAt: string | null;
  summary: string;
  items: string[];
}

export interface ChannelHealth {
  channelId: string;
  lastStatus: string;
  lastAt: string;
  lastError: string;
  lastSentAt: string | null;
  failuresSinceSent: number;
}

/** Channels, rules, state, silences and notifications in ClickHouse: versioned rows, the latest wins. */
@Injectable()
export class AlertsRepository {
  private version = 0;
  constructor(private readonly clickhouse: ClickHouseService) {}

  /** Strictly increasing versions within this process, time-based across processes. */
  private nextVersion(): number {
    this.version = Math.max(Date.now() * 1000, this.version + 1);
    return this.version;
  }

  private async docs<T>(table: 'alert_channels' | 'alert_rules'): Promise<Stored<T>[]> {
    const id = table === 'alert_channels' ? 'channel_id' : 'rule_id';
    const rows = await this.clickhouse.query<{ doc: string; deleted: number; updated_by: string; updated_at: string }>({
      name: `${table}.current`,
      sql: `SELECT doc, deleted, updated_by, toString(updated_at) AS updated_at FROM ${table} FINAL ORDER BY ${id}`,
    });
    return rows
      .filter((r) => r.deleted === 0)
      .map((r) => ({ doc: JSON.parse(r.doc) as T, updatedBy: r.updated_by, updatedAt: isoFromClickHouse(r.updated_at) }));
  }

  channels(): Promise<Stored<AlertChannel>[]> {
    return this.docs<AlertChannel>('alert_channels');
  }

  rules(): Promise<Stored<AlertRule>[]> {
    return this.docs<AlertRule>('alert_rules');
  }

  async saveChannel(c: AlertChannel, actor: string, deleted = false): Promise<void> {
    await this.clickhouse.insert('alert_channels', [
      {
        channel_id: c.channelId,
        version: this.nextVersion(),
        doc: JSON.stringify(c),
        deleted: deleted ? 1 : 0,
        updated_by: actor,
        updated_at: chTime(Date.now()),
      },
    ]);
  }

  async saveRule(r: AlertRule, actor: string, deleted = false): Promise<void> {
    await this.clickhouse.insert('alert_rules', [
      {
        rule_id: r.ruleId,
        version: this.nextVersion(),
        doc: JSON.stringify(r),
        deleted: deleted ? 1 : 0,
        updated_by: actor,
        updated_at: chTime(Date.now()),
      },
    ]);
  }

  async states(): Promise<Map<string, AlertState>> {
    const rows = await this.clickhouse.query<{ rule_id: string; doc: string }>({
      name: 'alert_state.current',
      sql: 'SELECT rule_id, doc FROM alert_state FINAL',
    });
    return new Map(rows.map((r) => [r.rule_id, { ...QUIET, ...(JSON.parse(r.doc) as Partial<AlertState>) }]));
  }

  async saveStates(states: { ruleId: string; state: AlertState }[]): Promise<void> {
    if (states.length === 0) return;
    await this.clickhouse.insert(
      'alert_state',
      states.map((s) => ({ rule_id: s.ruleId, version: this.nextVersion(), doc: JSON.stringify(s.state) })),
    );
  }

  async silences(): Promise<AlertSilence[]> {
    const rows = await this.clickhouse.query<Record<string, string | number>>({
      name: 'alert_silences.current',
      sql: `SELECT silence_id, rule_id, toString(starts_at) AS starts_at, toString(ends_at) AS ends_at, reason, created_by,
                   toString(created_at) AS created_at, cancelled
            FROM alert_silences FINAL WHERE ends_at > now64(3) - toIntervalDay(30) ORDER BY starts_at DESC`,
    });
    return rows.map((r) => ({
      silenceId: String(r.silence_id),
      ruleId: String(r.rule_id),
      startsAt: isoFromClickHouse(String(r.starts_at)),
      endsAt: isoFromClickHouse(String(r.ends_at)),
      reason: String(r.reason),
      createdBy: String(r.created_by),
      createdAt: isoFromClickHouse(String(r.created_at)),
      cancelled: Number(r.cancelled) === 1,
    }));
  }

  async saveSilence(s: AlertSilence): Promise<void> {
    await this.clickhouse.insert('alert_silences', [
      {
        silence_id: s.silenceId,
        version: this.nextVersion(),
        rule_id: s.ruleId,
        starts_at: chTime(Date.parse(s.startsAt)),
        ends_at: chTime(Date.parse(s.endsAt)),
        reason: s.reason,
        created_by: s.createdBy,
        created_at: chTime(Date.parse(s.createdAt)),
        cancelled: s.cancelled ? 1 : 0,
      },
    ]);
  }

  async recordNotification(
    n: Omit<NotificationRow, 'createdAt' | 'sentAt'> & { createdAt: string; sentAt?: string | null },
  ): Promise<void> {
    await this.clickhouse.insert('alert_notifications', [
      {
        notification_id: n.notificationId,
        channel_id: n.channelId,
        version: this.nextVersion(),
        rule_id: n.ruleId,
        rule_name: n.ruleName,
        kind: n.kind,
        created_at: chTime(Date.parse(n.createdAt)),
        status: n.status,
        attempts: n.attempts,
        last_error: n.lastError.slice(0, 2000),
        sent_at: n.sentAt ? chTime(Date.parse(n.sentAt)) : null,
        summary: n.summary,
        items: n.items,
      },
    ]);
  }

  /**
   * The newest notifications with at least one line of the caller's plants (every notification for
   * every plant). Lines are returned as stored, with their plant: `notificationFor` (alert-scope.ts)
   * keeps only the caller's.
   */
  async notifications(first: number, ruleId: string | undefined, scope: PlantScope): Promise<NotificationRow[]> {
    const rows = await this.clickhouse.scopedQuery<Record<string, string | number | string[] | null>>(
      {
        name: 'alert_notifications.page',
        sql: `SELECT notification_id, channel_id, rule_id, rule_name, kind, toString(created_at) AS created_at, status, attempts,
                   last_error, if(isNull(sent_at), '', toString(sent_at)) AS sent_at, summary, items
            FROM alert_notifications FINAL
            WHERE ({rule:String} = '' OR rule_id = {rule:String})
              AND ({scope_all:Bool} OR arrayExists(p -> p != '' AND has({scope_plants:Array(String)}, p), arrayMap(i -> ${ITEM_PLANT_SQL}, items)))
            ORDER BY created_at DESC, notification_id, channel_id LIMIT {first:UInt32}`,
        params: { first, rule: ruleId ?? '' },
      },
      scope,
    );
    return rows.map((r) => ({
      notificationId: String(r.notification_id),
      channelId: String(r.channel_id),
      ruleId: String(r.rule_id),
      ruleName: String(r.rule_name),
      kind: String(r.kind),
      createdAt: isoFromClickHouse(String(r.created_at)),
      status: String(r.status),
      attempts: Number(r.attempts),
      lastError: String(r.last_error),
      sentAt: r.sent_at ? isoFromClickHouse(String(r.sent_at)) : null,
      summary: String(r.summary),
      items: (r.items as string[]) ?? [],
    }));
  }

  /** Per channel: its last notification's outcome, last error, and failures since it last delivered. */
  async channelHealth(): Promise<ChannelHealth[]> {
    const rows = await this.clickhouse.query<Record<string, string | number>>({
      name: 'alert_notifications.health',
      sql: `SELECT n.channel_id AS channel_id,
                   argMax(n.status, n.created_at) AS last_status, toString(max(n.created_at)) AS last_at,
                   argMaxIf(n.last_error, n.created_at, n.last_error != '') AS last_error,
                   if(s.has_sent = 1, toString(s.sent_max), '') AS last_sent_at,
                   countIf(n.status = 'failed' AND (s.has_sent = 0 OR n.created_at > s.sent_max)) AS failures
            FROM alert_notifications AS n FINAL
            LEFT JOIN
            (
                SELECT channel_id, max(created_at) AS sent_max, toUInt8(1) AS has_sent
                FROM alert_notifications FINAL WHERE status = 'sent' GROUP BY channel_id
            ) AS s ON s.channel_id = n.channel_id
            WHERE n.status != 'silenced'
            GROUP BY n.channel_id, s.has_sent, s.sent_max
            SETTINGS join_use_nulls = 0`,
    });
    return rows.map((r) => ({
      channelId: String(r.channel_id),
      lastStatus: String(r.last_status),
      lastAt: isoFromClickHouse(String(r.last_at)),
      lastError: String(r.last_error),
      lastSentAt: r.last_sent_at ? isoFromClickHouse(String(r.last_sent_at)) : null,
      failuresSinceSent: Number(r.failures),
    }));
  }
}

export const newId = (prefix: string) => `${prefix}-${randomUUID().slice(0, 13)}`;
