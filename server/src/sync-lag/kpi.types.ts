import { Field, Float, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { IsISO8601, IsOptional } from 'class-validator';
import { StringList } from '../common/validation/string-list';

@InputType({ description: 'A time range: from (inclusive) to (exclusive), ISO 8601; at most 90 days, within the last 90.' })
export class TimeRangeInput {
  @Field() @IsISO8601({}, { message: 'from must be an ISO 8601 time' }) from!: string;
  @Field() @IsISO8601({}, { message: 'to must be an ISO 8601 time' }) to!: string;
}

@InputType({ description: 'Narrows the Sync lag page: plants (within your scope), lines, flows.' })
export class SyncLagFilterInput {
  @Field(() => [String], { nullable: true }) @IsOptional() @StringList(1000) plants?: string[];
  @Field(() => [String], { nullable: true }) @IsOptional() @StringList(1000) lines?: string[];
  @Field(() => [String], { nullable: true }) @IsOptional() @StringList(100) flows?: string[];
}

@ObjectType({ description: 'Messages of one period (by their first hop) and their device-to-ERP lag.' })
export class SyncLagPeriod {
  @Field() from!: string;
  @Field() to!: string;
  @Field(() => Float, { description: 'Messages whose first hop is in the period.' }) messages!: number;
  @Field(() => Float, { description: 'Of those, messages that reached erp_posting.' }) posted!: number;
  @Field(() => Float, { description: 'Of those, messages that failed at a hop and never reached erp_posting.' }) failed!: number;
  @Field(() => Float, { nullable: true, description: 'Share of posted messages within their flow\u2019s SLA (0-1).' })
  withinSlaShare!: number | null;
  @Field(() => Float, { nullable: true }) lagP50Seconds!: number | null;
  @Field(() => Float, { nullable: true }) lagP95Seconds!: number | null;
  @Field(() => Float, { nullable: true }) lagP99Seconds!: number | null;
  @Field(() => String, { nullable: true, description: 'The newest message of the line whose newest message is oldest.' })
  stalestLineAt!: string | null;
  @Field(() => Float, { nullable: true, description: 'Seconds from stalestLineAt to the end of the period (or now).' })
  stalestLineAgeSeconds!: number | null;
  @Field(() => Int, { description: 'Missing postings (of events in the period) still open.' }) openMissingPostings!: number;
  @Field(() => Int, { description: 'Silent-line findings of the period still open.' }) silentLines!: number;
}

@ObjectType({ description: 'The KPI tiles: this period and the one before it, of the same length.' })
export class SyncLagKpis {
  @Field(() => SyncLagPeriod) current!: SyncLagPeriod;
  @Field(() => SyncLagPeriod) previous!: SyncLagPeriod;
}

@ObjectType()
export class LagPoint {
  @Field({ description: 'Start of the bucket (ISO, UTC).' }) t!: string;
  @Field(() => Float) messages!: number;
  @Field(() => Float) posted!: number;
  @Field(() => Float, { nullable: true }) p50!: number | null;
  @Field(() => Float, { nullable: true }) p95!: number | null;
  @Field(() => Float, { nullable: true }) p99!: number | null;
}

@ObjectType({ description: 'Lag percentiles of one flow over time, in seconds.' })
export class LagSeries {
  @Field() flow!: string;
  @Field(() => Int) slaSeconds!: number;
  @Field(() => Int, { description: 'Seconds per point.' }) bucketSeconds!: number;
  @Field(() => [LagPoint]) points!: LagPoint[];
}

export const SLA_STATES = ['within', 'at_risk', 'breached', 'no_data'] as const;
export type SlaState = (typeof SLA_STATES)[number];
export const SlaStateEnum = Object.fromEntries(SLA_STATES.map((s) => [s, s])) as Record<SlaState, SlaState>;
registerEnumType(SlaStateEnum, {
  name: 'SlaState',
  description: 'within: p95 at most 75 % of the SLA; at_risk: above that, or nothing posted yet; breached: p95 over the SLA.',
});

@ObjectType({ description: 'One plant, line and flow over the range.' })
export class LagCell {
  @Field() plant!: string;
  @Field() line!: string;
  @Field() flow!: string;
  @Field(() => Float) messages!: number;
  @Field(() => Float) posted!: number;
  @Field(() => Float) failed!: number;
  @Field(() => Float, { nullable: true }) withinSlaShare!: number | null;
  @Field(() => Float, { nullable: true }) lagP95Seconds!: number | null;
  @Field(() => Int) slaSeconds!: number;
  @Field(() => SlaStateEnum) state!: SlaState;
  @Field(() => String, { nullable: true }) lastMessageAt!: string | null;
}

@ObjectType({ description: 'Time between a message reaching one stage and reaching the next.' })
export class StageShare {
  @Field() fromStage!: string;
  @Field() toStage!: string;
  @Field(() => Float, { description: 'Seconds over every message of the range.' }) seconds!: number;
  @Field(() => Float) messages!: number;
  @Field(() => Float, { description: 'Mean seconds per message.' }) meanSeconds!: number;
  @Field(() => Float, { description: 'Share of the time from first to last stage (0-1).' }) share!: number;
}

@ObjectType()
export class RollupRunType {
  @Field(() => Int) minutes!: number;
  @Field(() => Int) hours!: number;
  @Field() watermark!: string;
}
