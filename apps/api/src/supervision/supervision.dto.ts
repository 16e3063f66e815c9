import { DateTimeField, EnumField, IntField, TextField, UuidField } from '../common/fields';
import { PageQuery } from '../common/paging';
import { STAGES } from '#libs/domain/case';

/**
 * Filters of the supervisor's view: late or still running, by kind of deadline, stage, officer. A page
 * is either the one after `cursor` (the previous page's `nextCursor`: cheap at any depth) or page
 * number `page` (kept for links and older callers; reads every row before it).
 */
export class DueQuery extends PageQuery {
  /** The previous page's `nextCursor`; when given, `page` is not read. */
  @TextField('翻页游标', 400, { optional: true }) cursor?: string;
  @EnumField('状态', ['overdue', 'due', 'all'], { optional: true }) state: 'overdue' | 'due' | 'all' = 'overdue';
  @TextField('期限类型', 64, { optional: true }) kind?: string;
  @EnumField('办案阶段', STAGES, { optional: true }) stage?: string;
  @UuidField('承办人', { optional: true }) officerId?: string;
  /** The person who must act (a task's assignee; the handling officer for the case's own deadlines). */
  @UuidField('待办人', { optional: true }) assigneeId?: string;
  @DateTimeField('到期时间早于', { optional: true }) dueBefore?: string;
  /** Late or due as of this instant (default now): what will be late by Friday, or was at month's end. */
  @DateTimeField('截至时间', { optional: true }) asOf?: string;
}

/** The statistics; overdue is measured as of `asOf` (default now), as the due list's. */
export class StatsQuery {
  @DateTimeField('截至时间', { optional: true }) asOf?: string;
}

export class AccountabilityQuery extends PageQuery {
  @UuidField('人员', { optional: true }) personId?: string;
  @UuidField('案件编号', { optional: true }) caseId?: string;
}

/** Certificates whose last valid day falls from today to today + `withinDays` (China dates). */
export class ExpiringCertificatesQuery extends PageQuery {
  @IntField('天数', 0, 366, { optional: true }) withinDays: number = 30;
}
