import { ROLES, ROLE_LABELS } from '#libs/domain/roles';
import { UserEntity } from '#libs/persistence/entities/user.entity';
import { PageOf } from '../common/paging';
import { Bool, Day, Instant, Nested, OneOf, Text, Uuid } from '../common/responses';

export class CertificateResponse {
  @Text({ description: '执法证件编号' }) number: string;
  @Text({ nullable: true, description: '发证机关' }) issuer: string | null;
  @Day({ nullable: true, description: '有效期起（含当日）' }) validFrom: string | null;
  @Day({ nullable: true, description: '有效期至（含当日）' }) validTo: string | null;
}

/** A user as an administrator sees them: never the password or its hash, nor the session's version. */
export class AdminUserResponse {
  @Uuid() id: string;
  @Text() username: string;
  @Text() displayName: string;
  @OneOf(ROLES) role: string;
  @Text() roleLabel: string;
  @Text() agencyId: string;
  @Text({ description: '科室' }) unit: string;
  @Nested(() => CertificateResponse, { nullable: true }) certificate: CertificateResponse | null;
  @Bool({ description: '在用（false：已停用，不能登录）' }) active: boolean;
  @Bool({ description: '须在下次登录后修改密码' }) mustChangePassword: boolean;
  @Instant() createdAt: string;
}

export class AdminUserPage extends PageOf(AdminUserResponse) {}

export function certificateOf(u: UserEntity): CertificateResponse | null {
  return u.certificateNo
    ? { number: u.certificateNo, issuer: u.certificateIssuer, validFrom: u.certificateValidFrom, validTo: u.certificateValidTo }
    : null;
}

export function mapAdminUser(u: UserEntity): AdminUserResponse {
  return {
    id: u.id,
    username: u.username,
    displayName: u.displayName,
    role: u.role,
    roleLabel: ROLE_LABELS[u.role],
    agencyId: u.agencyId,
    unit: u.unit,
    certificate: certificateOf(u),
    active: u.active,
    mustChangePassword: u.mustChangePassword,
    createdAt: u.createdAt.toISOString(),
  };
}
