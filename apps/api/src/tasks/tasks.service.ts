import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { Actor } from '#libs/domain/roles';
import { TASK_SPECS, completionRefusal } from '#libs/domain/tasks';
import { transferTaskUpdate } from '#libs/messages/tasks';
import { TaskEntity } from '#libs/persistence/entities/task.entity';
import { TasksRepository } from '#libs/persistence/repositories/tasks.repository';
import { UsersRepository } from '#libs/persistence/repositories/users.repository';
import { CasesRepository, headOf } from '#libs/persistence/repositories/cases.repository';
import { toCaseView } from '../cases/cases.mapper';
import { CasesService } from '../cases/cases.service';
import { OfficerCertificates } from '../cases/officer-certificates';
import { ApiException } from '../common/api.exception';
import { derivedUuid } from '../common/idempotency';
import { PageQuery, pageOf, skipOf } from '../common/paging';
import { notBefore, notInFuture } from '../common/times';
import { CaseWorkflowsClient } from '../temporal/case-workflows.client';
import { CompleteTaskDto, TaskListQuery, TransferTaskDto, UrgeTaskDto } from './tasks.dto';
import { toEscalationView, toNotificationView, toRef, toTaskView } from './tasks.mapper';
import { CompletionResponse, EscalationPage, NotificationPage, TaskPage, TaskResponse, UrgeResponse } from './tasks.response';

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
    private readonly tasks: TasksRepository,
    private readonly users: UsersRepository,
    private readonly cases: CasesService,
    private readonly workflows: CaseWorkflowsClient,
    private readonly caseRows: CasesRepository,
    private readonly certificates: OfficerCertificates,
  ) {}

  /** Each row mapped with its case's 案号, read in one statement for the page. */
  private async numbered<R extends { caseId: string }, V>(rows: R[], view: (r: R, caseNumber: string | null) => V): Promise<V[]> {
    const numbers = await this.caseRows.caseNumbers(rows.map((r) => r.caseId));
    return rows.map((r) => view(r, numbers.get(r.caseId) ?? null));
  }

  /** Tasks mapped with their cases' 案号 and parties' names, read in one statement for the page. */
  private async headed(rows: TaskEntity[]): Promise<TaskResponse[]> {
    const heads = await this.caseRows.caseHeads(rows.map((r) => r.caseId));
    return rows.map((r) => toTaskView(r, heads.get(r.caseId) ?? { caseNumber: null, partyNames: [] }));
  }

  /** The caller's open tasks: their agency and role, unassigned or assigned to them; soonest due first. */
  async mine(actor: Actor, q: TaskListQuery): Promise<TaskPage> {
    const filter = { agencyId: actor.agencyId, role: actor.role, userId: actor.id, caseId: q.caseId, kind: q.kind, dueBefore: q.dueBefore };
    const [rows, total] = await this.tasks.open(filter, skipOf(q), q.pageSize);
    return pageOf(await this.headed(rows), total, q);
  }

  /** 已办: the tasks the caller completed, most recently completed first. */
  async done(actor: Actor, q: PageQuery): Promise<TaskPage> {
    const [rows, total] = await this.tasks.completedBy({ agencyId: actor.agencyId, userId: actor.id }, skipOf(q), q.pageSize);
    return pageOf(await this.headed(rows), total, q);
  }

  /**
   * Sends the completion to the case workflow as an Update, whose validator is the authority.
   * The Update ID is derived from the person, task and body (or their Idempotency-Key), so a
   * retried request is answered with the first result and changes nothing.
   */
  async complete(actor: Actor, taskId: string, dto: CompleteTaskDto, key?: string): Promise<CompletionResponse> {
    // PermissionGuard (task.complete, scope task) has read the task's case and refused another agency's.
    const task = await this.tasks.byId(taskId);
    if (!task) throw new ApiException('TASK_NOT_FOUND');
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
    // Read back as the workflow left them, both at once; the task's case head comes from the case row, not a third statement.
    const [c, done] = await Promise.all([this.cases.findForActor(actor, task.caseId), this.tasks.byId(taskId)]);
    return { task: toTaskView(done!, headOf(c)), case: toCaseView(c) };
  }

  /** Hands an open task to another person of its role; the workflow is the authority on who may. */
  async transfer(actor: Actor, taskId: string, dto: TransferTaskDto): Promise<TaskResponse> {
    const task = await this.openTask(actor, taskId);
    const u = await this.users.byId(dto.toUserId);
    if (!u) throw new ApiException('TASK_TRANSFER_TARGET_INVALID');
    // An officer takes over the handling only with a certificate valid today (行政处罚法 42); anyone
    // else of the wrong agency or role is the workflow's refusal (TASK_TRANSFER_TARGET_INVALID).
    if (u.role === 'officer' && u.agencyId === actor.agencyId) await this.certificates.assertHolds(u.id, new Date(), 'toUserId');
    const to: Actor = { id: u.id, name: u.displayName, role: u.role, agencyId: u.agencyId };
    await this.workflows.update(
      task.workflowId,
      transferTaskUpdate,
      { taskId, to, reason: dto.reason, by: actor },
      derivedUuid(actor.id, taskId, 'transfer', dto.toUserId),
    );
    const [view] = await this.headed([(await this.tasks.byId(taskId))!]);
    return view;
  }

  /** 催办: recorded on the case and sent to the assignee (or everyone of the task's role), in one transaction. */
  async urge(actor: Actor, taskId: string, dto: UrgeTaskDto): Promise<UrgeResponse> {
    const task = await this.openTask(actor, taskId);
    const id = randomUUID();
    const at = new Date();
    const n = {
      id,
      agencyId: task.agencyId,
      userId: task.assigneeId,
      role: task.role,
      caseId: task.caseId,
      taskId: task.id,
      message: dto.message,
      sentBy: actor.id,
      sentAt: at,
    };
    await this.tasks.addNotification(n, {
      caseId: task.caseId,
      key: `urge:${id}`,
      actor,
      action: 'task_urged',
      summary: `${actor.name}催办「${TASK_SPECS[task.kind].label}」：${dto.message}`,
      details: { taskId: task.id, notificationId: id },
    });
    return { id, taskId, message: dto.message, sentAt: at.toISOString() };
  }

  /** The caller's messages: to them, or to their role in their agency; newest first. */
  async notifications(actor: Actor, q: PageQuery): Promise<NotificationPage> {
    const [rows, total] = await this.tasks.notificationsFor(
      { userId: actor.id, agencyId: actor.agencyId, role: actor.role },
      skipOf(q),
      q.pageSize,
    );
    return pageOf(await this.numbered(rows, toNotificationView), total, q);
  }

  private async openTask(actor: Actor, taskId: string): Promise<TaskEntity> {
    const task = await this.tasks.byId(taskId);
    if (!task) throw new ApiException('TASK_NOT_FOUND');
    await this.cases.findForActor(actor, task.caseId);
    if (task.status !== 'open') throw new ApiException('TASK_NOT_OPEN');
    return task;
  }

  async listEscalations(actor: Actor, q: PageQuery): Promise<EscalationPage> {
    const [rows, total] = await this.tasks.escalationsOf(actor.agencyId, skipOf(q), q.pageSize);
    return pageOf(await this.numbered(rows, toEscalationView), total, q);
  }
}
