import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Post,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { Actor, CalendarOverrideView, CalendarYearView } from '@workpoints/contracts';
import { CurrentActor } from '../auth/auth.decorators';
import { CreateOverrideDto, YearParam } from './calendar.dto';
import { CalendarOverrideResponse, CalendarYearResponse } from './calendar.responses';
import { CalendarService } from './calendar.service';

@ApiTags('calendar')
@ApiBearerAuth()
@Controller('calendar')
export class CalendarController {
  constructor(private readonly calendar: CalendarService) {}

  @Get(':year')
  @ApiOperation({ summary: '某年的工作日历：节假日、调休工作日、来源与调整记录' })
  @ApiOkResponse({ type: CalendarYearResponse })
  year(@Param() params: YearParam): Promise<CalendarYearView> {
    return this.calendar.year(params.year);
  }

  @Post('overrides')
  @ApiOperation({ summary: '录入节假日或调休，或确认某年只按周末计算' })
  @ApiCreatedResponse({ type: CalendarOverrideResponse })
  add(
    @Body() body: CreateOverrideDto,
    @CurrentActor() actor: Actor,
  ): Promise<CalendarOverrideView> {
    return this.calendar.addOverride(body, actor);
  }

  @Delete('overrides/:overrideId')
  @HttpCode(204)
  @ApiOperation({ summary: '删除一条调整记录' })
  remove(
    @Param('overrideId', ParseUUIDPipe) id: string,
    @CurrentActor() actor: Actor,
  ): Promise<void> {
    return this.calendar.removeOverride(id, actor);
  }
}
