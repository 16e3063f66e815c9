import { BoolField, EnumField, TextField } from '../common/fields';
import { PageQuery } from '../common/paging';

/** A new unit: of the caller's own agency unless the system administrator names another. */
export class CreateUnitDto {
  @TextField('所属机关', 100, { optional: true }) agencyId?: string;
  @TextField('科室名称', 50) name: string;
}

/** Rename (`name`), retire (`active: false`) or reinstate (`active: true`) a unit. */
export class ChangeUnitDto {
  @TextField('科室名称', 50, { optional: 'absent' }) name?: string;
  @BoolField('在用', { optional: 'absent' }) active?: boolean;
}

export class UnitQuery extends PageQuery {
  @TextField('所属机关', 100, { optional: true }) agencyId?: string;
  @EnumField('在用', ['true', 'false'], { optional: true }) active?: 'true' | 'false';
  @TextField('科室名称', 50, { optional: true }) q?: string;
}
