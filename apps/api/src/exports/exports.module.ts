import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { QueueName } from '@workpoints/contracts';
import { ExportsController } from './exports.controller';
import { ExportsService } from './exports.service';

/**
 * Report files built in the background by the jobs app (the reports queue), and the choice
 * the direct downloads make between streaming a file and handing it to an export.
 */
@Module({
  imports: [BullModule.registerQueue({ name: QueueName.Reports })],
  controllers: [ExportsController],
  providers: [ExportsService],
  exports: [ExportsService],
})
export class ExportsModule {}
