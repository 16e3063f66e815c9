import { REVIEW_FINDINGS, RETURN_STEPS, ReturnStep, ReviewFinding } from '#libs/domain/review';
import { NOTIFICATION_METHODS, NotificationMethod, TASK_KINDS } from '#libs/domain/tasks';
import { DateTimeField, EnumField, EnumListField, NestedField, TextField, UuidField } from '../common/fields';
import { PageQuery } from '../common/paging';

export class TaskListQuery extends PageQuery {
  @UuidField('案件编号', { optional: true }) caseId?: string;
  @EnumField('任务类型', TASK_KINDS, { optional: true }) kind?: string;
  @DateTimeField('到期时间早于', { optional: true }) dueBefore?: string;
}

export class NotificationDto {
  @EnumField('告知方式', NOTIFICATION_METHODS) method: NotificationMethod;
  @DateTimeField('告知时间') notifiedAt: string;
  @TextField('告知对象', 200) recipient: string;
  @TextField('告知情况说明', 2000, { optional: true }) note?: string;
}

/** 受委托签批: a deputy signing for the chief, and the basis of the delegation. */
export class DelegationDto {
  @TextField('委托人', 100) onBehalfOf: string;
  @TextField('委托依据', 1000) basis: string;
}

/** 移送回执: the receiving authority's receipt of a transferred case. */
export class TransferReceiptDto {
  @TextField('接收人', 100) receivedBy: string;
  @DateTimeField('接收时间') receivedAt: string;
  @TextField('回执文号', 100) documentNumber: string;
}

/** A completion; the review and approval tasks take the fields after `notification`. */
export class CompleteTaskDto {
  @TextField('办理结果', 32) decision: string;
  @TextField('办理意见', 5000) opinion: string;
  @NestedField('告知情况', () => NotificationDto, { optional: true, requiredWhen: '办理告知不予启动情况（decline_notification）任务' })
  notification?: NotificationDto;
  @EnumListField('认定的案件情形', REVIEW_FINDINGS, { optional: true }) findings?: ReviewFinding[];
  @TextField('审核建议', 5000, { optional: true }) suggestions?: string;
  @TextField('签名', 100, { optional: true }) signature?: string;
  @DateTimeField('签署时间', { optional: true }) signedAt?: string;
  @NestedField('委托签批', () => DelegationDto, { optional: true }) delegation?: DelegationDto;
  @EnumField('退回环节', RETURN_STEPS, { optional: true, requiredWhen: '负责人审批（decision_approval）退回（decision 为 return）' })
  returnTo?: ReturnStep;
  @NestedField('移送回执', () => TransferReceiptDto, { optional: true, requiredWhen: '登记案件移送回执（transfer_receipt）任务' })
  receipt?: TransferReceiptDto;
}

export class EscalationListQuery extends PageQuery {}

/** 转交: to another person of the task's role, and why. */
export class TransferTaskDto {
  @UuidField('转交给') toUserId: string;
  @TextField('转交理由', 1000) reason: string;
}

/** 催办: the message the assignee receives. */
export class UrgeTaskDto {
  @TextField('催办内容', 1000) message: string;
}
