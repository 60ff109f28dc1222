import { Module } from '@nestjs/common';
import { AlertsModule } from '../alerts/alerts.module';
import { ReconciliationModule } from '../reconciliation/reconciliation.module';
import { ReplayModule } from '../replay/replay.module';
import { PlantTemplateResolver } from './plant-template.resolver';

@Module({
  imports: [ReconciliationModule, ReplayModule, AlertsModule],
  providers: [PlantTemplateResolver],
})
export class PlantsModule {}
