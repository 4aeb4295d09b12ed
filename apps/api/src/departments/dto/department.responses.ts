import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import type { DepartmentKind, DepartmentNode, DepartmentView } from '@workpoints/contracts';
import { ApiDateTime, ApiId } from '../../common/openapi-properties';

const DEPARTMENT_KIND = {
  enum: ['bureau', 'division'] satisfies DepartmentKind[],
  enumName: 'DepartmentKind',
  description: 'bureau：局；division：处室',
};

@ApiSchema({ name: 'Department', description: '单位' })
export class DepartmentResponse implements DepartmentView {
  @ApiId()
  id!: string;

  @ApiProperty({ example: 'bgs' })
  code!: string;

  @ApiProperty({ example: '办公室' })
  name!: string;

  @ApiProperty(DEPARTMENT_KIND)
  kind!: DepartmentKind;

  @ApiId({ nullable: true })
  parentId!: string | null;

  @ApiProperty({ description: '同级排序' })
  position!: number;

  @ApiDateTime()
  createdAt!: string;
}

@ApiSchema({ name: 'DepartmentNode', description: '单位树的一个节点' })
export class DepartmentNodeResponse implements DepartmentNode {
  @ApiId()
  id!: string;

  @ApiProperty()
  code!: string;

  @ApiProperty()
  name!: string;

  @ApiProperty(DEPARTMENT_KIND)
  kind!: DepartmentKind;

  @ApiId({ nullable: true })
  parentId!: string | null;

  @ApiProperty({ type: () => [DepartmentNodeResponse] })
  children!: DepartmentNode[];
}
