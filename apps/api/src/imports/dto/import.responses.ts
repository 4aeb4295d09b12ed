import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import type { ImportView, PlanImportStatus, PlanPart, UntrackedItem } from '@workpoints/contracts';
import { ApiDateTime, ApiId, ApiNullableString } from '../../common/openapi-properties';

@ApiSchema({ name: 'UntrackedItem', description: '总结中不跟踪的部分（回顾、问题）' })
export class UntrackedItemResponse implements UntrackedItem {
  @ApiProperty({ enum: ['plan', 'review', 'problems'] satisfies PlanPart[], enumName: 'PlanPart' })
  part!: PlanPart;

  @ApiProperty()
  label!: string;

  @ApiNullableString()
  chapter!: string | null;

  @ApiNullableString()
  section!: string | null;

  @ApiProperty()
  title!: string;
}

@ApiSchema({ name: 'Import', description: '一次导入：文件、解析进度与结果' })
export class ImportResponse implements ImportView {
  @ApiId()
  id!: string;

  @ApiProperty()
  filename!: string;

  @ApiNullableString({ example: 'docx' })
  format!: string | null;

  @ApiProperty()
  sizeBytes!: number;

  @ApiProperty({
    enum: ['queued', 'running', 'succeeded', 'failed'] satisfies PlanImportStatus[],
    enumName: 'PlanImportStatus',
  })
  status!: PlanImportStatus;

  @ApiProperty({ description: '0–100' })
  progress!: number;

  @ApiNullableString()
  error!: string | null;

  @ApiId({ nullable: true, description: '解析成的计划草稿' })
  planId!: string | null;

  @ApiDateTime()
  createdAt!: string;

  @ApiDateTime()
  updatedAt!: string;

  @ApiPropertyOptional({ type: [String], description: '解析时不确定之处' })
  warnings?: string[];

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: { type: 'number' },
    description: '各部分的条数（plan、review、problems）',
  })
  parts?: Record<string, number>;

  @ApiPropertyOptional({ type: () => [UntrackedItemResponse] })
  untracked?: UntrackedItem[];
}
