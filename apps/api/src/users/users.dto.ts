import { ROLES } from '#libs/domain/roles';
import { EnumField, TextField } from '../common/fields';
import { PageQuery } from '../common/paging';

/** `?role=officer&unit=执法一科`: one role, one unit, or both. */
export class DirectoryQuery extends PageQuery {
  @EnumField('角色', ROLES, { optional: true }) role?: string;
  @TextField('科室', 100, { optional: true }) unit?: string;
}
