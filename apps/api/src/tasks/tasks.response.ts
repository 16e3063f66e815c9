import { NOTIFICATION_METHODS, TASK_KINDS } from '#libs/domain/tasks';
import { ROLES } from '#libs/domain/roles';
import { CaseResponse } from '../cases/cases.response';
import { PageOf } from '../common/paging';
import { Bool, Instant, Ints, Nested, NestedList, OneOf, Text, Texts, Uuid } from '../common/responses';

export class TaskNotificationResponse {
  @OneOf(NOTIFICATION_METHODS) method: string;
  @Instant() notifiedAt: string;
  @Text() recipient: string;
  @Text({ optional: true }) note?: string;
}

export class TaskResponse {
  @Uuid() id: string;
  @Uuid() caseId: string;
  @Text({ nullable: true, description: '案号（未立案时为空）' }) caseNumber: string | null;
  @Texts({ description: '当事人姓名或名称（简易程序案件为空）' }) partyNames: string[];
  @OneOf(TASK_KINDS) kind: string;
  @Text() kindLabel: string;
  @OneOf(ROLES) role: string;
  @Text() roleLabel: string;
  @Texts({ description: '可选的办理结果' }) decisions: readonly string[];
  @Uuid({ nullable: true, description: '指定办理人（为空时该角色的任何人均可办理）' }) assigneeId: string | null;
  @OneOf(['open', 'completed', 'cancelled']) status: string;
  @Instant({ nullable: true }) dueAt: string | null;
  @Bool({ description: '为 false 时 dueAt 按周末估算（所涉年度的节假日安排尚未公布）' }) complete: boolean;
  @Ints({ description: '未公布节假日安排的年度' }) missingYears: number[];
  @Bool() overdue: boolean;
  @Instant() openedAt: string;
  @Instant({ nullable: true }) completedAt: string | null;
  @Uuid({ nullable: true }) completedBy: string | null;
  @Text({ nullable: true }) decision: string | null;
  @Text({ nullable: true }) opinion: string | null;
  @Nested(() => TaskNotificationResponse, { nullable: true }) notification: TaskNotificationResponse | null;
}

export class TaskPage extends PageOf(TaskResponse) {}

/** The completed task and the case as it stands after it. */
export class CompletionResponse {
  @Nested(() => TaskResponse) task: TaskResponse;
  @Nested(() => CaseResponse) case: CaseResponse;
}

export class MustActResponse {
  @OneOf(ROLES) role: string;
  @Uuid({ optional: true }) userId?: string;
}

export class EscalationResponse {
  @Text() id: string;
  @Uuid() caseId: string;
  @Text({ nullable: true, description: '案号（未立案时为空）' }) caseNumber: string | null;
  @Uuid({ nullable: true }) taskId: string | null;
  @Text() kind: string;
  @Instant() dueAt: string;
  @Instant() escalatedAt: string;
  @NestedList(() => MustActResponse) mustAct: MustActResponse[];
  @Text() legalBasis: string;
  @Instant({ nullable: true }) resolvedAt: string | null;
}

export class EscalationPage extends PageOf(EscalationResponse) {}

/** A 催办 message. */
export class NotificationResponse {
  @Uuid() id: string;
  @Uuid() caseId: string;
  @Text({ nullable: true, description: '案号（未立案时为空）' }) caseNumber: string | null;
  @Uuid() taskId: string;
  @Text() message: string;
  @Instant() sentAt: string;
}

export class NotificationPage extends PageOf(NotificationResponse) {}

export class UrgeResponse {
  @Uuid() id: string;
  @Uuid() taskId: string;
  @Text() message: string;
  @Instant() sentAt: string;
}
