import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsIn, IsISO8601, IsOptional, IsString, MaxLength, ValidateNested } from 'class-validator';
import { PageInfo } from '../common/paging/paging';
import { StringList } from '../common/validation/string-list';
import { FINDING_TYPES } from '../reconciliation/reconcile.service';

export const FINDING_STATUSES = [
  'open',
  'acknowledged',
  'assigned',
  'replay_queued',
  'replay_sent',
  'resolved_auto',
  'resolved_manual',
  'ignored',
] as const;
export type FindingStatus = (typeof FINDING_STATUSES)[number];
export const SEVERITIES = ['critical', 'high', 'medium', 'low'] as const;

export enum FindingOrder {
  VALUE_AT_RISK = 'VALUE_AT_RISK',
  AGE = 'AGE',
  LAST_SEEN = 'LAST_SEEN',
  SEVERITY = 'SEVERITY',
}
registerEnumType(FindingOrder, { name: 'FindingOrder', description: 'What the findings list is sorted by.' });

/** What each finding type means, in the words a plant controller uses. */
export const FINDING_MEANING: Record<string, string> = {
  missing_posting: 'The machine reported this event, but no ERP posting references it although the flow\u2019s SLA has passed.',
  duplicate_posting: 'The ERP booked this event more than once, and no reversal cancels the extra postings.',
  quantity_mismatch:
    'For this order and time bucket, the quantity the machines reported and the quantity the ERP booked differ by more than the flow\u2019s tolerance (after unit conversion).',
  late_posting: 'The ERP posted this event, but later than the flow\u2019s SLA.',
  orphan_posting:
    'An ERP posting that no device event accounts for: it references an event Syncline never received, or none where the flow requires one.',
  failed_hop: 'The message\u2019s last hop ended in an error or was dropped, and no later hop succeeded.',
  silent_line: 'The line sent no device events for longer than allowed during its working time.',
};

@InputType({ description: 'Which findings: every field narrows; empty or absent means any.' })
export class FindingFilterInput {
  @Field(() => [String], { nullable: true, description: `Among ${FINDING_TYPES.join(', ')}.` })
  @StringList(20)
  @IsIn(FINDING_TYPES, { each: true, message: `types must be among ${FINDING_TYPES.join(', ')}` })
  types?: string[];
  @Field(() => [String], { nullable: true, description: `Among ${FINDING_STATUSES.join(', ')}.` })
  @StringList(20)
  @IsIn(FINDING_STATUSES, { each: true, message: `statuses must be among ${FINDING_STATUSES.join(', ')}` })
  statuses?: string[];
  @Field(() => [String], { nullable: true, description: 'critical, high, medium, low.' })
  @StringList(10)
  @IsIn(SEVERITIES, { each: true, message: `severities must be among ${SEVERITIES.join(', ')}` })
  severities?: string[];
  @Field(() => [String], { nullable: true }) @StringList(1000) plants?: string[];
  @Field(() => [String], { nullable: true }) @StringList(1000) lines?: string[];
  @Field(() => [String], { nullable: true }) @StringList(100) flows?: string[];
  @Field({ nullable: true }) @IsOptional() @IsString() @MaxLength(256) orderId?: string;
  @Field({ nullable: true }) @IsOptional() @IsString() @MaxLength(256) material?: string;
  @Field({ nullable: true, description: 'A username, or team:<name>.' })
  @IsOptional()
  @IsString()
  @MaxLength(128)
  assignee?: string;
  @Field({ nullable: true, description: 'When it happened, from (ISO 8601, inclusive).' })
  @IsOptional()
  @IsISO8601({}, { message: 'from must be an ISO 8601 time' })
  from?: string;
  @Field({ nullable: true, description: 'When it happened, until (ISO 8601, exclusive).' })
  @IsOptional()
  @IsISO8601({}, { message: 'to must be an ISO 8601 time' })
  to?: string;
  @Field(() => [String], { nullable: true, description: 'These findings only (at most 10,000).' })
  @StringList(10_000)
  ids?: string[];
  @Field({
    nullable: true,
    description:
      'Only findings first seen at or before this time (ISO 8601): an action by filter passes the readAt of the count the person confirmed, so findings found since are left alone.',
  })
  @IsOptional()
  @IsISO8601({}, { message: 'firstSeenUntil must be an ISO 8601 time' })
  firstSeenUntil?: string;
  @Field(() => [String], {
    nullable: true,
    description: 'Findings about any of these device events (business keys) or, with correlationIds, messages.',
  })
  @StringList(1000)
  eventIds?: string[];
  @Field(() => [String], {
    nullable: true,
    description: 'Findings about any of these messages (correlation ids) or, with eventIds, device events.',
  })
  @StringList(1000)
  correlationIds?: string[];
}

