import { Field, Float, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { IsBoolean, IsIn, IsNumber, IsOptional, IsString, MaxLength } from 'class-validator';
import { StringList } from '../common/validation/string-list';
import { CHANNEL_KINDS, RULE_KINDS, SEVERITY_RANK, WEBHOOK_FORMATS } from './alert-model';

@ObjectType({ description: 'Where notifications go: a webhook (Slack, Teams, generic JSON) or email.' })
export class AlertChannelType {
  @Field(() => ID) channelId!: string;
  @Field() name!: string;
  @Field({ description: CHANNEL_KINDS.join(', ') }) kind!: string;
  @Field({ description: WEBHOOK_FORMATS.join(', ') }) format!: string;
  @Field({ description: 'The URL, or the secret reference that holds it (the secret itself is never shown).' }) url!: string;
  @Field(() => [String]) recipients!: string[];
  @Field() enabled!: boolean;
  @Field() updatedBy!: string;
  @Field() updatedAt!: string;
  @Field(() => String, { nullable: true, description: 'Outcome of its latest notification.' }) lastStatus!: string | null;
  @Field(() => String, { nullable: true }) lastError!: string | null;
  @Field(() => String, { nullable: true }) lastSentAt!: string | null;
  @Field(() => Int, { description: 'Failed notifications since it last delivered one.' }) failuresSinceSent!: number;
}

@InputType()
export class AlertChannelInput {
  @Field(() => ID, { nullable: true, description: 'Omit to add a channel.' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  channelId?: string;
  @Field() @IsString() @MaxLength(200) name!: string;
  @Field() @IsIn(CHANNEL_KINDS, { message: `kind must be one of ${CHANNEL_KINDS.join(', ')}` }) kind!: string;
  @Field({ defaultValue: 'generic' })
  @IsIn(WEBHOOK_FORMATS, { message: `format must be one of ${WEBHOOK_FORMATS.join(', ')}` })
  format!: string;
  @Field({ defaultValue: '' }) @IsString() @MaxLength(2000) url!: string;
  @Field(() => [String], { defaultValue: [] }) @StringList(50) recipients!: string[];
  @Field({ defaultValue: true }) @IsBoolean() enabled!: boolean;
}

@ObjectType({ description: 'Where a rule stands: firing or not, what it covers, acknowledged, escalated.' })
export class AlertStateType {
  @Field() firing!: boolean;
  @Field(() => String, { nullable: true }) since!: string | null;
  @Field(() => [String], { description: 'What it covers now, one line each.' }) items!: string[];
  @Field(() => String, { nullable: true }) lastNotifiedAt!: string | null;
  @Field(() => String, { nullable: true }) acknowledgedBy!: string | null;
  @Field(() => String, { nullable: true }) acknowledgedAt!: string | null;
  @Field(() => String, { nullable: true }) escalatedAt!: string | null;
  @Field(() => String, { nullable: true, description: 'The silence in force for it, if any (its end).' }) silencedUntil!:
    string | null;
}

@ObjectType({ description: 'When to notify whom.' })
export class AlertRuleType {
  @Field(() => ID) ruleId!: string;
  @Field() name!: string;
  @Field({ description: RULE_KINDS.join(', ') }) kind!: string;
  @Field(() => String, { nullable: true }) minSeverity!: string | null;
  @Field(() => Float, { nullable: true }) minValueAtRisk!: number | null;
  @Field(() => Int) minutes!: number;
  @Field(() => Float) threshold!: number;
  @Field(() => [String]) plants!: string[];
  @Field(() => [String]) flows!: string[];
  @Field(() => [String]) channelIds!: string[];
  @Field(() => [String]) escalationChannelIds!: string[];
  @Field(() => Int, { nullable: true }) escalateAfterSeconds!: number | null;
  @Field(() => Int) repeatSeconds!: number;
  @Field(() => Int) groupSeconds!: number;
  @Field() enabled!: boolean;
  @Field() createdAt!: string;
  @Field() updatedBy!: string;
  @Field() updatedAt!: string;
  @Field(() => AlertStateType) state!: AlertStateType;
}

@InputType()
export class AlertRuleInput {
  @Field(() => ID, { nullable: true, description: 'Omit to add a rule.' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  ruleId?: string;
  @Field() @IsString() @MaxLength(200) name!: string;
  @Field() @IsIn(RULE_KINDS, { message: `kind must be one of ${RULE_KINDS.join(', ')}` }) kind!: string;
  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsIn(Object.keys(SEVERITY_RANK), { message: `minSeverity must be one of ${Object.keys(SEVERITY_RANK).join(', ')}` })
  minSeverity?: string | null;
  @Field(() => Float, { nullable: true }) @IsOptional() @IsNumber() minValueAtRisk?: number | null;
  @Field(() => Int, { defaultValue: 15 }) @IsNumber() minutes!: number;
  @Field(() => Float, { defaultValue: 1 }) @IsNumber() threshold!: number;
  @Field(() => [String], { defaultValue: [] }) @StringList(200) plants!: string[];
  @Field(() => [String], { defaultValue: [] }) @StringList(50) flows!: string[];
  @Field(() => [String]) @StringList(10) channelIds!: string[];
  @Field(() => [String], { defaultValue: [] }) @StringList(10) escalationChannelIds!: string[];
  @Field(() => Int, { nullable: true }) @IsOptional() @IsNumber() escalateAfterSeconds?: number | null;
  @Field(() => Int, { defaultValue: 3600 }) @IsNumber() repeatSeconds!: number;
  @Field(() => Int, { defaultValue: 300 }) @IsNumber() groupSeconds!: number;
  @Field({ defaultValue: true }) @IsBoolean() enabled!: boolean;
}

@ObjectType()
export class AlertSilenceType {
  @Field(() => ID) silenceId!: string;
  @Field({ description: 'The rule silenced; "" for every rule (a maintenance window).' }) ruleId!: string;
  @Field() startsAt!: string;
  @Field() endsAt!: string;
  @Field() reason!: string;
  @Field() createdBy!: string;
  @Field() createdAt!: string;
  @Field() cancelled!: boolean;
}

@InputType()
export class AlertSilenceInput {
  @Field({ defaultValue: '', description: 'The rule; "" for every rule.' }) @IsString() @MaxLength(64) ruleId!: string;
  @Field({ nullable: true, description: 'ISO 8601; now when omitted.' }) @IsOptional() @IsString() startsAt?: string;
  @Field({ description: 'ISO 8601; at most 30 days after the start.' }) @IsString() endsAt!: string;
  @Field() @IsString() @MaxLength(500) reason!: string;
}

@ObjectType()
export class AlertNotificationType {
  @Field() notificationId!: string;
  @Field() channelId!: string;
  @Field() ruleId!: string;
  @Field() ruleName!: string;
  @Field({ description: 'firing, repeat, escalation, resolved, test' }) kind!: string;
  @Field() createdAt!: string;
  @Field({ description: 'queued, retrying, sent, failed, silenced, channel_disabled' }) status!: string;
  @Field(() => Int) attempts!: number;
  @Field() lastError!: string;
  @Field(() => String, { nullable: true }) sentAt!: string | null;
  @Field() summary!: string;
  @Field(() => [String]) items!: string[];
}

@ObjectType()
export class AlertEvaluationType {
  @Field(() => Int) rules!: number;
  @Field(() => Int) firing!: number;
  @Field(() => Int) notifications!: number;
}
