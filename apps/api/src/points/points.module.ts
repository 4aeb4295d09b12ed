import { Module } from '@nestjs/common';
import { CalendarModule } from '../calendar/calendar.module';
import { DepartmentsModule } from '../departments/departments.module';
import { UsersModule } from '../users/users.module';
import { PointActionsService } from './point-actions.service';
import { PointsController } from './points.controller';
import { PointsService } from './points.service';
import { TodoController } from './todo.controller';
import { TodoService } from './todo.service';

@Module({
  imports: [CalendarModule, DepartmentsModule, UsersModule],
  controllers: [PointsController, TodoController],
  providers: [PointsService, PointActionsService, TodoService],
  exports: [PointsService],
})
export class PointsModule {}
