import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ACTIONS, Action, AgencyFacts, CaseFacts, Scope, mayAct } from '#libs/domain/permissions';
import { Actor } from '#libs/domain/roles';
import { CasesRepository } from '#libs/persistence/repositories/cases.repository';
import { UnitsRepository } from '#libs/persistence/repositories/units.repository';
import { UsersRepository } from '#libs/persistence/repositories/users.repository';
import type { Request } from 'express';
import { ApiException } from '../common/api.exception';
import { ErrorCode } from '../common/errors';
import { ACT, PUBLIC } from './auth.decorators';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const CHANGES = ['POST', 'PUT', 'PATCH', 'DELETE'];

/**
 * The one place that decides who may act: runs after AuthGuard, reads the route's
 * @Act, loads the case's agency, handling officer, handling unit and investigating officers (those
 * its records name) once, and asks mayAct. A state-changing route without @Act is refused: a new
 * route is closed until the matrix names it. Another agency's case is refused as CASE_OTHER_AGENCY,
 * which the error filter audits and answers exactly as a missing case (404 CASE_NOT_FOUND). In an
 * agency's administration it loads the target agency instead (the scope says from where), and another
 * agency's user or unit is refused the same way (USER_OTHER_AGENCY, UNIT_OTHER_AGENCY).
 */
@Injectable()
export class PermissionGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly cases: CasesRepository,
    private readonly users: UsersRepository,
    private readonly units: UnitsRepository,
  ) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    const targets = [ctx.getHandler(), ctx.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC, targets)) return true;
    const req = ctx.switchToHttp().getRequest();
    const action = this.reflector.get<Action | undefined>(ACT, ctx.getHandler());
    if (!action) {
      if (CHANGES.includes(req.method)) throw new ApiException('AUTH_ROLE_FORBIDDEN', undefined, '该操作未列入权限矩阵');
      return true;
    }
    const actor: Actor = req.user;
    const scope = ACTIONS[action].scope;
    const found = await this.facts(scope, req, actor);
    const verdict = mayAct(
      { id: actor.id, role: actor.role, agencyId: actor.agencyId, unit: found?.actorUnit ?? '' },
      action,
      found?.facts ?? null,
    );
    if (verdict === 'allowed') return true;
    if (verdict === 'forbidden') throw new ApiException('AUTH_ROLE_FORBIDDEN');
    throw new ApiException(found ? OTHER_AGENCY[scope] : NOT_FOUND[scope]);
  }

  private async facts(scope: Scope, req: Request, actor: Actor): Promise<{ facts: AgencyFacts; actorUnit?: string } | null> {
    const id = String(req.params.id ?? '');
    switch (scope) {
      case 'none':
        return null;
      case 'agency': {
        // The path's agency, else the body's (a new user's), else the actor's own; the DTO checks the body afterwards.
        const body = req.body as { agencyId?: unknown } | undefined;
        const agencyId = String(req.params.agencyId ?? (typeof body?.agencyId === 'string' ? body.agencyId : actor.agencyId));
        return { facts: { agencyId } };
      }
      case 'user': {
        const user = UUID.test(id) ? await this.users.byId(id) : null;
        return user && { facts: { agencyId: user.agencyId } };
      }
      case 'unit': {
        const unit = UUID.test(id) ? await this.units.byId(id) : null;
        return unit && { facts: { agencyId: unit.agencyId } };
      }
      default: {
        if (!UUID.test(id)) return null;
        const found = await this.cases.accessFacts(scope, id, actor.id);
        if (!found) return null;
        const { actorUnit, ...facts } = found;
        return { facts: facts satisfies CaseFacts, actorUnit: actorUnit ?? '' };
      }
    }
  }
}

const NOT_FOUND = {
  case: 'CASE_NOT_FOUND',
  task: 'TASK_NOT_FOUND',
  agency: 'AGENCY_PROFILE_UNKNOWN',
  user: 'USER_NOT_FOUND',
  unit: 'UNIT_NOT_FOUND',
  none: 'AUTH_ROLE_FORBIDDEN',
} as const satisfies Record<Scope, ErrorCode>;
const OTHER_AGENCY = {
  case: 'CASE_OTHER_AGENCY',
  task: 'TASK_OTHER_AGENCY',
  agency: 'AUTH_ROLE_FORBIDDEN',
  user: 'USER_OTHER_AGENCY',
  unit: 'UNIT_OTHER_AGENCY',
  none: 'AUTH_ROLE_FORBIDDEN',
} as const satisfies Record<Scope, ErrorCode>;
