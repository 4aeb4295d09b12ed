import { Module } from '@nestjs/common';
import { TargetsController } from './targets.controller';
import { TargetsService } from './targets.service';

/** Quantitative targets (目标 / 指标): progress across a plan and additions by hand. */
@Module({
  controllers: [TargetsController],
  providers: [TargetsService],
})
export class TargetsModule {}
