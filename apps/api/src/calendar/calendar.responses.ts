import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import type {
  CalendarOverrideKind,
  CalendarOverrideView,
  CalendarYearView,
} from '@workpoints/contracts';
import {
  ApiCalendarDate,
  ApiDateTime,
  ApiId,
  ApiNullableString,
} from '../common/openapi-properties';

@ApiSchema({ name: 'CalendarOverride', description: '工作日历的一条调整记录' })
export class CalendarOverrideResponse implements CalendarOverrideView {
  @ApiId()
  id!: string;

  @ApiProperty({
    enum: ['holiday', 'workday', 'weekends-only'] satisfies CalendarOverrideKind[],
    enumName: 'CalendarOverrideKind',
  })
  kind!: CalendarOverrideKind;

  @ApiCalendarDate({ nullable: true, description: 'holiday / workday 的日期' })
  date!: string | null;

  @ApiProperty()
  year!: number;

  @ApiNullableString()
  note!: string | null;

  @ApiId({ nullable: true })
  createdById!: string | null;

  @ApiDateTime()
  createdAt!: string;
}

@ApiSchema({ name: 'CalendarYear', description: '某年的工作日历' })
export class CalendarYearResponse implements CalendarYearView {
  @ApiProperty()
  year!: number;

  @ApiProperty({ description: '是否已知该年的节假日安排' })
  known!: boolean;

  @ApiProperty({ enum: ['package', 'overrides', 'weekends-only', 'unknown'] })
  source!: CalendarYearView['source'];

  @ApiProperty({ type: [String], description: '周一至周五的节假日' })
  holidays!: string[];

  @ApiProperty({ type: [String], description: '调休上班的周末' })
  workdays!: string[];

  @ApiProperty({ type: () => [CalendarOverrideResponse] })
  overrides!: CalendarOverrideView[];
}
