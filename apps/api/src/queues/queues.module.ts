import { Module } from '@nestjs/common';
import { QueueRegistry } from './queue-registry.service';

@Module({
  providers: [QueueRegistry],
  exports: [QueueRegistry],
})
export class QueuesModule {}
