import { Args, Field, Int, Mutation, ObjectType, Resolver } from '@nestjs/graphql';
import { Audit, type AuditNote } from '../audit/audit-note';
import { AlertsRepository } from '../alerts/alerts.repository';
import { CurrentPrincipal, RequirePermission } from '../common/access/access.decorators';
import { InputError } from '../common/errors/input-error';
import type { Principal } from '../domain/principal';
import { PLANT_CODE } from '../domain/roles';
import { MasterDataRepository } from '../reconciliation/master-data/master-data.repository';
import { ReplayTargetsRepository } from '../replay/replay-targets.repository';

@ObjectType({ description: 'What a new plant took over from its template plant.' })
export class PlantFromTemplate {
  @Field() plant!: string;
  @Field() fromPlant!: string;
  @Field({ description: 'The calendar (shifts, stops, holidays, silent minutes) was copied.' }) calendar!: boolean;
  @Field(() => Int, { description: 'Plant-specific replay targets copied.' }) replayTargets!: number;
  @Field(() => Int, { description: 'Alert rules scoped to the template plant that now cover the new one too.' })
  alertRules!: number;
}

/**
 * A new plant starts from a template: the chosen plant's calendar, its plant-specific settings
 * (replay targets) and its alert scopes. Flow rules are per flow and apply to every plant already.
 */
@Resolver()
export class PlantTemplateResolver {
  constructor(
    private readonly masterData: MasterDataRepository,
    private readonly targets: ReplayTargetsRepository,
    private readonly alerts: AlertsRepository,
  ) {}

  @Mutation(() => PlantFromTemplate, {
    description: 'Sets up a new plant as a copy of an existing one (calendar, replay targets, alert scopes).',
  })
  @RequirePermission('rules:manage')
  async createPlantFromTemplate(
    @CurrentPrincipal() principal: Principal,
    @Args('plant') plant: string,
    @Args('fromPlant') fromPlant: string,
    @Audit() audit: AuditNote,
  ): Promise<PlantFromTemplate> {
    if (!PLANT_CODE.test(plant)) throw new InputError('plant must be a plant code (letters, digits, _ . -, at most 64)', 'plant');
    if (plant === fromPlant) throw new InputError('plant and fromPlant must differ', 'plant');
    const [calendars, targets, rules] = await Promise.all([
      this.masterData.calendars(),
      this.targets.current(),
      this.alerts.rules(),
    ]);
    if (calendars.some((c) => c.plant === plant) || targets.some((t) => t.plant === plant))
      throw new InputError(`plant ${plant} is already set up (it has a calendar or replay targets)`, 'plant');
    const calendar = calendars.find((c) => c.plant === fromPlant);
    const own = targets.filter((t) => t.plant === fromPlant);
    const scoped = rules.filter((r) => r.doc.plants.includes(fromPlant) && !r.doc.plants.includes(plant));
    if (!calendar && own.length === 0 && scoped.length === 0)
      throw new InputError(
        `plant ${fromPlant.slice(0, 64)} has no calendar, replay targets or alert scopes to copy`,
        'fromPlant',
      );
    audit.target('plant', plant);
    if (calendar) await this.masterData.saveCalendar({ ...calendar, plant }, principal.id);
    for (const t of own) await this.targets.save({ ...t, plant, updatedBy: principal.id });
    for (const r of scoped) await this.alerts.saveRule({ ...r.doc, plants: [...r.doc.plants, plant] }, principal.id);
    const result = { plant, fromPlant, calendar: !!calendar, replayTargets: own.length, alertRules: scoped.length };
    audit.after = result;
    return result;
  }
}
