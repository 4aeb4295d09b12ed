import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import type {
  Comparator,
  PointTargets,
  Target,
  TargetProgress,
  TargetProgressRow,
} from '@workpoints/contracts';
import { ApiCalendarDate, ApiId } from '../common/openapi-properties';
import { TargetResponse } from '../common/shared.responses';

type Row = TargetProgressRow;
type RowTarget = Row['target'];
type Totals = TargetProgress['totals'];

@ApiSchema({ name: 'TargetPointRef' })
export class TargetPointRefResponse {
  @ApiId()
  id!: string;

  @ApiProperty()
  number!: number;

  @ApiProperty()
  title!: string;
}

@ApiSchema({ name: 'TargetDepartmentRef' })
export class TargetDepartmentRefResponse {
  @ApiId()
  id!: string;

  @ApiProperty()
  name!: string;
}

@ApiSchema({ name: 'TargetOfRow' })
export class TargetOfRowResponse implements RowTarget {
  @ApiProperty({ description: '报送实际值时所指的目标序号（从 0 起）' })
  index!: number;

  @ApiProperty()
  text!: string;

  @ApiProperty()
  value!: number;

  @ApiProperty({ type: Number, nullable: true })
  valueMax!: number | null;

  @ApiProperty()
  unit!: string;

  @ApiProperty({ enum: ['>=', '>', '=', '<=', '<', '~', 'range'], enumName: 'Comparator' })
  comparator!: Comparator;

  @ApiProperty({ description: '力争目标' })
  aspirational!: boolean;
}

@ApiSchema({ name: 'DatedValue' })
export class DatedValueResponse {
  @ApiProperty()
  value!: number;

  @ApiCalendarDate()
  date!: string;
}

@ApiSchema({ name: 'TargetProgressRow' })
export class TargetProgressRowResponse implements Row {
  @ApiProperty({ type: () => TargetPointRefResponse })
  point!: Row['point'];

  @ApiProperty({ type: () => TargetDepartmentRefResponse, nullable: true })
  department!: Row['department'];

  @ApiProperty({ type: () => TargetOfRowResponse })
  target!: Row['target'];

  @ApiProperty({ type: () => DatedValueResponse, nullable: true, description: '最新实际值' })
  latest!: Row['latest'];

  @ApiProperty({ type: Boolean, nullable: true, description: '是否达标；尚无实际值时为 null' })
  met!: boolean | null;

  @ApiProperty({ example: '已达成' })
  metLabel!: string;

  @ApiProperty({ type: () => [DatedValueResponse], description: '全年实际值，早的在前' })
  trend!: Row['trend'];
}

@ApiSchema({ name: 'TargetTotals' })
export class TargetTotalsResponse implements Totals {
  @ApiProperty()
  targets!: number;

  @ApiProperty({ description: '已有实际值的目标数' })
  withActual!: number;

  @ApiProperty({ description: '已达标的目标数' })
  met!: number;
}

@ApiSchema({ name: 'TargetProgress', description: '量化目标完成情况' })
export class TargetProgressResponse implements TargetProgress {
  @ApiId()
  planId!: string;

  @ApiProperty()
  year!: number;

  @ApiProperty({ type: () => [TargetProgressRowResponse] })
  rows!: TargetProgressRow[];

  @ApiProperty({ type: () => TargetTotalsResponse })
  totals!: TargetProgress['totals'];
}

@ApiSchema({ name: 'IndexedTarget' })
export class IndexedTargetResponse extends TargetResponse implements Target {
  @ApiProperty({ description: '报送实际值时所指的目标序号（从 0 起）' })
  index!: number;
}

@ApiSchema({ name: 'PointTargets', description: '要点的量化目标' })
export class PointTargetsResponse implements PointTargets {
  @ApiId()
  pointId!: string;

  @ApiProperty({ description: '同一请求编号此前已添加过：没有再添加' })
  repeated!: boolean;

  @ApiProperty({ type: () => [IndexedTargetResponse] })
  targets!: PointTargets['targets'];
}
