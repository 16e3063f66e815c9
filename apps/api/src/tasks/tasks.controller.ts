import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ESCALATION_READERS } from '#libs/domain/access';
import { Actor } from '#libs/domain/roles';
import { Act, CurrentActor, Roles } from '../auth/auth.decorators';
import { ApiException } from '../common/api.exception';
import { idempotencyKey, IdempotencyKeyHeader } from '../common/idempotency';
import { PageQuery } from '../common/paging';
import { CompleteTaskDto, TaskListQuery, TransferTaskDto, UrgeTaskDto } from './tasks.dto';
import { CompletionResponse, EscalationPage, NotificationPage, TaskPage, TaskResponse, UrgeResponse } from './tasks.response';
import { TasksService } from './tasks.service';

const taskIdPipe = new ParseUUIDPipe({ exceptionFactory: () => new ApiException('TASK_NOT_FOUND') });

@ApiTags('tasks 待办任务')
@ApiBearerAuth()
@Controller('v1')
export class TasksController {
  constructor(private readonly tasks: TasksService) {}

  @Get('tasks')
  @ApiOkResponse({ type: TaskPage })
  mine(@CurrentActor() actor: Actor, @Query() q: TaskListQuery) {
    return this.tasks.mine(actor, q);
  }

  /** 已办: the tasks the caller completed, most recently completed first (a read of their own work: no @Act). */
  @Get('tasks/done')
  @ApiOkResponse({ type: TaskPage })
  done(@CurrentActor() actor: Actor, @Query() q: PageQuery) {
    return this.tasks.done(actor, q);
  }

  @Post('tasks/:id/completion')
  @ApiOkResponse({ type: CompletionResponse })
  @Act('task.complete')
  @HttpCode(200)
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: '重复提交时使用同一值，只办理一次' })
  complete(
    @CurrentActor() actor: Actor,
    @Param('id', taskIdPipe) id: string,
    @Body() dto: CompleteTaskDto,
    @IdempotencyKeyHeader() key?: string,
  ) {
    return this.tasks.complete(actor, id, dto, idempotencyKey(key));
  }

  /** 转交 to another person of the task's role, with the reason (unit head or chief). */
  @Post('tasks/:id/transfer')
  @ApiOkResponse({ type: TaskResponse })
  @Act('task.transfer')
  @HttpCode(200)
  transfer(@CurrentActor() actor: Actor, @Param('id', taskIdPipe) id: string, @Body() dto: TransferTaskDto) {
    return this.tasks.transfer(actor, id, dto);
  }

  /** 催办: recorded on the case, sent to the assignee. */
  @Post('tasks/:id/urge')
  @ApiOkResponse({ type: UrgeResponse })
  @Act('task.urge')
  @HttpCode(200)
  urge(@CurrentActor() actor: Actor, @Param('id', taskIdPipe) id: string, @Body() dto: UrgeTaskDto) {
    return this.tasks.urge(actor, id, dto);
  }

  /** The caller's messages (催办 of their tasks), newest first. */
  @Get('notifications')
  @ApiOkResponse({ type: NotificationPage })
  notifications(@CurrentActor() actor: Actor, @Query() q: PageQuery) {
    return this.tasks.notifications(actor, q);
  }

  /** Deadlines that ran out, newest first: what the supervisor must see. */
  @Get('escalations')
  @ApiOkResponse({ type: EscalationPage })
  @Roles(...ESCALATION_READERS)
  escalations(@CurrentActor() actor: Actor, @Query() q: PageQuery) {
    return this.tasks.listEscalations(actor, q);
  }
}
