import { Module } from '@nestjs/common';
import { IngestAccessService } from './ingest-access.service';
import { IngestController } from './ingest.controller';
import { IngestService } from './ingest.service';
import { UnitsService } from './units/units.service';

@Module({
  controllers: [IngestController],
  providers: [IngestService, IngestAccessService, UnitsService],
  exports: [IngestService, IngestAccessService, UnitsService],
})
export class IngestModule {}
