import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import type { Request } from 'express';
import { randomBytes } from 'node:crypto';
import { passwordProblems } from '#libs/domain/password-policy';
import { Actor, ROLE_LABELS } from '#libs/domain/roles';
import { UserEntity } from '#libs/persistence/entities/user.entity';
import { UsersRepository } from '#libs/persistence/repositories/users.repository';
import { AuditService } from '../audit/audit.service';
import { ApiException } from '../common/api.exception';
import { ProfileRegistry } from '../profiles/profile-registry';
import { ChangePasswordDto, LoginDto } from './auth.dto';
import { LoginResponse, UserResponse } from './auth.response';
import { hashPassword, verifyPassword } from './password';
import { Sessions } from './sessions';

/**
 * A hash of a random password nobody knows, checked when the username names no active account: a
 * wrong password costs one scrypt whether the account exists or not, so the answer's time does not
 * tell (43 ms against 5 ms before, measured when this was added).
 */
const DUMMY_HASH = hashPassword(randomBytes(32).toString('hex'));

@Injectable()
export class AuthService {
  constructor(
    private readonly users: UsersRepository,
    private readonly jwt: JwtService,
    private readonly audit: AuditService,
    private readonly sessions: Sessions,
    private readonly profiles: ProfileRegistry,
  ) {}

  async login(dto: LoginDto, req: Request): Promise<LoginResponse> {
    const user = await this.users.byUsername(dto.username);
    const usable = user?.active ? user : null;
    const ok = await verifyPassword(dto.password, usable ? usable.passwordHash : await DUMMY_HASH);
    await this.audit.login(dto.username, user, ok && !!usable, req);
    if (!ok || !usable) throw new ApiException('AUTH_INVALID_CREDENTIALS');
    return this.answer(usable);
  }

  /** Ends every token of the caller, on every device. */
  async logout(actor: Actor): Promise<void> {
    await this.sessions.end(actor.id);
  }

  /**
   * A new password of the user's own choosing, under the password policy: it ends every token (the
   * trigger moves the version), lifts a must-change flag, and the answer carries a fresh token.
   */
  async changePassword(actor: Actor, dto: ChangePasswordDto): Promise<LoginResponse> {
    const user = (await this.users.byId(actor.id))!;
    if (!(await verifyPassword(dto.currentPassword, user.passwordHash))) throw new ApiException('AUTH_PASSWORD_WRONG');
    if (dto.newPassword === dto.currentPassword) {
      throw new ApiException('VALIDATION_FAILED', [{ field: 'newPassword', code: 'SAME_PASSWORD', message: '新密码不能与当前密码相同' }]);
    }
    const problems = passwordProblems(dto.newPassword, user.username);
    if (problems.length)
      throw new ApiException(
        'VALIDATION_FAILED',
        problems.map((p) => ({ field: 'newPassword', ...p })),
      );
    await this.users.setPasswordHash(user.id, await hashPassword(dto.newPassword));
    await this.sessions.end(user.id);
    return this.answer((await this.users.byId(user.id))!);
  }

  async me(actor: Actor): Promise<UserResponse> {
    const user = await this.users.byId(actor.id);
    // The guard has just seen the user; a row deleted since is an ended session, not a fault.
    if (!user) throw new ApiException('AUTH_SESSION_ENDED');
    return await this.view(user);
  }

  private async answer(u: UserEntity): Promise<LoginResponse> {
    const accessToken = await this.jwt.signAsync({
      sub: u.id,
      name: u.displayName,
      role: u.role,
      agencyId: u.agencyId,
      ver: u.tokenVersion,
    });
    return { accessToken, tokenType: 'Bearer', user: await this.view(u), mustChangePassword: u.mustChangePassword };
  }

  /** The agency's name comes from the registry (built-in or loaded); the administrator's `system` is no agency and shows its id. */
  private async view(u: UserEntity): Promise<UserResponse> {
    return {
      id: u.id,
      username: u.username,
      displayName: u.displayName,
      role: u.role,
      roleLabel: ROLE_LABELS[u.role],
      agencyId: u.agencyId,
      agencyName: (await this.profiles.nameOf(u.agencyId)) ?? u.agencyId,
      unit: u.unit,
      certificateNo: u.certificateNo,
      certificateValidFrom: u.certificateValidFrom,
      certificateValidTo: u.certificateValidTo,
      mustChangePassword: u.mustChangePassword,
    };
  }
}
