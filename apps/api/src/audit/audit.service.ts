import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Request } from 'express';
import { FindOptionsWhere, In, IsNull, Repository } from 'typeorm';
import { Actor } from '#libs/domain/roles';
import { AuditEntity } from '#libs/persistence/entities/audit.entity';
import { UserEntity } from '#libs/persistence/entities/user.entity';
import { Page, pageOf } from '../common/paging';
import { AuditQuery } from './audit.query';

/** Login outcomes: the administrator reads them across agencies (an attack on logins is not one agency's). */
export const LOGIN_ACTIONS = ['login', 'login_failed', 'login_throttled'] as const;

/** Access audit (等保 "who tried what"): logins and every refused request. */
@Injectable()
export class AuditService {
  constructor(
    @InjectRepository(AuditEntity) private readonly repo: Repository<AuditEntity>,
    @InjectRepository(UserEntity) private readonly users: Repository<UserEntity>,
  ) {}

  /**
   * A login: allowed, or `login_failed`. A failure is filed under the agency (and user) the username
   * names when it names an account, so that agency's supervisor sees the attempts on it.
   */
  async login(username: string, user: Pick<UserEntity, 'id' | 'agencyId'> | null, ok: boolean, req: Request): Promise<void> {
    await this.repo.insert({
      userId: user?.id ?? null,
      username,
      agencyId: user?.agencyId ?? null,
      action: ok ? 'login' : 'login_failed',
      outcome: ok ? 'allowed' : 'denied',
      method: req.method,
      path: req.path,
      code: ok ? null : 'AUTH_INVALID_CREDENTIALS',
      ip: req.ip ?? null,
    });
  }

  /** A login attempt refused before the password was checked (throttled), filed as `login` above. */
  async loginRefused(username: string, action: (typeof LOGIN_ACTIONS)[number], code: string, req: Request): Promise<void> {
    const user = username ? await this.users.findOne({ where: { username }, select: { id: true, agencyId: true } }) : null;
    await this.repo.insert({
      userId: user?.id ?? null,
      username,
      agencyId: user?.agencyId ?? null,
      action,
      outcome: 'denied',
      method: req.method,
      path: req.path,
      code,
      ip: req.ip ?? null,
    });
  }

  /** A change to shared data (e.g. a calendar year loaded): who did it, from where. */
  async changed(actor: Actor, action: string, req: Request): Promise<void> {
    await this.repo.insert({
      userId: actor.id,
      username: actor.name,
      agencyId: actor.agencyId,
      action,
      outcome: 'allowed',
      method: req.method,
      path: req.originalUrl,
      code: null,
      ip: req.ip ?? null,
    });
  }

  async refused(actor: Actor | undefined, action: string, code: string, req: Request): Promise<void> {
    await this.repo.insert({
      userId: actor?.id ?? null,
      username: actor?.name ?? null,
      agencyId: actor?.agencyId ?? null,
      action,
      outcome: 'denied',
      method: req.method,
      path: req.originalUrl,
      code,
      ip: req.ip ?? null,
    });
  }

  /**
   * A supervisor reads the audit of their own agency. The administrator reads the logins of every
   * agency and what no agency owns (attempts with unknown usernames, requests without a token).
   */
  async list(actor: Actor, q: AuditQuery): Promise<Page<AuditEntity>> {
    const action = q.action ? { action: q.action } : {};
    const logins = LOGIN_ACTIONS.filter((a) => !q.action || a === q.action);
    const where: FindOptionsWhere<AuditEntity>[] = actor.role === 'admin'
      ? [...(logins.length ? [{ action: In(logins) }] : []), { agencyId: IsNull(), ...action }, { agencyId: actor.agencyId, ...action }]
      : [{ agencyId: actor.agencyId, ...action }];
    const [items, total] = await this.repo.findAndCount({
      where,
      order: { id: 'DESC' },
      skip: (q.page - 1) * q.pageSize,
      take: q.pageSize,
    });
    return pageOf(items, total, q);
  }
}
