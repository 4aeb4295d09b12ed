import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor, TodoView } from '@workpoints/contracts';
import { CurrentActor } from '../auth/auth.decorators';
import { TodoResponse } from './dto/point.responses';
import { TodoService } from './todo.service';

@ApiTags('points')
@ApiBearerAuth()
@Controller('me/todo')
export class TodoController {
  constructor(private readonly todos: TodoService) {}

  @Get()
  @ApiOperation({
    summary: '我的待办：待签收、待报送、被退回、待审核、待审批延期、已逾期（只含职责范围内的要点）',
  })
  @ApiOkResponse({ type: TodoResponse })
  todo(@CurrentActor() actor: Actor): Promise<TodoView> {
    return this.todos.todo(actor);
  }
}
