import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@workpoints/contracts';
import { CurrentActor } from '../auth/auth.decorators';
import { type TodoView, TodoService } from './todo.service';

@ApiTags('points')
@ApiBearerAuth()
@Controller('me/todo')
export class TodoController {
  constructor(private readonly todos: TodoService) {}

  @Get()
  @ApiOperation({
    summary: '我的待办：待签收、待报送、被退回、待审核、待审批延期、已逾期（只含职责范围内的要点）',
  })
  todo(@CurrentActor() actor: Actor): Promise<TodoView> {
    return this.todos.todo(actor);
  }
}
