import { Injectable } from '@nestjs/common';
import { Brackets, DataSource, IsNull, Repository } from 'typeorm';
import { RecordEntryInput } from '../../domain/record';
import { appendRecord } from '../append-record';
import { EscalationEntity } from '../entities/escalation.entity';
import { NotificationEntity } from '../entities/notification.entity';
import { TaskEntity } from '../entities/task.entity';

/** Whose open tasks, and the list's filters. */
export interface OpenTaskFilter {
  agencyId: string;
  role: string;
  userId: string;
  caseId?: string;
  kind?: string;
  dueBefore?: string;
}

/** Tables `tasks` and `escalations` (projections of the workflows, written by activities) and `notifications` (催办). */
@Injectable()
export class TasksRepository {
  private readonly tasks: Repository<TaskEntity>;
  private readonly escalations: Repository<EscalationEntity>;
  private readonly notifications: Repository<NotificationEntity>;

  constructor(private readonly db: DataSource) {
    this.tasks = db.getRepository(TaskEntity);
    this.escalations = db.getRepository(EscalationEntity);
    this.notifications = db.getRepository(NotificationEntity);
  }

  byId(id: string): Promise<TaskEntity | null> {
    return this.tasks.findOneBy({ id });
  }

  /** The task deciding a party's access request (its workflow's), open or decided; null when the case has no such request. */
  accessDecision(caseId: string, workflowId: string): Promise<TaskEntity | null> {
    return this.tasks.findOneBy({ caseId, kind: 'access_request', workflowId });
  }

  /** The case's open task of this kind (in that workflow, if named), or null. */
  openOfCase(caseId: string, kind: TaskEntity['kind'], workflowId?: string): Promise<TaskEntity | null> {
    return this.tasks.findOneBy({ caseId, kind, status: 'open', ...(workflowId && { workflowId }) });
  }

  /** Open tasks of the agency and role, unassigned or assigned to the user; soonest due first. */
  open(f: OpenTaskFilter, skip: number, take: number): Promise<[TaskEntity[], number]> {
    const qb = this.tasks
      .createQueryBuilder('t')
      .where("t.status = 'open' AND t.agency_id = :agency AND t.role = :role", { agency: f.agencyId, role: f.role })
      .andWhere(new Brackets((b) => b.where('t.assignee_id IS NULL').orWhere('t.assignee_id = :me', { me: f.userId })));
    if (f.caseId) qb.andWhere('t.case_id = :caseId', { caseId: f.caseId });
    if (f.kind) qb.andWhere('t.kind = :kind', { kind: f.kind });
    if (f.dueBefore) qb.andWhere('t.due_at < :dueBefore', { dueBefore: f.dueBefore });
    return qb.orderBy('t.due_at', 'ASC', 'NULLS LAST').addOrderBy('t.opened_at', 'ASC').skip(skip).take(take).getManyAndCount();
  }

  /** The tasks the user completed in their agency (已办), most recently completed first. */
  completedBy(f: { agencyId: string; userId: string }, skip: number, take: number): Promise<[TaskEntity[], number]> {
    return this.tasks.findAndCount({
      where: { agencyId: f.agencyId, completedBy: f.userId, status: 'completed' },
      order: { completedAt: 'DESC', id: 'ASC' },
      skip,
      take,
    });
  }

  /** Newest first. */
  escalationsOf(agencyId: string, skip: number, take: number): Promise<[EscalationEntity[], number]> {
    return this.escalations.findAndCount({ where: { agencyId }, order: { escalatedAt: 'DESC' }, skip, take });
  }

  /** Messages to the user, or to their role in their agency; newest first. */
  notificationsFor(
    to: { userId: string; agencyId: string; role: string },
    skip: number,
    take: number,
  ): Promise<[NotificationEntity[], number]> {
    return this.notifications.findAndCount({
      where: [{ userId: to.userId }, { userId: IsNull(), agencyId: to.agencyId, role: to.role }],
      order: { sentAt: 'DESC' },
      skip,
      take,
    });
  }

  /** The message and its record entry, in one transaction. */
  async addNotification(n: NotificationEntity, entry: RecordEntryInput): Promise<void> {
    await this.db.transaction(async (m) => {
      await m.query(
        `INSERT INTO notifications (id, agency_id, user_id, role, case_id, task_id, message, sent_by, sent_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
        [n.id, n.agencyId, n.userId, n.role, n.caseId, n.taskId, n.message, n.sentBy, n.sentAt.toISOString()],
      );
      await appendRecord(m, entry);
    });
  }
}
