import { Field, Float, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsInt,
  IsISO8601,
  IsNumber,
  IsOptional,
  IsString,
  MaxLength,
  ValidateNested,
} from 'class-validator';

@ObjectType({ description: 'The rules a flow is reconciled by (one version).' })
export class FlowRulesType {
  @Field() flow!: string;
  @Field({ description: 'Changes with every save; findings record the version that produced them.' }) version!: string;
  @Field(() => Int) slaSeconds!: number;
  @Field(() => Int, { description: 'How long late device data may still arrive before a posting counts as an orphan.' })
  graceSeconds!: number;
  @Field(() => Float, { description: 'Absolute quantity tolerance (in the posting\u2019s unit).' }) toleranceAbs!: number;
  @Field(() => Float, { description: 'Percent tolerance of the device quantity (0-100).' }) tolerancePct!: number;
  @Field(() => [String], { description: 'Device event types that must post to this flow.' }) eventTypes!: string[];
  @Field(() => [String], { description: 'ERP posting types that belong to this flow.' }) postingTypes!: string[];
  @Field({ description: 'Postings must reference a device event.' }) requiresReference!: boolean;
  @Field({ description: 'critical, standard or low.' }) priority!: string;
  @Field(() => Float, { description: 'Value at risk from which a finding is one severity higher.' }) highValue!: number;
  @Field(() => Int, { description: 'Quantities are compared per order and bucket of this many minutes.' }) bucketMinutes!: number;
  @Field() enabled!: boolean;
  @Field() updatedBy!: string;
  @Field() updatedAt!: string;
}

