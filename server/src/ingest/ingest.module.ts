import { Module } from '@nestjs/common';
import { CsvIngestService } from './csv/csv-ingest.service';
import { DeadLetterWriter } from './dead-letters/dead-letter-writer';
import { IngestAccessService } from './ingest-access.service';
import { IngestController } from './ingest.controller';
import { IngestService } from './ingest.service';
import { OtlpController } from './otlp/otlp.controller';
import { MqttIngestService } from './mqtt/mqtt-ingest.service';
import { UnitsService } from './units/units.service';

@Module({
  controllers: [IngestController, OtlpController],
  providers: [IngestService, IngestAccessService, UnitsService, MqttIngestService, CsvIngestService, DeadLetterWriter],
  exports: [IngestService, IngestAccessService, UnitsService],
})
export class IngestModule {}
