import { Inject, Injectable } from '@nestjs/common';
import type { Redis } from 'ioredis';
import type { Readable } from 'node:stream';
import { ClickHouseService } from '../clickhouse/clickhouse.service';
import { paramChunks } from '../clickhouse/param-chunks';
import { BusyError, InputError, NotFoundError } from '../common/errors/input-error';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/config';
import { APP_REDIS } from '../redis/redis.module';
import { withRedisLock } from '../redis/redis-lock';
import { timeInput } from '../common/validation/time-input';
import { decodeCheckedCursor, cursorParts } from '../common/paging/cursor';
import { encodeCursor } from '../common/paging/paging';
import type { PlantScope } from '../domain/plant-scope';
import { ACTIVE_STATUSES } from '../reconciliation/reconcile.queries';
import { FlowRulesRepository } from '../reconciliation/rules/flow-rules.repository';
import { MasterDataRepository } from '../reconciliation/master-data/master-data.repository';
import {
  APPLY_ACTION,
  FINDING_COUNTS,
  FINDING_COUNTS_BY_PERIOD,
  FINDING_EVENTS,
  FINDING_GROUPS,
  FINDING_HISTORY,
  FINDING_POSTINGS,
  FINDINGS_COUNT,
  FINDINGS_EXPORT,
  findingsPage,
  PAGED_BY_POSITION,
  type OrderKey,
} from './findings.queries';
import {
  FINDING_MEANING,
  type Finding,
  type FindingConnection,
  type FindingCount,
  type FindingDetail,
  type FindingFilterInput,
  type FindingGroup,
} from './findings.types';
import { isoFromClickHouse } from '../clickhouse/clickhouse-time';

interface FindingRow {
  finding_id: string;
  type: string;
  plant: string;
  line: string;
  flow: string;
  order_id: string;
  material: string;
  event_ids: string[];
  posting_ids: string[];
  correlation_ids: string[];
  device_quantity: number | null;
  erp_quantity: number | null;
  unit: string;
  value_at_risk: number;
  currency: string;
  severity_text: string;
  priority_text: string;
  anchor_text: string;
  since_text: string;
  first_seen_text: string;
  last_seen_text: string;
  details: string;
  rules_version: string | number;
  status: string;
  status_at_text: string;
  status_by: string;
  status_reason: string;
  assignee: string;
  age_seconds: number;
  sort_value?: number;
}

const EPOCH = '1970-01-01 00:00:00.000';

function toFinding(r: FindingRow): Finding {
  const changed = r.status_at_text && r.status_at_text !== EPOCH;
  return {
    id: r.finding_id,
    type: r.type,
    status: r.status,
    severity: r.severity_text,
    priority: r.priority_text,
    plant: r.plant,
    line: r.line,
    flow: r.flow,
    orderId: r.order_id,
    material: r.material,
    eventIds: r.event_ids,
    postingIds: r.posting_ids,
    correlationIds: r.correlation_ids,
    deviceQuantity: r.device_quantity,
    erpQuantity: r.erp_quantity,
    unit: r.unit,
    valueAtRisk: r.value_at_risk,
    currency: r.currency,
    happenedAt: isoFromClickHouse(r.anchor_text),
    conditionSince: isoFromClickHouse(r.since_text),
    firstSeenAt: isoFromClickHouse(r.first_seen_text),
    lastSeenAt: isoFromClickHouse(r.last_seen_text),
    resolution: changed && r.status_reason ? r.status_reason : null,
    statusChangedAt: changed ? isoFromClickHouse(r.status_at_text) : null,
    statusChangedBy: changed ? r.status_by : null,
    assignee: r.assignee || null,
    details: r.details,
    rulesVersion: String(r.rules_version),
    ageSeconds: Number(r.age_seconds),
  };
}

