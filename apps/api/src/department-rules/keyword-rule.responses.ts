import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import type { KeywordRuleView } from '@workpoints/contracts';
import { ApiDateTime, ApiId } from '../common/openapi-properties';

@ApiSchema({ name: 'KeywordRule', description: '建议牵头或配合单位的关键词规则' })
export class KeywordRuleResponse implements KeywordRuleView {
  @ApiId()
  id!: string;

  @ApiProperty({ example: '商标' })
  keyword!: string;

  @ApiId()
  departmentId!: string;

  @ApiDateTime()
  createdAt!: string;
}
