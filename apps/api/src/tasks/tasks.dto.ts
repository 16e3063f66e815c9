import { NOTIFICATION_METHODS, NotificationMethod, TASK_KINDS } from '../../../../libs/domain/tasks';
import { DateTimeField, EnumField, NestedField, TextField, UuidField } from '../common/fields';
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

export class CompleteTaskDto {
  @TextField('办理结果', 32) decision: string;
  @TextField('办理意见', 5000) opinion: string;
  @NestedField('告知情况', () => NotificationDto, { optional: true }) notification?: NotificationDto;
}

export class EscalationListQuery extends PageQuery {}
