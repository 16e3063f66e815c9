import { Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { Actor } from '#libs/domain/roles';
import { AuditEntity } from '#libs/persistence/entities/audit.entity';
import { UserEntity } from '#libs/persistence/entities/user.entity';
import { AuditRepository, AuditScope } from '#libs/persistence/repositories/audit.repository';
import { UsersRepository } from '#libs/persistence/repositories/users.repository';
import { pageOf, skipOf } from '../common/paging';
import { AuditQuery } from './audit.query';
import { AuditEntryResponse, AuditPage } from './audit.response';

/** Login outcomes: the administrator reads them across agencies (an attack on logins is not one agency's). */
export const LOGIN_ACTIONS = ['login', 'login_failed', 'login_throttled'] as const;

/** Access audit (等保 "who tried what"): logins and every refused request. */
@Injectable()
export class AuditService {
  constructor(
    private readonly audit: AuditRepository,
    private readonly users: UsersRepository,
  ) {}

  /**
   * A login: allowed, or `login_failed`. A failure is filed under the agency (and user) the username
   * names when it names an account, so that agency's supervisor sees the attempts on it.
   */
  async login(username: string, user: Pick<UserEntity, 'id' | 'agencyId'> | null, ok: boolean, req: Request): Promise<void> {
    await this.audit.add({
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
    const user = username ? await this.users.owner(username) : null;
    await this.audit.add({
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

  /**
   * A change to shared data (e.g. a calendar year loaded) or to an agency's people and units: who did
   * it, from where, and what it changed (`details`: before and after, never a password or its hash),
   * filed under the agency changed (`agencyId`, the actor's own by default) so its supervisor reads it.
   */
  async changed(actor: Actor, action: string, req: Request, details?: Record<string, unknown>, agencyId = actor.agencyId): Promise<void> {
    await this.audit.add({
      userId: actor.id,
      username: actor.name,
      agencyId,
      details: details ?? null,
      action,
      outcome: 'allowed',
      method: req.method,
      path: req.originalUrl,
      code: null,
      ip: req.ip ?? null,
    });
  }

  async refused(actor: Actor | undefined, action: string, code: string, req: Request): Promise<void> {
    await this.audit.add({
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
  async list(actor: Actor, q: AuditQuery): Promise<AuditPage> {
    const own: AuditScope = { agencyId: actor.agencyId, action: q.action };
    const logins = LOGIN_ACTIONS.filter((a) => !q.action || a === q.action);
    const scopes: AuditScope[] =
      actor.role === 'admin' ? [...(logins.length ? [{ actions: logins }] : []), { agencyId: null, action: q.action }, own] : [own];
    const [rows, total] = await this.audit.page(scopes, skipOf(q), q.pageSize);
    return pageOf(rows.map(toAuditView), total, q);
  }
}

function toAuditView(a: AuditEntity): AuditEntryResponse {
  return {
    id: a.id,
    at: a.at.toISOString(),
    userId: a.userId,
    username: a.username,
    agencyId: a.agencyId,
    action: a.action,
    outcome: a.outcome,
    method: a.method,
    path: a.path,
    code: a.code,
    ip: a.ip,
    details: a.details,
  };
}
