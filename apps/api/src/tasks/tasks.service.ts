import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Client } from '@temporalio/client';
import { Brackets, Repository } from 'typeorm';
import { Actor } from '../../../../libs/domain/roles';
import { refuseCompletion } from '../../../../libs/domain/tasks';
import { completeTaskUpdate } from '../../../../libs/messages/initiation';
import { EscalationEntity } from '../../../../libs/persistence/entities/escalation.entity';
import { TaskEntity } from '../../../../libs/persistence/entities/task.entity';
import { CasesService } from '../cases/cases.service';
import { ApiException } from '../common/api.exception';
import { derivedUuid } from '../common/idempotency';
import { PageQuery, pageOf } from '../common/paging';
import { notInFuture } from '../common/times';
import { CompleteTaskDto, TaskListQuery } from './tasks.dto';
import { toEscalationView, toRef, toTaskView } from './tasks.mapper';

@Injectable()
export class TasksService {
  constructor(
    @InjectRepository(TaskEntity) private readonly tasks: Repository<TaskEntity>,
    @InjectRepository(EscalationEntity) private readonly escalations: Repository<EscalationEntity>,
    private readonly cases: CasesService,
    private readonly temporal: Client,
  ) {}

  /** The caller's open tasks: their agency and role, unassigned or assigned to them; soonest due first. */
  async mine(actor: Actor, q: TaskListQuery) {
    const qb = this.tasks
      .createQueryBuilder('t')
      .where("t.status = 'open' AND t.agency_id = :agency AND t.role = :role", { agency: actor.agencyId, role: actor.role })
      .andWhere(new Brackets((b) => b.where('t.assignee_id IS NULL').orWhere('t.assignee_id = :me', { me: actor.id })));
    if (q.caseId) qb.andWhere('t.case_id = :caseId', { caseId: q.caseId });
    if (q.kind) qb.andWhere('t.kind = :kind', { kind: q.kind });
    if (q.dueBefore) qb.andWhere('t.due_at < :dueBefore', { dueBefore: q.dueBefore });
    const [rows, total] = await qb
      .orderBy('t.due_at', 'ASC', 'NULLS LAST')
      .addOrderBy('t.opened_at', 'ASC')
      .skip((q.page - 1) * q.pageSize)
      .take(q.pageSize)
      .getManyAndCount();
    return pageOf(rows.map(toTaskView), total, q);
  }

  /**
   * Sends the completion to the case workflow as an Update, whose validator is the authority.
   * The Update ID is derived from the person, task and body (or their Idempotency-Key), so a
   * retried request is answered with the first result and changes nothing.
   */
  async complete(actor: Actor, taskId: string, dto: CompleteTaskDto, key?: string) {
    const task = await this.tasks.findOneBy({ id: taskId });
    if (!task) throw new ApiException('TASK_NOT_FOUND');
    await this.cases.findForActor(actor, task.caseId);
    if (task.status === 'completed') {
      const same = task.completedBy === actor.id && task.decision === dto.decision && task.opinion === dto.opinion;
      if (!same) throw new ApiException('TASK_NOT_OPEN');
    } else {
      if (dto.signedAt) notInFuture(dto.signedAt, 'signedAt');
      const refusal = refuseCompletion(toRef(task), actor, dto);
      if (refusal) throw new ApiException(refusal);
      await this.temporal.workflow.getHandle(task.workflowId).executeUpdate(completeTaskUpdate, {
        args: [{ ...dto, taskId, by: actor }],
        updateId: derivedUuid(actor.id, taskId, key ?? JSON.stringify(dto)),
      });
    }
    const done = await this.tasks.findOneByOrFail({ id: taskId });
    return { task: toTaskView(done), case: await this.cases.view(actor, task.caseId) };
  }

  async listEscalations(actor: Actor, q: PageQuery) {
    const [rows, total] = await this.escalations.findAndCount({
      where: { agencyId: actor.agencyId },
      order: { escalatedAt: 'DESC' },
      skip: (q.page - 1) * q.pageSize,
      take: q.pageSize,
    });
    return pageOf(rows.map(toEscalationView), total, q);
  }
}
