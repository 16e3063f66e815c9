import { CASE_SOURCES, CASE_STATUSES } from '#libs/domain/case';
import { BoolField, EnumField } from '../common/fields';
import { PageQuery } from '../common/paging';
import { Transform } from 'class-transformer';

export class CaseListQuery extends PageQuery {
  @EnumField('案件状态', CASE_STATUSES, { optional: true }) status?: string;
  @EnumField('案件来源', CASE_SOURCES, { optional: true }) source?: string;
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @BoolField('是否逾期', { optional: true })
  overdue?: boolean;
}