/** Bound parameters of the filter (findings.queries.ts CURRENT_FINDINGS). */
export function filterParams(filter: FindingFilterInput | undefined | null) {
  const f = filter ?? {};
  const fromMs = timeInput(f.from, 'filter.from', 0);
  const toMs = timeInput(f.to, 'filter.to', 4102444800000);
  if (fromMs >= toMs) throw new InputError('filter.from must be before filter.to', 'filter.from');
  return {
    f_plants: f.plants ?? [],
    f_types: f.types ?? [],
    f_statuses: f.statuses ?? [],
    f_severities: f.severities ?? [],
    f_lines: f.lines ?? [],
    f_flows: f.flows ?? [],
    f_order: f.orderId ?? '',
    f_material: f.material ?? '',
    f_assignee: f.assignee ?? '',
    f_id_filter: f.ids !== undefined && f.ids !== null,
    f_ids: f.ids ?? [],
    f_about: (f.eventIds ?? []).length + (f.correlationIds ?? []).length > 0,
    f_event_ids: f.eventIds ?? [],
    f_correlation_ids: f.correlationIds ?? [],
    f_from: fromMs,
    f_to: toMs,
    f_first_seen_until: timeInput(f.firstSeenUntil, 'filter.firstSeenUntil', 4102444800000),
  };
}

export type FindingAction =
  | { kind: 'status'; status: 'acknowledged' | 'resolved_manual' | 'ignored'; reason: string }
  /** Replay's own moves (issue 13): queued when a person asks, sent when the target took it, open again when it failed. */
  | { kind: 'status'; status: 'replay_queued' | 'replay_sent' | 'open'; reason: string }
  | { kind: 'assign'; assignee: string; reason: string }
  | { kind: 'comment'; comment: string };

/** Which statuses each action may start from. */
const ACTION_FROM: Record<string, readonly string[]> = {
  acknowledged: ['open'],
  resolved_manual: ACTIVE_STATUSES,
  ignored: ACTIVE_STATUSES,
  assign: ['open', 'acknowledged', 'assigned'],
  comment: [],
  replay_queued: ['open', 'acknowledged', 'assigned'],
  replay_sent: ['replay_queued'],
  open: ['replay_queued'],
};

