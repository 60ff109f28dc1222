import { Injectable } from '@nestjs/common';
import { ClickHouseService } from '../../clickhouse/clickhouse.service';
import type { FlowRules, Priority } from './flow-rules';
import { isoFromClickHouse } from '../../clickhouse/clickhouse-time';

interface Row {
  flow: string;
  version: string | number;
  sla_seconds: number;
  grace_seconds: number;
  tolerance_abs: number;
  tolerance_pct: number;
  event_types: string[];
  posting_types: string[];
  requires_reference: number;
  priority: Priority;
  high_value: number;
  bucket_minutes: number;
  enabled: number;
  updated_by: string;
  updated_at: string;
}

const toRules = (r: Row): FlowRules => ({
  flow: r.flow,
  version: Number(r.version),
  slaSeconds: r.sla_seconds,
  graceSeconds: r.grace_seconds,
  toleranceAbs: r.tolerance_abs,
  tolerancePct: r.tolerance_pct,
  eventTypes: r.event_types,
  postingTypes: r.posting_types,
  requiresReference: r.requires_reference === 1,
  priority: r.priority,
  highValue: r.high_value,
  bucketMinutes: r.bucket_minutes,
  enabled: r.enabled === 1,
  updatedBy: r.updated_by,
  updatedAt: isoFromClickHouse(r.updated_at),
});

const COLUMNS = `flow, version, sla_seconds, grace_seconds, tolerance_abs, tolerance_pct, event_types, posting_types,
  requires_reference, priority, high_value, bucket_minutes, enabled, updated_by, toString(updated_at) AS updated_at`;

/** Flow rules, append-only: every change is a new version; the latest version per flow is in force. */
@Injectable()
export class FlowRulesRepository {
  constructor(private readonly clickhouse: ClickHouseService) {}

  async current(): Promise<FlowRules[]> {
    const rows = await this.clickhouse.query<Row>({
      name: 'flow_rules.current',
      sql: `SELECT ${COLUMNS} FROM flow_rules ORDER BY flow, version DESC LIMIT 1 BY flow`,
    });
    return rows.map(toRules);
  }

  async history(flow: string): Promise<FlowRules[]> {
    const rows = await this.clickhouse.query<Row>({
      name: 'flow_rules.history',
      sql: `SELECT ${COLUMNS} FROM flow_rules WHERE flow = {flow:String} ORDER BY version DESC LIMIT 100`,
      params: { flow },
    });
    return rows.map(toRules);
  }

  async save(r: FlowRules): Promise<void> {
    await this.clickhouse.insert('flow_rules', [
      {
        flow: r.flow,
        version: r.version,
        sla_seconds: r.slaSeconds,
        grace_seconds: r.graceSeconds,
        tolerance_abs: r.toleranceAbs,
        tolerance_pct: r.tolerancePct,
        event_types: r.eventTypes,
        posting_types: r.postingTypes,
        requires_reference: r.requiresReference ? 1 : 0,
        priority: r.priority,
        high_value: r.highValue,
        bucket_minutes: r.bucketMinutes,
        enabled: r.enabled ? 1 : 0,
        updated_by: r.updatedBy,
        updated_at: r.updatedAt,
      },
    ]);
  }
}
