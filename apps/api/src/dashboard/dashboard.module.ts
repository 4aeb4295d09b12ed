import { Module } from '@nestjs/common';
import { CalendarModule } from '../calendar/calendar.module';
import { ExportsModule } from '../exports/exports.module';
import { DashboardController } from './dashboard.controller';
import { DashboardService } from './dashboard.service';
import { LedgerService } from './ledger.service';

/** The supervisors' dashboard over a plan's read model. */
@Module({
  imports: [CalendarModule, ExportsModule],
  controllers: [DashboardController],
  providers: [DashboardService, LedgerService],
})
export class DashboardModule {}
