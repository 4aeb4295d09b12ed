import { Module } from '@nestjs/common';
import { ExportsModule } from '../exports/exports.module';
import { SummariesController } from './summaries.controller';
import { SummariesService } from './summaries.service';

/** The half-year and annual summaries (工作总结) of a plan, drawn from the read model. */
@Module({
  imports: [ExportsModule],
  controllers: [SummariesController],
  providers: [SummariesService],
})
export class SummariesModule {}
