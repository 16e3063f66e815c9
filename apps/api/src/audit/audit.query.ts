import { TextField } from '../common/fields';
import { PageQuery } from '../common/paging';

/** `?action=login_failed`: one kind of entry (`login`, `login_failed`, `login_throttled`, a refused route…). */
export class AuditQuery extends PageQuery {
  @TextField('操作', 200, { optional: true }) action?: string;
}
