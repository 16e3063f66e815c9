import { ROLES } from '#libs/domain/roles';
import { Bool, Day, Nested, OneOf, Text, Uuid } from '../common/responses';

export class UserResponse {
  @Uuid() id: string;
  @Text() username: string;
  @Text() displayName: string;
  @OneOf(ROLES) role: string;
  @Text() roleLabel: string;
  @Text() agencyId: string;
  @Text() agencyName: string;
  @Text() unit: string;
  @Text({ nullable: true, description: '执法证件编号（执法人员）' }) certificateNo: string | null;
  @Day({ nullable: true, description: '执法证件有效期起（含当日）' }) certificateValidFrom: string | null;
  @Day({ nullable: true, description: '执法证件有效期至（含当日）' }) certificateValidTo: string | null;
  @Bool({ description: '密码由管理员设置，须先修改密码' }) mustChangePassword: boolean;
}

/** A bearer token (8 h) and whose it is. */
export class LoginResponse {
  @Text() accessToken: string;
  @OneOf(['Bearer']) tokenType: string;
  @Nested(() => UserResponse) user: UserResponse;
  /** True: the password was set by an administrator; only /auth/me, /auth/password and /auth/logout answer until it is changed. */
  @Bool({ description: '须先修改密码（管理员设置的初始或重置密码）' }) mustChangePassword: boolean;
}
