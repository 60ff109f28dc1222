import { Field, Float, InputType, Int, ObjectType } from '@nestjs/graphql';
import { IsIn, IsNumber, IsOptional, IsString, Max, Min, ValidateNested } from 'class-validator';
import { Type } from 'class-transformer';
import { StringList } from '../common/validation/string-list';
import { BASELINE_MODES } from './roi-settings';

@ObjectType()
export class RoiBreakdown {
  @Field() label!: string;
  @Field(() => Float, { nullable: true }) value!: number | null;
  @Field({ description: 'share (0-1), hours, seconds, count, or a currency code.' }) unit!: string;
}

@ObjectType({ description: 'One ROI figure: its value, its baseline, how it is computed and the assumptions it uses.' })
export class RoiFigure {
  @Field() key!: string;
  @Field() label!: string;
  @Field(() => Float, { nullable: true }) value!: number | null;
  @Field({ description: 'share (0-1), hours, seconds, count, or a currency code.' }) unit!: string;
  @Field(() => Float, { nullable: true, description: 'The same figure for the baseline (none without one).' }) baseline!:
    number | null;
  @Field() higherIsBetter!: boolean;
  @Field({ description: 'How it is computed, in a plain sentence.' }) howComputed!: string;
  @Field(() => [String], { description: 'Keys of the assumptions (RoiAssumptions fields) it uses.' }) assumptions!: string[];
  @Field(() => [RoiBreakdown]) breakdown!: RoiBreakdown[];
}

@ObjectType()
export class RoiPlantFlow {
  @Field() plant!: string;
  @Field() flow!: string;
  @Field(() => Int) postings!: number;
  @Field(() => Float, { nullable: true }) noTouchShare!: number | null;
  @Field(() => Int) resolvedAuto!: number;
  @Field(() => Int) resolvedManual!: number;
  @Field(() => Float) valueAtRiskOpen!: number;
  @Field(() => Float) valueRecovered!: number;
  @Field(() => Float) hoursAvoided!: number;
}

@ObjectType()
export class RoiTrendPoint {
  @Field() t!: string;
  @Field(() => Float, { nullable: true }) p50!: number | null;
  @Field(() => Float, { nullable: true }) p95!: number | null;
}

@ObjectType({ description: 'Figures a plant measured before Syncline; shares 0-1.' })
@InputType('MeasuredBaselineInput')
export class MeasuredBaselineType {
  @Field(() => Float, { nullable: true }) @IsOptional() @IsNumber() noTouchShare!: number | null;
  @Field(() => Float, { nullable: true }) @IsOptional() @IsNumber() autoResolvedShare!: number | null;
  @Field(() => Float, { nullable: true }) @IsOptional() @IsNumber() meanHoursToResolve!: number | null;
  @Field(() => Float, { nullable: true }) @IsOptional() @IsNumber() manualHoursPer30Days!: number | null;
  @Field(() => Float, { nullable: true }) @IsOptional() @IsNumber() inventoryAccuracy!: number | null;
  @Field(() => Float, { nullable: true }) @IsOptional() @IsNumber() maintenanceResponseHours!: number | null;
  @Field(() => Float, { nullable: true }) @IsOptional() @IsNumber() incidentsPer30Days!: number | null;
  @Field(() => Float, { nullable: true }) @IsOptional() @IsNumber() latencyP95Seconds!: number | null;
}

@ObjectType({ description: 'What the ROI figures assume; an admin edits them.' })
export class RoiAssumptions {
  @Field(() => Float, { description: 'Minutes a person would spend finding and fixing one discrepancy by hand.' })
  minutesPerManualReconciliation!: number;
  @Field(() => Float, { description: 'Seconds a person would spend checking one posting against the machine count.' })
  secondsPerPostingCheck!: number;
  @Field(() => Float, { description: 'Cost of an hour of that work, in the currency.' }) hourlyCost!: number;
  @Field() currency!: string;
  @Field({ description: `Baseline: ${BASELINE_MODES.join(', ')}.` }) baselineMode!: string;
  @Field(() => String, { nullable: true }) baselineFrom!: string | null;
  @Field(() => String, { nullable: true }) baselineTo!: string | null;
  @Field(() => MeasuredBaselineType) measured!: MeasuredBaselineType;
  @Field(() => String, { nullable: true }) updatedBy!: string | null;
  @Field(() => String, { nullable: true }) updatedAt!: string | null;
}

@InputType()
export class RoiAssumptionsInput {
  @Field(() => Float) @IsNumber() @Min(0) @Max(10_000) minutesPerManualReconciliation!: number;
  @Field(() => Float) @IsNumber() @Min(0) @Max(3_600) secondsPerPostingCheck!: number;
  @Field(() => Float) @IsNumber() @Min(0) @Max(100_000) hourlyCost!: number;
  @Field() @IsIn(BASELINE_MODES, { message: `baselineMode must be one of ${BASELINE_MODES.join(', ')}` }) baselineMode!: string;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() baselineFrom?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() baselineTo?: string | null;
  @Field(() => MeasuredBaselineType, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => MeasuredBaselineType)
  measured?: MeasuredBaselineType | null;
}

@InputType()
export class RoiFilterInput {
  @Field(() => [String], { nullable: true }) @IsOptional() @StringList(1000) plants?: string[];
  @Field(() => [String], { nullable: true }) @IsOptional() @StringList(100) flows?: string[];
}

@ObjectType({
  description: 'The ROI page for a period: figures against the baseline, per plant and flow, and the latency trend.',
})
export class RoiReportType {
  @Field() from!: string;
  @Field() to!: string;
  @Field() currency!: string;
  @Field(() => RoiAssumptions) assumptions!: RoiAssumptions;
  @Field(() => String, { nullable: true }) baselineFrom!: string | null;
  @Field(() => String, { nullable: true }) baselineTo!: string | null;
  @Field(() => [RoiFigure]) figures!: RoiFigure[];
  @Field(() => [RoiPlantFlow]) byPlantFlow!: RoiPlantFlow[];
  @Field(() => [RoiTrendPoint]) latencyTrend!: RoiTrendPoint[];
}
