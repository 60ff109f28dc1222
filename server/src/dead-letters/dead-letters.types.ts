import { Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsIn, IsISO8601, IsOptional, ValidateNested } from 'class-validator';
import { PageInfo } from '../common/paging/paging';
import { StringList } from '../common/validation/string-list';
import { DEAD_LETTER_REASONS } from '../ingest/mqtt/mqtt-message';

export const DEAD_LETTER_STATUSES = ['open', 'redelivered', 'discarded'] as const;
export const DEAD_LETTER_SOURCES = ['mqtt'] as const;

@InputType({ description: 'Which dead letters: every field narrows; empty or absent means any.' })
export class DeadLetterFilterInput {
  @Field(() => [String], { nullable: true, description: `Where they came in: ${DEAD_LETTER_SOURCES.join(', ')}.` })
  @StringList(10)
  @IsIn(DEAD_LETTER_SOURCES, { each: true, message: `sources must be among ${DEAD_LETTER_SOURCES.join(', ')}` })
  sources?: string[];
  @Field(() => [String], { nullable: true, description: `Reason codes, among ${DEAD_LETTER_REASONS.join(', ')}.` })
  @StringList(10)
  @IsIn(DEAD_LETTER_REASONS, { each: true, message: `reasons must be among ${DEAD_LETTER_REASONS.join(', ')}` })
  reasons?: string[];
  @Field(() => [String], { nullable: true, description: `Among ${DEAD_LETTER_STATUSES.join(', ')}.` })
  @StringList(10)
  @IsIn(DEAD_LETTER_STATUSES, { each: true, message: `statuses must be among ${DEAD_LETTER_STATUSES.join(', ')}` })
  statuses?: string[];
  @Field(() => [String], { nullable: true, description: 'Plants (from the topic); letters without one match no plant.' })
  @StringList(1000)
  plants?: string[];
  @Field({ nullable: true, description: 'Received from (ISO 8601, inclusive).' })
  @IsOptional()
  @IsISO8601({}, { message: 'from must be an ISO 8601 time' })
  from?: string;
  @Field({ nullable: true, description: 'Received until (ISO 8601, exclusive).' })
  @IsOptional()
  @IsISO8601({}, { message: 'to must be an ISO 8601 time' })
  to?: string;
}

@ObjectType({ description: 'A message Syncline could neither store nor refuse to a waiting sender, kept as it arrived.' })
export class DeadLetter {
  @Field(() => ID) id!: string;
  @Field() receivedAt!: string;
  @Field({ description: 'Where it came in: mqtt.' }) source!: string;
  @Field() topic!: string;
  @Field({ description: 'The receiving connection\u2019s client id (an MQTT 3.1.1 publish carries no sender id).' })
  clientId!: string;
  @Field({ description: 'The API key it came with, if any.' }) apiKeyId!: string;
  @Field({ description: 'From the topic; empty when the topic names none.' }) plant!: string;
  @Field({ description: 'What it was meant to be: device_events.' }) kind!: string;
  @Field({ description: `Why, as a code: ${DEAD_LETTER_REASONS.join(', ')}.` }) reasonCode!: string;
  @Field({ description: 'Why, in words.' }) reason!: string;
  @Field({ description: 'The raw payload (UTF-8), cut at 64 Ki characters when payloadTruncated.' }) payload!: string;
  @Field(() => Int) payloadBytes!: number;
  @Field() payloadTruncated!: boolean;
  @Field({ description: `Among ${DEAD_LETTER_STATUSES.join(', ')}.` }) status!: string;
  @Field(() => String, { nullable: true }) statusChangedAt!: string | null;
  @Field(() => String, { nullable: true }) statusChangedBy!: string | null;
  @Field(() => String, { nullable: true, description: 'Why it was discarded, or how it was redelivered.' }) statusReason!:
    string | null;
}

@ObjectType()
export class DeadLetterConnection {
  @Field(() => [DeadLetter]) nodes!: DeadLetter[];
  @Field(() => PageInfo) pageInfo!: PageInfo;
  @Field(() => Int) totalCount!: number;
}

@ObjectType()
export class DeadLetterCount {
  @Field() source!: string;
  @Field({ description: 'The reason code.' }) reason!: string;
  @Field() status!: string;
  @Field(() => Int) count!: number;
}

@InputType({ description: 'The dead letters an action applies to: ids, or every letter matching a filter (in your plants).' })
export class DeadLetterTargetInput {
  @Field(() => [String], { nullable: true }) @StringList(10_000) ids?: string[];
  @Field(() => DeadLetterFilterInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => DeadLetterFilterInput)
  filter?: DeadLetterFilterInput;
}

@ObjectType()
export class DeadLetterFailure {
  @Field(() => ID) id!: string;
  @Field({ description: 'Why it still cannot be stored; the letter stays open.' }) reason!: string;
}

@ObjectType()
export class RedeliverResult {
  @Field(() => Int, { description: 'Letters stored and marked redelivered.' }) redelivered!: number;
  @Field(() => [DeadLetterFailure]) failed!: DeadLetterFailure[];
}

@ObjectType()
export class DiscardResult {
  @Field(() => Int, { description: 'How many letters were discarded.' }) changed!: number;
}