@Injectable()
export class FindingsService {
  constructor(
    private readonly clickhouse: ClickHouseService,
    private readonly rules: FlowRulesRepository,
    private readonly masterData: MasterDataRepository,
    @Inject(APP_REDIS) private readonly redis: Redis,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async list(
    scope: PlantScope,
    filter: FindingFilterInput | undefined,
    order: OrderKey,
    descending: boolean,
    first: number,
    after: string | undefined,
  ): Promise<FindingConnection> {
    const cursor = after ? decodeCheckedCursor<[number, string]>(after, [cursorParts.finite, cursorParts.text]) : undefined;
    // By position (PAGED_BY_POSITION): the cursor is [offset, '@'].
    const byPosition = PAGED_BY_POSITION.has(order);
    const offset = byPosition && cursor ? cursor[0] : 0;
    if (byPosition && cursor && (cursor[1] !== '@' || !Number.isSafeInteger(offset) || offset < 0 || offset > 10_000_000))
      throw new InputError('after must be a cursor this list gave out (pageInfo.endCursor)', 'after');
    const params = {
      ...filterParams(filter),
      has_cursor: !!cursor,
      cursor_value: cursor?.[0] ?? 0,
      cursor_id: cursor?.[1] ?? '',
      limit: first + 1,
      offset,
    };
    const readAt = new Date().toISOString();
    const [rows, [count]] = await Promise.all([
      this.clickhouse.scopedQuery<FindingRow>({ name: 'findings.page', sql: findingsPage(order, descending), params }, scope),
      this.clickhouse.scopedQuery<{ n: number }>({ name: 'findings.count', sql: FINDINGS_COUNT, params }, scope),
    ]);
    const page = rows.slice(0, first);
    const last = page[page.length - 1];
    return {
      nodes: page.map(toFinding),
      pageInfo: {
        hasNextPage: rows.length > first,
        endCursor: last ? encodeCursor(byPosition ? [offset + page.length, '@'] : [last.sort_value ?? 0, last.finding_id]) : null,
      },
      totalCount: Number(count?.n ?? 0),
      readAt,
    };
  }

  async counts(scope: PlantScope, filter: FindingFilterInput | undefined): Promise<FindingCount[]> {
    const rows = await this.clickhouse.scopedQuery<{
      type: string;
      status: string;
      n: number;
      value: number;
      currency_any: string;
    }>({ name: 'findings.counts', sql: FINDING_COUNTS, params: filterParams(filter) }, scope);
    return rows.map((r) => ({
      type: r.type,
      status: r.status,
      count: Number(r.n),
      valueAtRisk: r.value,
      currency: r.currency_any,
    }));
  }

  /** Counts by type and status of the findings anchored before `splitMs` (period 1) and from it on (period 0). */
  async countsByPeriod(
    scope: PlantScope,
    filter: Omit<FindingFilterInput, 'assignee'> | undefined,
    splitMs: number,
  ): Promise<{ period: number; type: string; status: string; count: number }[]> {
    const rows = await this.clickhouse.scopedQuery<{ period: number; type: string; status: string; n: string }>(
      { name: 'findings.counts_by_period', sql: FINDING_COUNTS_BY_PERIOD, params: { ...filterParams(filter), f_split: splitMs } },
      scope,
    );
    return rows.map((r) => ({ period: Number(r.period), type: r.type, status: r.status, count: Number(r.n) }));
  }

  async groups(scope: PlantScope, filter: FindingFilterInput | undefined, first: number): Promise<FindingGroup[]> {
    const readAt = new Date().toISOString();
    const rows = await this.clickhouse.scopedQuery<{
      type: string;
      plant: string;
      line: string;
      flow: string;
      hour_text: string;
      n: number;
      value: number;
      worst_severity: number;
      active_n: number;
      currency_any: string;
      statuses: string[];
    }>({ name: 'findings.groups', sql: FINDING_GROUPS, params: { ...filterParams(filter), limit: first } }, scope);
    const severities = ['critical', 'high', 'medium', 'low'];
    return rows.map((r) => ({
      type: r.type,
      plant: r.plant,
      line: r.line,
      flow: r.flow,
      hour: isoFromClickHouse(r.hour_text),
      count: Number(r.n),
      activeCount: Number(r.active_n),
      valueAtRisk: r.value,
      currency: r.currency_any,
      worstSeverity: severities[Number(r.worst_severity) - 1] ?? 'low',
      statuses: r.statuses.sort(),
      readAt,
    }));
  }

  /** One finding with its history, device events and postings; NOT_FOUND outside the caller's plants. */
  async detail(scope: PlantScope, id: string): Promise<FindingDetail> {
    const params = { ...filterParams({ ids: [id] }), has_cursor: false, cursor_value: 0, cursor_id: '', limit: 1, offset: 0 };
    const [row] = await this.clickhouse.scopedQuery<FindingRow>(
      { name: 'findings.one', sql: findingsPage('LAST_SEEN', true), params },
      scope,
    );
    if (!row) throw new NotFoundError(`No finding ${id}`);
    const [history, events, postings, rules, conversions] = await Promise.all([
      this.clickhouse.query<{
        at_text: string;
        kind_text: string;
        status: string;
        assignee: string;
        comment: string;
        actor: string;
      }>({
        name: 'findings.history',
        sql: FINDING_HISTORY,
        params: { id },
      }),
      this.clickhouse.scopedQuery<{
        event_id: string;
        time_text: string;
        plant: string;
        line: string;
        asset: string;
        order_id: string;
        material: string;
        event_type: string;
        quantity: number;
        unit: string;
      }>({ name: 'findings.events', sql: FINDING_EVENTS, params: { ids: row.event_ids } }, scope),
      this.clickhouse.scopedQuery<{
        document_id: string;
        time_text: string;
        plant: string;
        order_id: string;
        material: string;
        posting_type: string;
        quantity: number;
        unit: string;
        device_event_id: string;
        reverses_document_id: string;
      }>({ name: 'findings.postings', sql: FINDING_POSTINGS, params: { ids: row.event_ids, docs: row.posting_ids } }, scope),
      row.flow ? this.rules.history(row.flow) : Promise.resolve([]),
      this.masterData.conversions(),
    ]);
    // The device's quantity in the finding's (the ERP's) unit, as reconciliation compared them.
    const factors = new Map(conversions.map((c) => [`${c.material}|${c.fromUnit}|${c.toUnit}`, c.factor]));
    const inFindingUnit = (material: string, qty: number, unit: string): number | null => {
      if (!row.unit || !unit || unit === row.unit) return null;
      const f = factors.get(`${material}|${unit}|${row.unit}`) ?? factors.get(`|${unit}|${row.unit}`);
      return f === undefined ? null : qty * f;
    };
    const finding = toFinding(row);
    const ruleVersion = rules.find((r) => String(r.version) === finding.rulesVersion);
    return {
      finding,
      meaning: FINDING_MEANING[row.type] ?? '',
      history: history.map((h) => ({
        at: isoFromClickHouse(h.at_text),
        kind: h.kind_text,
        status: h.status || null,
        assignee: h.assignee || null,
        comment: h.comment || null,
        actor: h.actor,
      })),
      deviceEvents: events.map((e) => ({
        eventId: e.event_id,
        eventTime: isoFromClickHouse(e.time_text),
        plant: e.plant,
        line: e.line,
        asset: e.asset,
        orderId: e.order_id,
        material: e.material,
        eventType: e.event_type,
        quantity: e.quantity,
        unit: e.unit,
        quantityInFindingUnit: inFindingUnit(e.material, e.quantity, e.unit),
      })),
      postings: postings.map((p) => ({
        documentId: p.document_id,
        postedAt: isoFromClickHouse(p.time_text),
        plant: p.plant,
        orderId: p.order_id,
        material: p.material,
        postingType: p.posting_type,
        quantity: p.quantity,
        unit: p.unit,
        deviceEventId: p.device_event_id,
        reversesDocumentId: p.reverses_document_id || null,
      })),
      rules: ruleVersion ? JSON.stringify(ruleVersion) : null,
    };
  }

  /**
   * Applies an action to exactly the findings in scope that match the target and may take it,
   * inside ClickHouse; returns how many changed. People's actions run one at a time across every
   * instance (a Redis lock): each reads the statuses the one before wrote, so two people acting on one
   * finding at once are not both told they changed it, and its history has one change, not two.
   */
  async apply(
    scope: PlantScope,
    target: { ids?: string[] | null; filter?: FindingFilterInput | null },
    action: FindingAction,
    actor: { id: string; role: string },
  ): Promise<number> {
    const hasIds = !!target.ids?.length;
    if (!hasIds && !target.filter) throw new InputError('give ids, or a filter', 'target');
    // Thousands of ids do not fit in one query parameter: one write per part, the counts added up.
    const parts = hasIds ? paramChunks(target.ids!) : [];
    if (parts.length > 1) {
      let changed = 0;
      for (const ids of parts) changed += await this.apply(scope, { ...target, ids }, action, actor);
      return changed;
    }
    const filter: FindingFilterInput = { ...(target.filter ?? {}), ...(hasIds ? { ids: target.ids! } : {}) };
    const key = action.kind === 'status' ? action.status : action.kind;
    const { writtenRows } = await withRedisLock(
      this.redis,
      `${this.config.queuePrefix}:findings-action-lock`,
      {
        holdMs: 60_000,
        waitMs: 30_000,
        busy: () => new BusyError('Other actions on findings are still running; nothing was changed, try again in a moment'),
      },
      () =>
        this.clickhouse.scopedWrite(
          {
            name: `findings.${key}`,
            sql: APPLY_ACTION,
            params: {
              ...filterParams(filter),
              at: new Date().toISOString().replace('T', ' ').replace('Z', ''),
              kind: action.kind,
              new_status: action.kind === 'status' ? action.status : action.kind === 'assign' ? 'assigned' : '',
              new_assignee: action.kind === 'assign' ? action.assignee : '',
              comment: action.kind === 'comment' ? action.comment : action.reason,
              actor: actor.id,
              actor_role: actor.role,
              from_statuses: ACTION_FROM[key] ?? [],
            },
          },
          scope,
        ),
    );
    return writtenRows;
  }

  /** Every matching finding as CSV or NDJSON, streamed from ClickHouse. */
  export(scope: PlantScope, filter: FindingFilterInput, format: 'csv' | 'ndjson'): Promise<Readable> {
    return this.clickhouse.scopedStream(
      { name: 'findings.export', sql: FINDINGS_EXPORT, params: filterParams(filter) },
      scope,
      format === 'csv' ? 'CSVWithNames' : 'JSONEachRow',
    );
  }
}
