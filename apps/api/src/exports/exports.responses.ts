import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import {
  REPORT_KINDS,
  type ExportAccepted,
  type ExportState,
  type ExportView,
  type ReportKind,
} from '@workpoints/contracts';
import { ApiDateTime, ApiId } from '../common/openapi-properties';

const KIND = { enum: REPORT_KINDS, enumName: 'ReportKind' } as const;

@ApiSchema({ name: 'ExportAccepted', description: '已转为后台导出（202）' })
export class ExportAcceptedResponse implements ExportAccepted {
  @ApiId()
  id!: string;

  @ApiProperty(KIND)
  kind!: ReportKind;

  @ApiProperty({ enum: ['waiting'] })
  state!: 'waiting';

  @ApiProperty({ description: '查询进度的地址（GET）' })
  statusUrl!: string;

  @ApiProperty()
  message!: string;
}

@ApiSchema({ name: 'Export', description: '后台导出的进度' })
export class ExportResponse implements ExportView {
  @ApiId()
  id!: string;

  @ApiProperty(KIND)
  kind!: ReportKind;

  @ApiId()
  planId!: string;

  @ApiProperty({
    enum: ['waiting', 'active', 'completed', 'failed'] satisfies ExportState[],
    enumName: 'ExportState',
  })
  state!: ExportState;

  @ApiProperty({ description: '0–100' })
  progress!: number;

  @ApiProperty({ example: '生成表格' })
  stage!: string;

  @ApiDateTime()
  requestedAt!: string;

  @ApiPropertyOptional({ type: String, format: 'date-time' })
  finishedAt?: string;

  @ApiPropertyOptional()
  filename?: string;

  @ApiPropertyOptional()
  bytes?: number;

  @ApiPropertyOptional()
  downloadUrl?: string;

  @ApiPropertyOptional({ description: '失败原因' })
  error?: string;
}
