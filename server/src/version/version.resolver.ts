import { Field, Mutation, ObjectType, Query, Resolver, Args, Float, Int } from '@nestjs/graphql';
import { Public, RequirePermission } from '../common/access/access.decorators';
import { SystemQueueService } from '../queues/system-queue.service';
import { readPackageVersion } from './package-version';

@ObjectType()
export class QueueEcho {
  @Field() message!: string;
  @Field(() => Int) processedBy!: number;
  @Field(() => Float) latencyMs!: number;
}

@Resolver()
export class VersionResolver {
  constructor(private readonly systemQueue: SystemQueueService) {}

  @Query(() => String, { description: 'The running Syncline version.' })
  @Public()
  version(): string {
    return readPackageVersion();
  }

  @Mutation(() => QueueEcho, { description: 'Sends a job through the queue and returns what the worker answered.' })
  @RequirePermission('system:operate')
  queueEcho(@Args('message') message: string): Promise<QueueEcho> {
    return this.systemQueue.echo(message);
  }
}
