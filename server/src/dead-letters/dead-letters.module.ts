import { Module } from '@nestjs/common';
import { IngestModule } from '../ingest/ingest.module';
import { DeadLettersResolver } from './dead-letters.resolver';
import { DeadLettersService } from './dead-letters.service';

@Module({
  imports: [IngestModule],
  providers: [DeadLettersService, DeadLettersResolver],
})
export class DeadLettersModule {}
