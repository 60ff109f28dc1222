import { Injectable } from '@nestjs/common';
import { InputError } from '../../common/errors/input-error';
import { isTimeZone, minuteOfDay, plantTimeMs, type PlantCalendar } from '../master-data/calendar';
import { MasterDataRepository, type UnitConversion } from '../master-data/master-data.repository';
import { UnitsService } from '../../ingest/units/units.service';
import { PLANT_CODE } from '../../domain/roles';
import { PRIORITIES, validateFlowRules, type FlowRules, type Priority } from './flow-rules';
import { FlowRulesRepository } from './flow-rules.repository';

/** New flows start from these (what the simulator's flows were seeded with). */
const NEW_FLOW_DEFAULTS = {
  slaSeconds: 900,
  graceSeconds: 900,
  toleranceAbs: 0,
  tolerancePct: 0,
  postingTypes: [] as string[],
  requiresReference: true,
  priority: 'standard' as Priority,
  highValue: 1000,
  bucketMinutes: 60,
  enabled: true,
};

/**
 * Changes to the rules and master data, each checked before it is stored: a change that cannot be
 * right is refused with the field and what is allowed, and what is in force stays as it was.
 */
@Injectable()
export class RulesService {
  constructor(
    private readonly rules: FlowRulesRepository,
    private readonly masterData: MasterDataRepository,
    private readonly units: UnitsService,
  ) {}

  async updateFlowRules(
    input: Partial<Omit<FlowRules, 'version' | 'updatedBy' | 'updatedAt'>> & { flow: string },
    actor: string,
  ): Promise<{ before: FlowRules | undefined; after: FlowRules }> {
    const current = await this.rules.current();
    const before = current.find((r) => r.flow === input.flow);
    const base = before ?? { flow: input.flow, eventTypes: [] as string[], ...NEW_FLOW_DEFAULTS };
    const merged = Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined && v !== null));
    const next = { ...base, ...merged } as Omit<FlowRules, 'version' | 'updatedBy' | 'updatedAt'>;
    next.eventTypes = [...new Set(next.eventTypes)];
    next.postingTypes = [...new Set(next.postingTypes)];
    if (!(PRIORITIES as readonly string[]).includes(next.priority)) {
      throw new InputError(`priority must be one of ${PRIORITIES.join(', ')}`, 'priority');
    }
    validateFlowRules(next, current);
    const after: FlowRules = {
      ...next,
      version: Math.max(Date.now(), (before?.version ?? 0) + 1),
      updatedBy: actor,
      updatedAt: new Date().toISOString(),
    };
    await this.rules.save(after);
    return { before, after };
  }

  async setConversion(c: UnitConversion): Promise<UnitConversion> {
    const table = await this.units.current();
    const from = table.resolve(c.fromUnit.trim());
    const to = table.resolve(c.toUnit.trim());
    if (!from)
      throw new InputError(`fromUnit "${c.fromUnit}" is not a known unit; known: ${table.codes().join(', ')}`, 'fromUnit');
    if (!to) throw new InputError(`toUnit "${c.toUnit}" is not a known unit; known: ${table.codes().join(', ')}`, 'toUnit');
    if (from === to) throw new InputError('fromUnit and toUnit must differ', 'toUnit');
    if (!Number.isFinite(c.factor) || c.factor <= 0)
      throw new InputError(`factor must be a number above 0; got ${c.factor}`, 'factor');
    const material = c.material.trim();
    // Both directions, so a comparison finds its factor whichever side is the ERP's.
    await this.masterData.saveConversion({ material, fromUnit: from, toUnit: to, factor: c.factor });
    await this.masterData.saveConversion({ material, fromUnit: to, toUnit: from, factor: 1 / c.factor });
    return { material, fromUnit: from, toUnit: to, factor: c.factor };
  }

  async setCost(c: { material: string; cost: number; unit: string }, actor: string) {
    const table = await this.units.current();
    const unit = table.resolve(c.unit.trim());
    if (!c.material.trim()) throw new InputError('material must not be empty', 'material');
    if (!unit) throw new InputError(`unit "${c.unit}" is not a known unit; known: ${table.codes().join(', ')}`, 'unit');
    if (!Number.isFinite(c.cost) || c.cost < 0) throw new InputError(`cost must be 0 or more; got ${c.cost}`, 'cost');
    const cost = { material: c.material.trim(), cost: c.cost, unit };
    await this.masterData.saveCost(cost, actor);
    return cost;
  }

  async setCalendar(c: PlantCalendar, actor: string): Promise<PlantCalendar> {
    if (!PLANT_CODE.test(c.plant))
      throw new InputError('plant must be a plant code (letters, digits, _ . -, at most 64)', 'plant');
    if (!isTimeZone(c.timezone))
      throw new InputError(`timezone "${c.timezone}" is not an IANA time zone such as Europe/Berlin or UTC`, 'timezone');
    if (!Number.isInteger(c.silentMinutes) || c.silentMinutes < 1 || c.silentMinutes > 10_080)
      throw new InputError(`silentMinutes must be a whole number from 1 to 10080; got ${c.silentMinutes}`, 'silentMinutes');
    c.shifts.forEach((s, i) => {
      if (!Number.isInteger(s.weekday) || s.weekday < 1 || s.weekday > 7)
        throw new InputError(`shifts[${i}].weekday must be 1 (Monday) to 7 (Sunday); got ${s.weekday}`, `shifts.${i}.weekday`);
      for (const k of ['start', 'end'] as const) {
        try {
          minuteOfDay(s[k]);
        } catch {
          throw new InputError(`shifts[${i}].${k} must be a time HH:MM; got "${s[k]}"`, `shifts.${i}.${k}`);
        }
      }
    });
    // A stop's time without an offset is the plant's wall clock (its calendar's zone), stored in UTC.
    const stops = c.stops.map((s, i) => {
      const [from, to] = [plantTimeMs(s.startsAt, c.timezone), plantTimeMs(s.endsAt, c.timezone)];
      for (const [k, v] of [
        ['startsAt', from],
        ['endsAt', to],
      ] as const)
        if (Number.isNaN(v))
          throw new InputError(
            `stops[${i}].${k} must be an ISO 8601 time such as 2026-12-24T06:00 (the plant's time) or 2026-12-24T05:00Z`,
            `stops.${i}.${k}`,
          );
      if (!(to > from)) throw new InputError(`stops[${i}].endsAt must be after startsAt`, `stops.${i}.endsAt`);
      return { ...s, startsAt: new Date(from).toISOString(), endsAt: new Date(to).toISOString() };
    });
    c.holidays.forEach((d, i) => {
      if (
        !/^\d{4}-\d{2}-\d{2}$/.test(d) ||
        Number.isNaN(Date.parse(`${d}T00:00:00Z`)) ||
        new Date(`${d}T00:00:00Z`).toISOString().slice(0, 10) !== d
      )
        throw new InputError(`holidays[${i}] must be a date YYYY-MM-DD; got "${d}"`, `holidays.${i}`);
    });
    const calendar = { ...c, stops };
    await this.masterData.saveCalendar(calendar, actor);
    return calendar;
  }
}
