import { Module } from '@nestjs/common';
import { CalendarModule } from '../calendar/calendar.module';
import { DepartmentsModule } from '../departments/departments.module';
import { UsersModule } from '../users/users.module';
import { PlanDraftsService } from './plan-drafts.service';
import { PlanPublicationService } from './plan-publication.service';
import { PlansController } from './plans.controller';
import { PlansService } from './plans.service';

@Module({
  imports: [DepartmentsModule, UsersModule, CalendarModule],
  controllers: [PlansController],
  providers: [PlansService, PlanPublicationService, PlanDraftsService],
})
export class PlansModule {}
