import { ApiPropertyOptional } from '@nestjs/swagger';
import { ValidateIf } from 'class-validator';
import { ROLES } from '#libs/domain/roles';
import { BoolField, DateField, EnumField, NestedField, TextField } from '../common/fields';
import { PageQuery } from '../common/paging';

/** 行政执法证件: its number, issuer and validity (China dates, both days included). */
export class CertificateDto {
  @TextField('执法证件编号', 64) number: string;
  @TextField('发证机关', 100, { optional: true }) issuer?: string;
  @DateField('有效期起') validFrom: string;
  @DateField('有效期至') validTo: string;
}

/** A new login; the password is the administrator's, to be changed by the user at first login. */
export class CreateUserDto {
  @TextField('用户名', 64) username: string;
  @TextField('姓名', 50) displayName: string;
  @TextField('所属机关', 100) agencyId: string;
  @TextField('科室', 50) unit: string;
  @EnumField('角色', ROLES) role: (typeof ROLES)[number];
  @NestedField('执法证件', () => CertificateDto, { optional: true }) certificate?: CertificateDto;
  @TextField('初始密码', 128) password: string;
}

/**
 * What an administrator changes on a user; absent fields stay. `certificate: null` removes the
 * certificate; `active: false` disables the login and ends its sessions at once; `password` resets
 * the password, which the user must change at their next login.
 */
export class ChangeUserDto {
  @TextField('姓名', 50, { optional: 'absent' }) displayName?: string;
  @TextField('科室', 50, { optional: 'absent' }) unit?: string;
  @EnumField('角色', ROLES, { optional: 'absent' }) role?: (typeof ROLES)[number];
  // null is a value here (remove), not an absent field: validated only when an object is sent.
  @ApiPropertyOptional({ nullable: true })
  @ValidateIf((_, v) => v !== null && v !== undefined)
  @NestedField('执法证件（null 表示删除）', () => CertificateDto, { optional: true })
  certificate?: CertificateDto | null;
  @BoolField('在用', { optional: 'absent' }) active?: boolean;
  @TextField('重置密码', 128, { optional: 'absent' }) password?: string;
}

export class AdminUserQuery extends PageQuery {
  @TextField('所属机关', 100, { optional: true }) agencyId?: string;
  @EnumField('角色', ROLES, { optional: true }) role?: string;
  @TextField('科室', 50, { optional: true }) unit?: string;
  @EnumField('在用', ['true', 'false'], { optional: true }) active?: 'true' | 'false';
  @TextField('姓名或用户名', 50, { optional: true }) q?: string;
}
