import { Field, Float, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { IsIn, IsISO8601, IsOptional } from 'class-validator';
import { PageInfo } from '../common/paging/paging';
import { StringList } from '../common/validation/string-list';
import { Finding } from '../findings/findings.types';

/** Message statuses a search can ask for: any hop in error (or dropped), never reached erp_posting. */
export const TRACE_STATUSES = ['error', 'not_posted'] as const;

/** Where a message stands: its ERP posting succeeded, it failed before, or it is still on its way. */
export const MESSAGE_OUTCOMES = ['posted', 'failed', 'in_progress'] as const;

@InputType({ description: 'Narrows a trace search; every field narrows, empty or absent means any.' })
export class TraceFilterInput {
  @Field(() => [String], { nullable: true }) @StringList(1000) plants?: string[];
  @Field(() => [String], { nullable: true }) @StringList(1000) lines?: string[];
  @Field(() => [String], { nullable: true }) @StringList(100) flows?: string[];
  @Field(() => [String], { nullable: true, description: 'Messages with a hop at any of these stages.' })
  @StringList(100)
  stages?: string[];
  @Field(() => [String], { nullable: true, description: 'Messages with a hop in any of these systems.' })
  @StringList(100)
  systems?: string[];
  @Field(() => [String], {
    nullable: true,
    description: `Any of: ${TRACE_STATUSES.join(', ')} (error: a hop failed or was dropped; not_posted: never reached erp_posting).`,
  })
  @StringList(10)
  @IsIn(TRACE_STATUSES, { each: true, message: `statuses must be among ${TRACE_STATUSES.join(', ')}` })
  statuses?: string[];
  @Field({ nullable: true, description: 'Messages whose first hop is at or after this time (ISO 8601).' })
  @IsOptional()
  @IsISO8601({}, { message: 'from must be an ISO 8601 time' })
  from?: string;
  @Field({ nullable: true, description: 'Messages whose first hop is before this time (ISO 8601).' })
  @IsOptional()
  @IsISO8601({}, { message: 'to must be an ISO 8601 time' })
  to?: string;
}

@ObjectType({ description: 'One message: the hops of one correlation id, summed up.' })
export class TraceMessage {
  @Field(() => ID) correlationId!: string;
  @Field() plant!: string;
  @Field() line!: string;
  @Field() flow!: string;
  @Field({ description: 'The device event id the message carries (empty when none).' }) businessKey!: string;
  @Field() orderId!: string;
  @Field() batch!: string;
  @Field() asset!: string;
  @Field() material!: string;
  @Field({ description: 'Start of its first hop.' }) firstHopAt!: string;
  @Field({ description: 'End of its last hop.' }) lastHopAt!: string;
  @Field(() => Float, { description: 'First hop start to last hop end, in milliseconds.' }) durationMs!: number;
  @Field(() => [String], { description: 'Stages it reached, in the order of the chain.' }) stages!: string[];
  @Field({ description: 'The earliest stage reached.' }) firstStage!: string;
  @Field({ description: 'The latest stage reached.' }) lastStage!: string;
  @Field(() => [String], { description: 'Expected stages before its last one that it has no hop for.' })
  missingStages!: string[];
  @Field({ description: 'A hop failed or was dropped (even if a retry then succeeded).' }) hasError!: boolean;
  @Field({ description: `${MESSAGE_OUTCOMES.join(', ')}.` }) outcome!: string;
  @Field(() => Int, { description: 'Findings about this message or its device event.' }) findingCount!: number;
}

@ObjectType()
export class TraceMessageConnection {
  @Field(() => [TraceMessage]) nodes!: TraceMessage[];
  @Field(() => PageInfo) pageInfo!: PageInfo;
  @Field(() => [String], {
    description: 'What the search text matched as: correlation_id, business_key, order, batch, document, asset, material.',
  })
  matchedAs!: string[];
}

@ObjectType({ description: 'One hop as the waterfall draws it (no payload or attributes: see traceHop).' })
export class TraceHop {
  @Field(() => ID) hopId!: string;
  @Field() correlationId!: string;
  @Field() parentHopId!: string;
  @Field() stage!: string;
  @Field() system!: string;
  @Field() status!: string;
  @Field() errorCode!: string;
  @Field() errorMessage!: string;
  @Field(() => Int) attempt!: number;
  @Field() startAt!: string;
  @Field() endAt!: string;
  @Field(() => Float, { description: 'From the message\u2019s first hop start to this hop\u2019s start, ms.' }) offsetMs!: number;
  @Field(() => Float) durationMs!: number;
  @Field(() => Float, {
    nullable: true,
    description: 'From the end of its parent to its start, ms (store-and-forward, queueing); null without a parent.',
  })
  gapMs!: number | null;
  @Field({ description: 'It names a parent hop that never arrived.' }) parentMissing!: boolean;
  @Field({ description: 'It starts before its parent ended (a device clock ahead or behind): shown, never shifted.' })
  startsBeforeParentEnd!: boolean;
  @Field({ description: 'A retry: attempt above 1 or status retry.' }) retry!: boolean;
  @Field({ description: 'It belongs to another correlation id with the same business key (a broken trace context).' })
  stitched!: boolean;
}

@ObjectType()
export class TraceDeviceEvent {
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
}

@ObjectType()
export class TracePosting {
  @Field() documentId!: string;
  @Field() postedAt!: string;
  @Field() plant!: string;
  @Field() postingType!: string;
  @Field() orderId!: string;
  @Field() material!: string;
  @Field(() => Float) quantity!: number;
  @Field() unit!: string;
  @Field() deviceEventId!: string;
  @Field({ description: 'The document this one reverses, if it is a reversal.' }) reversesDocumentId!: string;
}

@ObjectType({ description: 'A message end to end: its hops as a waterfall, its device event, postings and findings.' })
export class Trace {
  @Field(() => TraceMessage, { description: 'The correlation id asked for.' }) message!: TraceMessage;
  @Field(() => [TraceMessage], {
    description: 'Other correlation ids stitched in because their hops carry the same business key.',
  })
  stitched!: TraceMessage[];
  @Field(() => [TraceHop], { description: 'Hops by start time, at most `first` of them from `after`.' }) hops!: TraceHop[];
  @Field(() => Int, { description: 'Every hop of the message, stitched ones included.' }) hopCount!: number;
  @Field(() => PageInfo) hopsPageInfo!: PageInfo;
  @Field(() => [TraceDeviceEvent]) deviceEvents!: TraceDeviceEvent[];
  @Field(() => [TracePosting]) postings!: TracePosting[];
  @Field(() => [Finding]) findings!: Finding[];
}

@ObjectType({ description: 'One hop with everything it carries.' })
export class TraceHopDetail {
  @Field(() => ID) hopId!: string;
  @Field() correlationId!: string;
  @Field() parentHopId!: string;
  @Field() flow!: string;
  @Field() stage!: string;
  @Field() system!: string;
  @Field() plant!: string;
  @Field() line!: string;
  @Field() asset!: string;
  @Field() orderId!: string;
  @Field() material!: string;
  @Field() batch!: string;
  @Field() eventType!: string;
  @Field(() => Float, { nullable: true }) quantity!: number | null;
  @Field() unit!: string;
  @Field() businessKey!: string;
  @Field() startAt!: string;
  @Field() endAt!: string;
  @Field() status!: string;
  @Field() errorCode!: string;
  @Field() errorMessage!: string;
  @Field(() => Int) attempt!: number;
  @Field() ingestedAt!: string;
  @Field({ description: 'Attributes as a JSON object.' }) attributes!: string;
  @Field({ description: 'The payload as stored (JSON text as sent), cut at the asked size.' }) payload!: string;
  @Field(() => Int, { description: 'The whole payload\u2019s size in bytes.' }) payloadBytes!: number;
  @Field() payloadTruncated!: boolean;
}
