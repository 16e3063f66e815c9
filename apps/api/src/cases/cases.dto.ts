import { CASE_SOURCES, CASE_STATUSES, STAGES } from '#libs/domain/case';
import { BoolField, DateField, EnumField, NotBeforeDate, TextField, UuidField } from '../common/fields';
import { PageQuery } from '../common/paging';
import { Transform } from 'class-transformer';

/**
 * The case list and its search: `q` matches the case number, a party's name or ID number in part
 * (罚立〔2026〕1, 张三, the last digits of an ID number); dates are China dates, both ends included.
 */
export class CaseListQuery extends PageQuery {
  // A blank box searches for nothing: the list as without `q`.
  @Transform(({ value }) => (typeof value === 'string' ? value.trim() || undefined : value))
  @TextField('检索词', 50, { optional: true })
  q?: string;
  @EnumField('案件状态', CASE_STATUSES, { optional: true }) status?: string;
  @EnumField('案件来源', CASE_SOURCES, { optional: true }) source?: string;
  @EnumField('案件阶段', STAGES, { optional: true }) stage?: string;
  @UuidField('承办人', { optional: true }) handlingOfficerId?: string;
  @TextField('承办科室', 100, { optional: true }) unit?: string;
  @DateField('启动日期起', { optional: true }) startedFrom?: string;
  @NotBeforeDate('startedFrom')
  @DateField('启动日期止', { optional: true })
  startedTo?: string;
  @DateField('办结日期起', { optional: true }) endedFrom?: string;
  @NotBeforeDate('endedFrom')
  @DateField('办结日期止', { optional: true })
  endedTo?: string;
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @BoolField('是否逾期', { optional: true })
  overdue?: boolean;
}
