import { Module } from '@nestjs/common';
import { ReconciliationModule } from '../reconciliation/reconciliation.module';
import { FindingsExportController } from './findings-export.controller';
import { FindingsResolver } from './findings.resolver';
import { FindingsService } from './findings.service';

@Module({
  imports: [ReconciliationModule],
  controllers: [FindingsExportController],
  providers: [FindingsService, FindingsResolver],
  exports: [FindingsService],
})
export class FindingsModule {}
