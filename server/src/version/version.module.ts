import { Module } from '@nestjs/common';
import { QueuesModule } from '../queues/queues.module';
import { VersionResolver } from './version.resolver';

@Module({ imports: [QueuesModule], providers: [VersionResolver] })
export class VersionModule {}
