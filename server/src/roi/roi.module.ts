import { Module } from '@nestjs/common';
import { SyncLagModule } from '../sync-lag/sync-lag.module';
import { RoiExportController } from './roi-export.controller';
import { RoiRepository } from './roi.repository';
import { RoiResolver } from './roi.resolver';
import { RoiService } from './roi.service';

@Module({
  imports: [SyncLagModule],
  controllers: [RoiExportController],
  providers: [RoiRepository, RoiService, RoiResolver],
})
export class RoiModule {}
