import { IsString, MinLength } from 'class-validator';
import { TextField } from '../common/fields';

export class LoginDto {
  @TextField('用户名', 64) username: string;
  @TextField('密码', 128) password: string;
}

export class ChangePasswordDto {
  @TextField('当前密码', 128) currentPassword: string;
  /** 12 characters at least: long enough that the login limits make guessing hopeless. */
  @TextField('新密码', 128) @IsString() @MinLength(12) newPassword: string;
}
