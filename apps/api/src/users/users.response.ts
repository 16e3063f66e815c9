import { ROLES } from '#libs/domain/roles';
import { UserEntity } from '#libs/persistence/entities/user.entity';
import { PageOf } from '../common/paging';
import { Day, OneOf, Text, Uuid } from '../common/responses';

/** A colleague as the directory shows them: never the username, password or session data. */
export class ColleagueResponse {
  @Uuid() id: string;
  @Text({ description: '姓名' }) displayName: string;
  @OneOf(ROLES) role: string;
  @Text({ description: '科室' }) unit: string;
  @Text({ nullable: true, description: '执法证件编号' }) certificateNo: string | null;
  @Day({ nullable: true, description: '执法证件有效期起（含当日）' }) certificateValidFrom: string | null;
  @Day({ nullable: true, description: '执法证件有效期至（含当日）' }) certificateValidTo: string | null;
}

export class ColleaguePage extends PageOf(ColleagueResponse) {}

export function mapColleague(u: UserEntity): ColleagueResponse {
  return {
    id: u.id,
    displayName: u.displayName,
    role: u.role,
    unit: u.unit,
    certificateNo: u.certificateNo,
    certificateValidFrom: u.certificateValidFrom,
    certificateValidTo: u.certificateValidTo,
  };
}
