import { Module } from '@nestjs/common';
import { FindingsModule } from '../findings/findings.module';
import { TracesController } from './traces.controller';
import { TracesResolver } from './traces.resolver';
import { TracesService } from './traces.service';

@Module({
  imports: [FindingsModule],
  controllers: [TracesController],
  providers: [TracesService, TracesResolver],
})
export class TracesModule {}
