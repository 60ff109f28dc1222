import { Field, Mutation, ObjectType, Query, Resolver, Args, Float, Int } from '@nestjs/graphql';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import type { Principal } from '../auth/principal';
import { Public } from '../auth/public.decorator';
import { requireAdmin } from '../auth/roles';
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
  queueEcho(@Args('message') message: string, @CurrentPrincipal() principal: Principal | undefined): Promise<QueueEcho> {
    requireAdmin(principal);
    return this.systemQueue.echo(message);
  }
}
