import { TextField } from '../common/fields';

export class LoginDto {
  @TextField('用户名', 64) username: string;
  @TextField('密码', 128) password: string;
}
