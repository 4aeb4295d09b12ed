import { Module } from '@nestjs/common';
import { CalendarModule } from '../calendar/calendar.module';
import { DashboardController } from './dashboard.controller';
import { DashboardService } from './dashboard.service';
import { LedgerService } from './ledger.service';

/** The supervisors' dashboard over a plan's read model. */
@Module({
  imports: [CalendarModule],
  controllers: [DashboardController],
  providers: [DashboardService, LedgerService],
})
export class DashboardModule {}
