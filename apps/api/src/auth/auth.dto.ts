import { TextField } from '../common/fields';

export class LoginDto {
  @TextField('用户名', 64) username: string;
  @TextField('密码', 128) password: string;
}

export class ChangePasswordDto {
  @TextField('当前密码', 128) currentPassword: string;
  /** Checked against the password policy (libs/domain/password-policy.ts) once the current one is verified. */
  @TextField('新密码', 128) newPassword: string;
}
