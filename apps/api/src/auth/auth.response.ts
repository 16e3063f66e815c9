import { ROLES } from '#libs/domain/roles';
import { Nested, OneOf, Text, Uuid } from '../common/responses';

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
}

/** A bearer token (8 h) and whose it is. */
export class LoginResponse {
  @Text() accessToken: string;
  @OneOf(['Bearer']) tokenType: string;
  @Nested(() => UserResponse) user: UserResponse;
}
