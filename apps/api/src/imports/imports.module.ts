import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { QueueName } from '@workpoints/contracts';
import { ImportsController } from './imports.controller';
import { ImportsService } from './imports.service';

@Module({
  imports: [BullModule.registerQueue({ name: QueueName.Imports })],
  controllers: [ImportsController],
  providers: [ImportsService],
})
export class ImportsModule {}
