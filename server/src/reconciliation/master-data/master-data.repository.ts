import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { ClickHouseService } from '../../clickhouse/clickhouse.service';
import type { PlantCalendar } from './calendar';
import { isoFromClickHouse } from '../../clickhouse/clickhouse-time';

export interface UnitConversion {
  material: string;
  fromUnit: string;
  toUnit: string;
  factor: number;
}

export interface MaterialCost {
  material: string;
  cost: number;
  unit: string;
  updatedBy: string;
  updatedAt: string;
}

export interface LineSilence {
  silenceId: string;
  plant: string;
  line: string;
  startsAt: string;
  endsAt: string;
  reason: string;
  createdBy: string;
  createdAt: string;
  cancelled: boolean;
}

const chTime = (iso8601: string) => new Date(iso8601).toISOString();

/** The master data that makes device events and postings comparable: conversions, costs, calendars, silences. */
@Injectable()
export class MasterDataRepository {
  constructor(private readonly clickhouse: ClickHouseService) {}

  async conversions(): Promise<UnitConversion[]> {
    const rows = await this.clickhouse.query<{ material: string; from_unit: string; to_unit: string; factor: number }>({
      name: 'master.conversions',
      sql: 'SELECT material, from_unit, to_unit, factor FROM unit_conversions FINAL WHERE factor != 0 ORDER BY material, from_unit, to_unit',
    });
    return rows.map((r) => ({ material: r.material, fromUnit: r.from_unit, toUnit: r.to_unit, factor: r.factor }));
  }

  async saveConversion(c: UnitConversion): Promise<void> {
    await this.clickhouse.insert('unit_conversions', [
      { material: c.material, from_unit: c.fromUnit, to_unit: c.toUnit, factor: c.factor, updated_at: new Date().toISOString() },
    ]);
  }

  async costs(): Promise<MaterialCost[]> {
    const rows = await this.clickhouse.query<{
      material: string;
      cost: number;
      unit: string;
      updated_by: string;
      updated_at: string;
    }>({
      name: 'master.costs',
      sql: 'SELECT material, cost, unit, updated_by, toString(updated_at) AS updated_at FROM material_costs FINAL ORDER BY material',
    });
    return rows.map((r) => ({
      material: r.material,
      cost: r.cost,
      unit: r.unit,
      updatedBy: r.updated_by,
      updatedAt: isoFromClickHouse(r.updated_at),
    }));
  }

  async saveCost(c: { material: string; cost: number; unit: string }, actor: string): Promise<void> {
    await this.clickhouse.insert('material_costs', [
      { ...c, version: Date.now() * 1000, updated_by: actor, updated_at: new Date().toISOString() },
    ]);
  }

  async calendars(): Promise<PlantCalendar[]> {
    const rows = await this.clickhouse.query<{
      plant: string;
      timezone: string;
      silent_minutes: number;
      shifts: { weekday: number; start: string; end: string }[];
      stops: [string, string, string][];
      holidays: string[];
    }>({
      name: 'master.calendars',
      sql: `SELECT plant, timezone, silent_minutes, shifts, arrayMap(s -> (toString(s.1), toString(s.2), s.3), stops) AS stops,
                   arrayMap(d -> toString(d), holidays) AS holidays
            FROM plant_calendars ORDER BY plant, version DESC LIMIT 1 BY plant`,
    });
    return rows.map((r) => ({
      plant: r.plant,
      timezone: r.timezone,
      silentMinutes: r.silent_minutes,
      shifts: r.shifts.map((x) => ({ weekday: x.weekday, start: x.start, end: x.end })),
      stops: r.stops.map(([a, b, reason]) => ({ startsAt: isoFromClickHouse(a), endsAt: isoFromClickHouse(b), reason })),
      holidays: r.holidays,
    }));
  }

  async saveCalendar(c: PlantCalendar, actor: string): Promise<void> {
    await this.clickhouse.insert('plant_calendars', [
      {
        plant: c.plant,
        version: Date.now() * 1000,
        timezone: c.timezone,
        silent_minutes: c.silentMinutes,
        shifts: c.shifts.map((s) => ({ weekday: s.weekday, start: s.start, end: s.end })),
        stops: c.stops.map((s) => ({ starts_at: chTime(s.startsAt), ends_at: chTime(s.endsAt), reason: s.reason })),
        holidays: c.holidays,
        updated_by: actor,
        updated_at: new Date().toISOString(),
      },
    ]);
  }

  /** Silences in force at any time in [fromMs, toMs), not cancelled. */
  async silences(fromMs: number, toMs: number): Promise<LineSilence[]> {
    const rows = await this.clickhouse.query<{
      silence_id: string;
      plant: string;
      line: string;
      starts_text: string;
      ends_text: string;
      reason: string;
      created_by: string;
      created_text: string;
      cancelled: number;
    }>({
      name: 'master.silences',
      sql: `SELECT silence_id, plant, line, toString(starts_at) AS starts_text, toString(ends_at) AS ends_text, reason, created_by,
                   toString(created_at) AS created_text, cancelled
            FROM line_silences FINAL
            WHERE ends_at > fromUnixTimestamp64Milli({fromMs:Int64}) AND starts_at < fromUnixTimestamp64Milli({toMs:Int64}) AND cancelled = 0
            ORDER BY plant, line, starts_at`,
      params: { fromMs, toMs },
    });
    return rows.map((r) => ({
      silenceId: r.silence_id,
      plant: r.plant,
      line: r.line,
      startsAt: isoFromClickHouse(r.starts_text),
      endsAt: isoFromClickHouse(r.ends_text),
      reason: r.reason,
      createdBy: r.created_by,
      createdAt: isoFromClickHouse(r.created_text),
      cancelled: r.cancelled === 1,
    }));
  }

  async saveSilence(
    s: Omit<LineSilence, 'silenceId' | 'createdAt' | 'cancelled'> & { silenceId?: string; cancelled?: boolean },
  ): Promise<LineSilence> {
    const silence: LineSilence = {
      ...s,
      silenceId: s.silenceId ?? randomUUID(),
      createdAt: new Date().toISOString(),
      cancelled: s.cancelled ?? false,
    };
    await this.clickhouse.insert('line_silences', [
      {
        silence_id: silence.silenceId,
        plant: silence.plant,
        line: silence.line,
        starts_at: chTime(silence.startsAt),
        ends_at: chTime(silence.endsAt),
        reason: silence.reason,
        created_by: silence.createdBy,
        created_at: silence.createdAt,
        cancelled: silence.cancelled ? 1 : 0,
        version: Date.now() * 1000,
      },
    ]);
    return silence;
  }
}