@InputType({ description: 'A flow\u2019s rules; absent fields keep their current value (or the default for a new flow).' })
export class FlowRulesInput {
  @Field() @IsString() @MaxLength(64) flow!: string;
  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt({ message: 'slaSeconds must be a whole number of seconds' })
  slaSeconds?: number;
  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt({ message: 'graceSeconds must be a whole number of seconds' })
  graceSeconds?: number;
  @Field(() => Float, { nullable: true }) @IsOptional() @IsNumber() toleranceAbs?: number;
  @Field(() => Float, { nullable: true }) @IsOptional() @IsNumber() tolerancePct?: number;
  @Field(() => [String], { nullable: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  eventTypes?: string[];
  @Field(() => [String], { nullable: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  postingTypes?: string[];
  @Field({ nullable: true }) @IsOptional() @IsBoolean() requiresReference?: boolean;
  @Field({ nullable: true }) @IsOptional() @IsString() priority?: string;
  @Field(() => Float, { nullable: true }) @IsOptional() @IsNumber() highValue?: number;
  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt({ message: 'bucketMinutes must be a whole number of minutes' })
  bucketMinutes?: number;
  @Field({ nullable: true }) @IsOptional() @IsBoolean() enabled?: boolean;
}

@ObjectType()
export class UnitConversionType {
  @Field({ description: 'The material, or empty for a conversion that holds for every material.' }) material!: string;
  @Field() fromUnit!: string;
  @Field() toUnit!: string;
  @Field(() => Float, { description: 'toQuantity = fromQuantity x factor.' }) factor!: number;
}

@InputType()
export class UnitConversionInput {
  @Field({ description: 'Empty for every material.' }) @IsString() @MaxLength(128) material!: string;
  @Field() @IsString() @MaxLength(16) fromUnit!: string;
  @Field() @IsString() @MaxLength(16) toUnit!: string;
  @Field(() => Float) @IsNumber() factor!: number;
}

@ObjectType()
export class MaterialCostType {
  @Field() material!: string;
  @Field(() => Float, { description: 'Standard cost of one `unit`, in the configured currency.' }) cost!: number;
  @Field() unit!: string;
  @Field() currency!: string;
  @Field() updatedBy!: string;
  @Field() updatedAt!: string;
}

@InputType()
export class MaterialCostInput {
  @Field() @IsString() @MaxLength(128) material!: string;
  @Field(() => Float) @IsNumber() cost!: number;
  @Field() @IsString() @MaxLength(16) unit!: string;
}

@ObjectType()
export class ShiftType {
  @Field(() => Int, { description: '1 = Monday ... 7 = Sunday: the day the shift starts.' }) weekday!: number;
  @Field({ description: 'HH:MM local time.' }) start!: string;
  @Field({ description: 'HH:MM local time; at or before start = the next day.' }) end!: string;
}

@InputType()
export class ShiftInput {
  @Field(() => Int) @IsInt() weekday!: number;
  @Field() @IsString() @MaxLength(5) start!: string;
  @Field() @IsString() @MaxLength(5) end!: string;
}

@ObjectType()
export class PlannedStopType {
  @Field() startsAt!: string;
  @Field() endsAt!: string;
  @Field() reason!: string;
}

@InputType()
export class PlannedStopInput {
  @Field() @IsISO8601({}, { message: 'startsAt must be an ISO 8601 time' }) startsAt!: string;
  @Field() @IsISO8601({}, { message: 'endsAt must be an ISO 8601 time' }) endsAt!: string;
  @Field() @IsString() @MaxLength(500) reason!: string;
}

@ObjectType({ description: 'When a plant\u2019s lines should run. No calendar = around the clock.' })
export class PlantCalendarType {
  @Field() plant!: string;
  @Field() timezone!: string;
  @Field(() => Int, { description: 'Minutes of working time without device events that make a line silent.' })
  silentMinutes!: number;
  @Field(() => [ShiftType], { description: 'Empty: every hour is working time.' }) shifts!: ShiftType[];
  @Field(() => [PlannedStopType]) stops!: PlannedStopType[];
  @Field(() => [String], { description: 'Local dates YYYY-MM-DD.' }) holidays!: string[];
}

@InputType()
export class PlantCalendarInput {
  @Field() @IsString() @MaxLength(64) plant!: string;
  @Field({ defaultValue: 'UTC', description: 'IANA time zone, e.g. Europe/Berlin.' })
  @IsString()
  @MaxLength(64)
  timezone!: string;
  @Field(() => Int, { defaultValue: 30 }) @IsInt() silentMinutes!: number;
  @Field(() => [ShiftInput], { defaultValue: [] })
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => ShiftInput)
  shifts!: ShiftInput[];
  @Field(() => [PlannedStopInput], { defaultValue: [] })
  @IsArray()
  @ArrayMaxSize(1000)
  @ValidateNested({ each: true })
  @Type(() => PlannedStopInput)
  stops!: PlannedStopInput[];
  @Field(() => [String], { defaultValue: [] }) @IsArray() @ArrayMaxSize(1000) @IsString({ each: true }) holidays!: string[];
}

@ObjectType({ description: 'A line silenced for a maintenance window: no silent_line findings until it ends, by itself.' })
export class LineSilenceType {
  @Field(() => ID) id!: string;
  @Field() plant!: string;
  @Field() line!: string;
  @Field() startsAt!: string;
  @Field() endsAt!: string;
  @Field() reason!: string;
  @Field() createdBy!: string;
  @Field() createdAt!: string;
}

@InputType()
export class LineSilenceInput {
  @Field() @IsString() @MaxLength(64) plant!: string;
  @Field() @IsString() @MaxLength(64) line!: string;
  @Field({ nullable: true, description: 'Default: now.' })
  @IsOptional()
  @IsISO8601({}, { message: 'startsAt must be an ISO 8601 time' })
  startsAt?: string;
  @Field() @IsISO8601({}, { message: 'endsAt must be an ISO 8601 time' }) endsAt!: string;
  @Field() @IsString() @MaxLength(500) reason!: string;
}

@ObjectType()
export class ReconcileRunType {
  @Field() runId!: string;
  @Field(() => [String]) flows!: string[];
  @Field() from!: string;
  @Field() to!: string;
  @Field(() => Int) durationMs!: number;
  @Field(() => Int, { description: 'Finding rows written (new or still true).' }) detected!: number;
  @Field(() => Int) resolved!: number;
  @Field(() => Int) reopened!: number;
}
