import { Body, Controller, Get, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { DepartmentNode, DepartmentView } from '@workpoints/contracts';
import { DepartmentsService } from './departments.service';
import { CreateDepartmentDto } from './dto/create-department.dto';
import { DepartmentNodeResponse, DepartmentResponse } from './dto/department.responses';

@ApiTags('departments')
@ApiBearerAuth()
@Controller('departments')
export class DepartmentsController {
  constructor(private readonly departments: DepartmentsService) {}

  @Get()
  @ApiOperation({ summary: '单位列表' })
  @ApiOkResponse({ type: [DepartmentResponse] })
  list(): Promise<DepartmentView[]> {
    return this.departments.list();
  }

  @Get('tree')
  @ApiOperation({ summary: '单位树' })
  @ApiOkResponse({ type: [DepartmentNodeResponse] })
  tree(): Promise<DepartmentNode[]> {
    return this.departments.tree();
  }

  @Post()
  @ApiOperation({ summary: '新增单位（管理员）' })
  @ApiCreatedResponse({ type: DepartmentResponse })
  create(@Body() body: CreateDepartmentDto): Promise<DepartmentView> {
    return this.departments.create(body);
  }
}
