import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { Brackets, DataSource, Repository } from 'typeorm';
import { Actor } from '#libs/domain/roles';
import { TASK_SPECS, completionRefusal } from '#libs/domain/tasks';
import { transferTaskUpdate } from '#libs/messages/tasks';
import { appendRecord } from '#libs/persistence/append-record';
import { EscalationEntity } from '#libs/persistence/entities/escalation.entity';
import { TaskEntity } from '#libs/persistence/entities/task.entity';
import { CasesService } from '../cases/cases.service';
import { ApiException } from '../common/api.exception';
import { derivedUuid } from '../common/idempotency';
import { PageQuery, pageOf } from '../common/paging';
import { notBefore, notInFuture } from '../common/times';
import { CaseWorkflowsClient } from '../temporal/case-workflows.client';
import { CompleteTaskDto, TaskListQuery, TransferTaskDto, UrgeTaskDto } from './tasks.dto';
import { toEscalationView, toRef, toTaskView } from './tasks.mapper';

/**
 * Tasks that open when the step their completion reports on was decided: the complainant told of a
 * decline, the receiving authority's receipt of a transfer. The event cannot precede the task.
 */
const AFTER_OPENING: Partial<Record<string, { field: string; step: string }>> = {
  decline_notification: { field: 'notification.notifiedAt', step: '不予启动的决定' },
  transfer_receipt: { field: 'receipt.receivedAt', step: '移送决定' },
};

@Injectable()
export class TasksService {
  constructor(
    @InjectRepository(TaskEntity) private readonly tasks: Repository<TaskEntity>,
    @InjectRepository(EscalationEntity) private readonly escalations: Repository<EscalationEntity>,
    private readonly cases: CasesService,
    private readonly workflows: CaseWorkflowsClient,
    private readonly db: DataSource,
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
    if (task.status === 'cancelled') throw new ApiException('TASK_NOT_OPEN');
    if (task.status === 'completed') {
      const same = task.completedBy === actor.id && task.decision === dto.decision && task.opinion === dto.opinion;
      if (!same) throw new ApiException('TASK_NOT_OPEN');
    } else {
      notInFuture(dto, 'signedAt', 'receipt.receivedAt', 'notification.notifiedAt');
      const after = AFTER_OPENING[task.kind];
      if (after) notBefore(dto, after.field, { label: after.step, at: task.openedAt.toISOString() });
      const refusal = completionRefusal(toRef(task), actor, dto);
      if (refusal) throw new ApiException(refusal);
      await this.workflows.completeTask(task, actor, dto, key ?? JSON.stringify(dto));
    }
    const done = await this.tasks.findOneByOrFail({ id: taskId });
    return { task: toTaskView(done), case: await this.cases.view(actor, task.caseId) };
  }

  /** Hands an open task to another person of its role; the workflow is the authority on who may. */
  async transfer(actor: Actor, taskId: string, dto: TransferTaskDto) {
    const task = await this.openTask(actor, taskId);
    const [u] = await this.db.query('SELECT id, display_name, role, agency_id FROM users WHERE id = $1', [dto.toUserId]);
    if (!u) throw new ApiException('TASK_TRANSFER_TARGET_INVALID');
    const to: Actor = { id: u.id, name: u.display_name, role: u.role, agencyId: u.agency_id };
    await this.workflows.update(task.workflowId, transferTaskUpdate, { taskId, to, reason: dto.reason, by: actor }, derivedUuid(actor.id, taskId, 'transfer', dto.toUserId));
    return toTaskView(await this.tasks.findOneByOrFail({ id: taskId }));
  }

  /** 催办: recorded on the case and sent to the assignee (or everyone of the task's role), in one transaction. */
  async urge(actor: Actor, taskId: string, dto: UrgeTaskDto) {
    const task = await this.openTask(actor, taskId);
    const id = randomUUID();
    const at = new Date().toISOString();
    await this.db.transaction(async (m) => {
      await m.query(
        `INSERT INTO notifications (id, agency_id, user_id, role, case_id, task_id, message, sent_by, sent_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
        [id, task.agencyId, task.assigneeId, task.role, task.caseId, task.id, dto.message, actor.id, at],
      );
      await appendRecord(m, {
        caseId: task.caseId,
        key: `urge:${id}`,
        actor,
        action: 'task_urged',
        summary: `${actor.name}催办「${TASK_SPECS[task.kind].label}」：${dto.message}`,
        details: { taskId: task.id, notificationId: id },
      });
    });
    return { id, taskId, message: dto.message, sentAt: at };
  }

  /** The caller's messages: to them, or to their role in their agency; newest first. */
  async notifications(actor: Actor, q: PageQuery) {
    const where = `(user_id = $1 OR (user_id IS NULL AND agency_id = $2 AND role = $3))`;
    const params = [actor.id, actor.agencyId, actor.role];
    const [{ total }] = await this.db.query(`SELECT count(*)::int AS total FROM notifications WHERE ${where}`, params);
    const rows = await this.db.query(
      `SELECT id, case_id, task_id, message, sent_at FROM notifications WHERE ${where} ORDER BY sent_at DESC LIMIT ${q.pageSize} OFFSET ${(q.page - 1) * q.pageSize}`,
      params,
    );
    return pageOf(rows.map((r: any) => ({ id: r.id, caseId: r.case_id, taskId: r.task_id, message: r.message, sentAt: r.sent_at.toISOString() })), total, q);
  }

  private async openTask(actor: Actor, taskId: string): Promise<TaskEntity> {
    const task = await this.tasks.findOneBy({ id: taskId });
    if (!task) throw new ApiException('TASK_NOT_FOUND');
    await this.cases.findForActor(actor, task.caseId);
    if (task.status !== 'open') throw new ApiException('TASK_NOT_OPEN');
    return task;
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
