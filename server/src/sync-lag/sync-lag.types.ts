import { Field, Float, Int, ObjectType } from '@nestjs/graphql';

@ObjectType({ description: 'Synchronization of one production line: device events against ERP postings in a window.' })
export class LineSyncLag {
  @Field() plant!: string;
  @Field() line!: string;
  @Field(() => Int, { description: 'Device events in the window.' }) events!: number;
  @Field(() => Int, { description: 'Of those, events with an ERP posting.' }) posted!: number;
  @Field(() => Float, { description: 'Share of events posted within the SLA (0-1).' }) withinSlaShare!: number;
  @Field(() => Float, { nullable: true }) lagP50Seconds!: number | null;
  @Field(() => Float, { nullable: true }) lagP95Seconds!: number | null;
  @Field(() => Float, { nullable: true }) lagP99Seconds!: number | null;
  @Field(() => String, { nullable: true, description: 'Time of the newest device event (ISO, UTC).' }) lastEventAt!:
    string | null;
}

@ObjectType({ description: 'Sync lag totals over the lines in scope.' })
export class SyncLagTotals {
  @Field(() => [String], { description: 'Plants with device events in the window.' }) plants!: string[];
  @Field(() => Int) lines!: number;
  @Field(() => Int) events!: number;
  @Field(() => Int) posted!: number;
  @Field(() => Float, { description: 'Share of events posted within the SLA (0-1).' }) withinSlaShare!: number;
}
