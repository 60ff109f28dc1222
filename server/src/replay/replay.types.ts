import { Field, Float, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { IsBoolean, IsIn, IsInt, IsNumber, IsString, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { Type } from 'class-transformer';
import { CHECK_MODES, METHODS } from './replay-targets';

@ObjectType({ description: 'A header the replay target is sent, and the secret its value comes from (never the value).' })
export class ReplayHeader {
  @Field() name!: string;
  @Field({ description: 'env:NAME (environment variable SYNCLINE_SECRET_NAME) or file:NAME (key of SYNCLINE_SECRETS_FILE).' })
  secret!: string;
}

@InputType()
export class ReplayHeaderInput {
  @Field() @IsString() @MaxLength(64) name!: string;
  @Field() @IsString() @MaxLength(80) secret!: string;
}

@ObjectType({ description: 'Where a flow\u2019s messages (of one plant, or of every plant) are re-sent.' })
export class ReplayTarget {
  @Field() flow!: string;
  @Field({ description: '"" = every plant without a target of its own.' }) plant!: string;
  @Field() url!: string;
  @Field() method!: string;
  @Field(() => [ReplayHeader]) headers!: ReplayHeader[];
  @Field(() => Int) timeoutMs!: number;
  @Field(() => Float) ratePerSecond!: number;
  @Field(() => Int) concurrency!: number;
  @Field({ description: 'postings: ask the postings Syncline ingested; lookup: GET lookupUrl with {businessKey}.' })
  checkMode!: string;
  @Field() lookupUrl!: string;
  @Field() enabled!: boolean;
  @Field({ description: 'Automatic replay of failed hops of autoClasses (off by default).' }) autoReplay!: boolean;
  @Field(() => [String], { description: 'Among timeout, 429, 503, 5xx, connection.' }) autoClasses!: string[];
  @Field(() => Int, { description: 'At most this many automatic replays per message; then a person decides.' }) autoMax!: number;
  @Field(() => Float) version!: number;
  @Field() updatedBy!: string;
  @Field() updatedAt!: string;
}

@InputType()
export class ReplayTargetInput {
  @Field() @IsString() @MaxLength(64) flow!: string;
  @Field({ defaultValue: '' }) @IsString() @MaxLength(64) plant!: string;
  @Field() @IsString() @MaxLength(2048) url!: string;
  @Field({ defaultValue: 'POST' }) @IsIn(METHODS, { message: `method must be one of ${METHODS.join(', ')}` }) method!: string;
  @Field(() => [ReplayHeaderInput], { defaultValue: [] })
  @ValidateNested({ each: true })
  @Type(() => ReplayHeaderInput)
  headers!: ReplayHeaderInput[];
  @Field(() => Int, { defaultValue: 10_000 })
  @IsInt()
  @Min(100, { message: 'timeoutMs must be at least 100' })
  @Max(120_000, { message: 'timeoutMs must be at most 120,000' })
  timeoutMs!: number;
  @Field(() => Float, { defaultValue: 50 }) @IsNumber() ratePerSecond!: number;
  @Field(() => Int, { defaultValue: 4 }) @IsInt() concurrency!: number;
  @Field({ defaultValue: 'postings' })
  @IsIn(CHECK_MODES, { message: `checkMode must be one of ${CHECK_MODES.join(', ')}` })
  checkMode!: string;
  @Field({ defaultValue: '' }) @IsString() @MaxLength(2048) lookupUrl!: string;
  @Field({ defaultValue: true }) @IsBoolean() enabled!: boolean;
  @Field({ defaultValue: false }) @IsBoolean() autoReplay!: boolean;
  @Field(() => [String], { defaultValue: [] }) @IsString({ each: true }) @MaxLength(20, { each: true }) autoClasses!: string[];
  @Field(() => Int, { defaultValue: 3 }) @IsInt() autoMax!: number;
}

@ObjectType({ description: 'One message of a replay request: sent, or skipped and why.' })
export class ReplayPlanItem {
  @Field({ description: 'The finding it came from ("" when asked by message).' }) findingId!: string;
  @Field() correlationId!: string;
  @Field() businessKey!: string;
  @Field() flow!: string;
  @Field() plant!: string;
  @Field({ description: 'Where it is (or would be) sent.' }) targetUrl!: string;
  @Field({ description: 'Sent as the Idempotency-Key header: the device event id, else the correlation id.' })
  idempotencyKey!: string;
  @Field({ description: 'The payload that is (or would be) sent.' }) payload!: string;
  @Field() send!: boolean;
  @Field({
    description:
      'Why it is skipped: already_posted, already_queued, recently_sent, no_payload, no_target, no_message, not_replayable.',
  })
  skip!: string;
  @Field() reason!: string;
}

@ObjectType()
export class ReplayRequestResult {
  @Field({ description: 'The bulk replay that carries the messages sent ("" for a dry run or when nothing is sent).' })
  batchId!: string;
  @Field() dryRun!: boolean;
  @Field(() => Int) toSend!: number;
  @Field(() => Int) skipped!: number;
  @Field(() => [ReplayPlanItem]) items!: ReplayPlanItem[];
}

@InputType({
  description: 'Which messages to replay: the messages behind these findings (ids), or behind every finding matching a filter.',
})
export class ReplayOptionsInput {
  @Field({ defaultValue: true, description: 'List what would be sent and skipped, send nothing.' }) @IsBoolean() dryRun!: boolean;
  @Field({ defaultValue: '' }) @IsString() @MaxLength(2000) reason!: string;
}

@ObjectType({ description: 'A replay request (one message or thousands): the frozen set of messages and its progress.' })
export class ReplayBatch {
  @Field(() => ID) id!: string;
  @Field() reason!: string;
  @Field() requestedBy!: string;
  @Field() requestedAt!: string;
  @Field(() => Int) total!: number;
  @Field({ description: 'running, paused, cancelled, finished.' }) state!: string;
  @Field(() => Float, { nullable: true }) ratePerSecond!: number | null;
  @Field(() => Int) queued!: number;
  @Field(() => Int) sent!: number;
  @Field(() => Int) skipped!: number;
  @Field(() => Int) failed!: number;
  @Field(() => Int) dead!: number;
  @Field(() => Int) cancelled!: number;
  @Field(() => Boolean, {
    description:
      'Whether this replay also holds messages of plants outside yours (not counted above); while it does, you may not change it.',
  })
  outsideScope!: boolean;
}

@ObjectType({ description: 'One message of a replay: its state and last outcome.' })
export class ReplayItem {
  @Field(() => ID) id!: string;
  @Field() batchId!: string;
  @Field() correlationId!: string;
  @Field() businessKey!: string;
  @Field() findingId!: string;
  @Field() flow!: string;
  @Field() plant!: string;
  @Field() targetUrl!: string;
  @Field({ description: 'queued, sent, skipped, failed (refused by the target), dead (gave up), cancelled.' }) state!: string;
  @Field({ description: 'The last outcome in words, with the target\u2019s answer.' }) outcome!: string;
  @Field(() => Int, { nullable: true }) responseCode!: number | null;
  @Field() documentId!: string;
  @Field(() => Int) attempts!: number;
  @Field() requestedBy!: string;
  @Field() updatedAt!: string;
  @Field({ description: 'Sent with a payload a person edited.' }) edited!: boolean;
}
