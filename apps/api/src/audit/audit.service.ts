import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Request } from 'express';
import { Repository } from 'typeorm';
import { Actor } from '../../../../libs/domain/roles';
import { AuditEntity } from '../../../../libs/persistence/entities/audit.entity';
import { Page, PageQuery, pageOf } from '../common/paging';

/** Access audit (等保 "who tried what"): logins and every refused request. */
@Injectable()
export class AuditService {
  constructor(@InjectRepository(AuditEntity) private readonly repo: Repository<AuditEntity>) {}

  async login(username: string, actor: Actor | undefined, req: Request): Promise<void> {
    await this.repo.insert({
      userId: actor?.id ?? null,
      username,
      agencyId: actor?.agencyId ?? null,
      action: 'login',
      outcome: actor ? 'allowed' : 'denied',
      method: req.method,
      path: req.path,
      code: actor ? null : 'AUTH_INVALID_CREDENTIALS',
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

  /** A supervisor reads the audit of their own agency. */
  async list(actor: Actor, q: PageQuery): Promise<Page<AuditEntity>> {
    const [items, total] = await this.repo.findAndCount({
      where: { agencyId: actor.agencyId },
      order: { id: 'DESC' },
      skip: (q.page - 1) * q.pageSize,
      take: q.pageSize,
    });
    return pageOf(items, total, q);
  }
}
