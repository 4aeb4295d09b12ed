import { Module } from '@nestjs/common';
import { DepartmentsModule } from '../departments/departments.module';
import { DepartmentRulesController } from './department-rules.controller';

@Module({ imports: [DepartmentsModule], controllers: [DepartmentRulesController] })
export class DepartmentRulesModule {}
