import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectRepository } from '@nestjs/typeorm';
import type { Request } from 'express';
import { Repository } from 'typeorm';
import { Actor, ROLE_LABELS } from '../../../../libs/domain/roles';
import { findProfile } from '../../../../libs/profiles';
import { UserEntity } from '../../../../libs/persistence/entities/user.entity';
import { AuditService } from '../audit/audit.service';
import { ApiException } from '../common/api.exception';
import { LoginDto } from './auth.dto';
import { verifyPassword } from './password';

@Injectable()
export class AuthService {
  constructor(
    @InjectRepository(UserEntity) private readonly users: Repository<UserEntity>,
    private readonly jwt: JwtService,
    private readonly audit: AuditService,
  ) {}

  async login(dto: LoginDto, req: Request) {
    const user = await this.users.findOneBy({ username: dto.username, active: true });
    const ok = user ? await verifyPassword(dto.password, user.passwordHash) : false;
    const actor: Actor | undefined = ok && user
      ? { id: user.id, name: user.displayName, role: user.role, agencyId: user.agencyId }
      : undefined;
    await this.audit.login(dto.username, actor, req);
    if (!actor || !user) throw new ApiException('AUTH_INVALID_CREDENTIALS');
    const accessToken = await this.jwt.signAsync({ sub: actor.id, name: actor.name, role: actor.role, agencyId: actor.agencyId });
    return { accessToken, tokenType: 'Bearer', user: this.view(user) };
  }

  async me(actor: Actor) {
    const user = await this.users.findOneByOrFail({ id: actor.id });
    return this.view(user);
  }

  private view(u: UserEntity) {
    return {
      id: u.id,
      username: u.username,
      displayName: u.displayName,
      role: u.role,
      roleLabel: ROLE_LABELS[u.role],
      agencyId: u.agencyId,
      agencyName: findProfile(u.agencyId)?.name ?? u.agencyId,
      unit: u.unit,
      certificateNo: u.certificateNo,
    };
  }
}
