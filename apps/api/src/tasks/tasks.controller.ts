import { Body, Controller, Get, Headers, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiTags } from '@nestjs/swagger';
import { ESCALATION_READERS } from '../../../../libs/domain/access';
import { Actor } from '../../../../libs/domain/roles';
import { CurrentActor, Roles } from '../auth/auth.decorators';
import { ApiException } from '../common/api.exception';
import { idempotencyKey } from '../common/idempotency';
import { PageQuery } from '../common/paging';
import { CompleteTaskDto, TaskListQuery } from './tasks.dto';
import { TasksService } from './tasks.service';

const taskIdPipe = new ParseUUIDPipe({ exceptionFactory: () => new ApiException('TASK_NOT_FOUND') });

@ApiTags('tasks 待办任务')
@ApiBearerAuth()
@Controller('v1')
export class TasksController {
  constructor(private readonly tasks: TasksService) {}

  @Get('tasks')
  mine(@CurrentActor() actor: Actor, @Query() q: TaskListQuery) {
    return this.tasks.mine(actor, q);
  }

  @Post('tasks/:id/completion')
  @HttpCode(200)
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: '重复提交时使用同一值，只办理一次' })
  complete(
    @CurrentActor() actor: Actor,
    @Param('id', taskIdPipe) id: string,
    @Body() dto: CompleteTaskDto,
    @Headers('idempotency-key') key?: string,
  ) {
    return this.tasks.complete(actor, id, dto, idempotencyKey(key));
  }

  /** Deadlines that ran out, newest first: what the supervisor must see. */
  @Get('escalations')
  @Roles(...ESCALATION_READERS)
  escalations(@CurrentActor() actor: Actor, @Query() q: PageQuery) {
    return this.tasks.listEscalations(actor, q);
  }
}
