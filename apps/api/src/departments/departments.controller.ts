import { Body, Controller, Get, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { DepartmentEntity } from '@workpoints/persistence';
import { Roles } from '../auth/auth.decorators';
import { type DepartmentNode, DepartmentsService } from './departments.service';
import { CreateDepartmentDto } from './dto/create-department.dto';

@ApiTags('departments')
@ApiBearerAuth()
@Controller('departments')
export class DepartmentsController {
  constructor(private readonly departments: DepartmentsService) {}

  @Get()
  @ApiOperation({ summary: '单位列表' })
  list(): Promise<DepartmentEntity[]> {
    return this.departments.list();
  }

  @Get('tree')
  @ApiOperation({ summary: '单位树' })
  tree(): Promise<DepartmentNode[]> {
    return this.departments.tree();
  }

  @Post()
  @Roles('admin')
  @ApiOperation({ summary: '新增单位（管理员）' })
  create(@Body() body: CreateDepartmentDto): Promise<DepartmentEntity> {
    return this.departments.create(body);
  }
}
