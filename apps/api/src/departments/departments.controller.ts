import { Body, Controller, Get, Post, Req } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { Actor, DepartmentNode, DepartmentView } from '@workpoints/contracts';
import type { Request } from 'express';
import { CurrentActor } from '../auth/auth.decorators';
import { SecurityEventsService } from '../security/security-events.service';
import { DepartmentsService } from './departments.service';
import { CreateDepartmentDto } from './dto/create-department.dto';
import { DepartmentNodeResponse, DepartmentResponse } from './dto/department.responses';

@ApiTags('departments')
@ApiBearerAuth()
@Controller('departments')
export class DepartmentsController {
  constructor(
    private readonly departments: DepartmentsService,
    private readonly security: SecurityEventsService,
  ) {}

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
  async create(
    @Body() body: CreateDepartmentDto,
    @CurrentActor() actor: Actor,
    @Req() req: Request,
  ): Promise<DepartmentView> {
    const department = await this.departments.create(body);
    await this.security.record(
      {
        kind: 'department-created',
        actor,
        details: {
          departmentId: department.id,
          code: department.code,
          name: department.name,
          parentId: department.parentId,
        },
      },
      req,
    );
    return department;
  }
}
