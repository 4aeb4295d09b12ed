import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Post,
  Req,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProperty,
  ApiTags,
} from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { ErrorCode, type Actor, type KeywordRuleView } from '@workpoints/contracts';
import { DepartmentKeywordRuleEntity } from '@workpoints/persistence';
import { IsString, IsUUID, Length } from 'class-validator';
import type { Request } from 'express';
import { DataSource } from 'typeorm';
import { CurrentActor } from '../auth/auth.decorators';
import { DomainException } from '../common/domain.exception';
import { DepartmentsService } from '../departments/departments.service';
import { SecurityEventsService } from '../security/security-events.service';
import { toKeywordRuleView } from './keyword-rule.mapper';
import { KeywordRuleResponse } from './keyword-rule.responses';

export class CreateRuleDto {
  @ApiProperty({ example: '商标', description: '出现在要点中的关键词' })
  @IsString()
  @Length(1, 50)
  keyword!: string;

  @ApiProperty({ description: '建议的牵头或配合单位' })
  @IsUUID()
  departmentId!: string;
}

/** The editable keyword rules behind department suggestions on import (商标 → 商标品牌处). */
@ApiTags('department-rules')
@ApiBearerAuth()
@Controller('department-rules')
export class DepartmentRulesController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly departments: DepartmentsService,
    private readonly security: SecurityEventsService,
  ) {}

  @Get()
  @ApiOperation({ summary: '关键词规则列表' })
  @ApiOkResponse({ type: [KeywordRuleResponse] })
  async list(): Promise<KeywordRuleView[]> {
    const rules = await this.dataSource
      .getRepository(DepartmentKeywordRuleEntity)
      .find({ order: { keyword: 'ASC' } });
    return rules.map(toKeywordRuleView);
  }

  @Post()
  @ApiOperation({ summary: '新增关键词规则' })
  @ApiCreatedResponse({ type: KeywordRuleResponse })
  async create(
    @Body() body: CreateRuleDto,
    @CurrentActor() actor: Actor,
    @Req() req: Request,
  ): Promise<KeywordRuleView> {
    await this.departments.requireAll([body.departmentId], 'departmentId');
    const repo = this.dataSource.getRepository(DepartmentKeywordRuleEntity);
    const keyword = body.keyword.trim();
    if (await repo.existsBy({ keyword, departmentId: body.departmentId }))
      throw new DomainException(ErrorCode.InvalidInput, `keyword: 规则“${keyword}”已存在`);
    const rule = await repo.save(repo.create({ keyword, departmentId: body.departmentId }));
    await this.security.record(
      {
        kind: 'keyword-rule-created',
        actor,
        details: { ruleId: rule.id, keyword, departmentId: body.departmentId },
      },
      req,
    );
    return toKeywordRuleView(rule);
  }

  @Delete(':ruleId')
  @HttpCode(204)
  @ApiOperation({ summary: '删除关键词规则' })
  @ApiNoContentResponse({ description: '已删除' })
  async remove(
    @Param('ruleId', ParseUUIDPipe) id: string,
    @CurrentActor() actor: Actor,
    @Req() req: Request,
  ): Promise<void> {
    const repo = this.dataSource.getRepository(DepartmentKeywordRuleEntity);
    const rule = await repo.findOneBy({ id });
    if (!rule) throw new DomainException(ErrorCode.NotFound, `规则不存在：${id}`);
    await repo.delete({ id });
    await this.security.record(
      {
        kind: 'keyword-rule-deleted',
        actor,
        details: { ruleId: id, keyword: rule.keyword, departmentId: rule.departmentId },
      },
      req,
    );
  }
}