@ObjectType({ description: 'Something reconciliation found: a gap, duplicate, mismatch, delay or silence.' })
export class Finding {
  @Field(() => ID, { description: 'Stable: the same underlying problem keeps its id across runs.' }) id!: string;
  @Field() type!: string;
  @Field() status!: string;
  @Field() severity!: string;
  @Field({ description: 'The flow\u2019s business priority: critical, standard or low.' }) priority!: string;
  @Field() plant!: string;
  @Field() line!: string;
  @Field() flow!: string;
  @Field() orderId!: string;
  @Field() material!: string;
  @Field(() => [String]) eventIds!: string[];
  @Field(() => [String]) postingIds!: string[];
  @Field(() => [String]) correlationIds!: string[];
  @Field(() => Float, { nullable: true, description: 'In `unit` (converted from the device\u2019s unit).' }) deviceQuantity!:
    number | null;
  @Field(() => Float, { nullable: true }) erpQuantity!: number | null;
  @Field() unit!: string;
  @Field(() => Float, { description: 'Standard cost x unreconciled quantity, in `currency`.' }) valueAtRisk!: number;
  @Field() currency!: string;
  @Field({ description: 'When the thing happened (the event, the posting, the last event before a silence).' })
  happenedAt!: string;
  @Field({ description: 'When the finding became true (e.g. event time + SLA).' }) conditionSince!: string;
  @Field() firstSeenAt!: string;
  @Field() lastSeenAt!: string;
  @Field(() => String, { nullable: true, description: 'Why it was resolved or ignored.' }) resolution!: string | null;
  @Field(() => String, { nullable: true }) statusChangedAt!: string | null;
  @Field(() => String, { nullable: true }) statusChangedBy!: string | null;
  @Field(() => String, { nullable: true }) assignee!: string | null;
  @Field() details!: string;
  @Field({ description: 'The version of the flow rules that produced it.' }) rulesVersion!: string;
  @Field(() => Int, { description: 'Seconds since the finding became true.' }) ageSeconds!: number;
}

@ObjectType()
export class FindingConnection {
  @Field(() => [Finding]) nodes!: Finding[];
  @Field(() => PageInfo) pageInfo!: PageInfo;
  @Field(() => Int) totalCount!: number;
  @Field({
    description:
      'When this was read (ISO 8601): give it as filter.firstSeenUntil to act on exactly the findings counted here and no later ones.',
  })
  readAt!: string;
}

@ObjectType()
export class FindingCount {
  @Field() type!: string;
  @Field() status!: string;
  @Field(() => Int) count!: number;
  @Field(() => Float) valueAtRisk!: number;
  @Field() currency!: string;
}

@ObjectType({ description: 'Findings one cause produced: same type, plant, line, flow and hour.' })
export class FindingGroup {
  @Field() type!: string;
  @Field() plant!: string;
  @Field() line!: string;
  @Field() flow!: string;
  @Field({ description: 'Start of the hour (ISO 8601, UTC).' }) hour!: string;
  @Field(() => Int) count!: number;
  @Field(() => Int, { description: 'Of those, still active (open, acknowledged, assigned, replaying).' }) activeCount!: number;
  @Field(() => Float) valueAtRisk!: number;
  @Field() currency!: string;
  @Field() worstSeverity!: string;
  @Field(() => [String]) statuses!: string[];
  @Field({
    description:
      'When the groups were read (ISO 8601): an action on the group passes it as filter.firstSeenUntil, so findings found since are left alone.',
  })
  readAt!: string;
}

@ObjectType()
export class FindingHistoryEntry {
  @Field() at!: string;
  @Field({ description: 'status, assign or comment.' }) kind!: string;
  @Field(() => String, { nullable: true }) status!: string | null;
  @Field(() => String, { nullable: true }) assignee!: string | null;
  @Field(() => String, { nullable: true, description: 'The reason or comment.' }) comment!: string | null;
  @Field() actor!: string;
}

@ObjectType()
export class FindingDeviceEvent {
  @Field() eventId!: string;
  @Field() eventTime!: string;
  @Field() plant!: string;
  @Field() line!: string;
  @Field() asset!: string;
  @Field() orderId!: string;
  @Field() material!: string;
  @Field() eventType!: string;
  @Field(() => Float) quantity!: number;
  @Field() unit!: string;
  @Field(() => Float, { nullable: true, description: 'The quantity in the finding\u2019s unit, when it differs.' })
  quantityInFindingUnit!: number | null;
}

@ObjectType()
export class FindingPosting {
  @Field() documentId!: string;
  @Field() postedAt!: string;
  @Field() plant!: string;
  @Field() orderId!: string;
  @Field() material!: string;
  @Field() postingType!: string;
  @Field(() => Float) quantity!: number;
  @Field() unit!: string;
  @Field() deviceEventId!: string;
  @Field(() => String, { nullable: true }) reversesDocumentId!: string | null;
}

@ObjectType()
export class FindingDetail {
  @Field(() => Finding) finding!: Finding;
  @Field({ description: 'What this kind of finding means, in plain words.' }) meaning!: string;
  @Field(() => [FindingHistoryEntry]) history!: FindingHistoryEntry[];
  @Field(() => [FindingDeviceEvent]) deviceEvents!: FindingDeviceEvent[];
  @Field(() => [FindingPosting]) postings!: FindingPosting[];
  @Field(() => String, { nullable: true, description: 'The flow rules (JSON) of the version that produced it.' }) rules!:
    string | null;
}

@ObjectType()
export class FindingActionResult {
  @Field(() => Int, { description: 'How many findings changed.' }) changed!: number;
}

@InputType({ description: 'The findings an action applies to: ids, or every finding matching a filter (in your plants).' })
export class FindingTargetInput {
  @Field(() => [String], { nullable: true }) @StringList(10_000) ids?: string[];
  @Field(() => FindingFilterInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => FindingFilterInput)
  filter?: FindingFilterInput;
}
