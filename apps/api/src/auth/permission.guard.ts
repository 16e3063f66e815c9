import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ACTIONS, Action, CaseFacts, mayAct } from '#libs/domain/permissions';
import { Actor } from '#libs/domain/roles';
import { CasesRepository } from '#libs/persistence/repositories/cases.repository';
import { ApiException } from '../common/api.exception';
import { ACT, PUBLIC } from './auth.decorators';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const CHANGES = ['POST', 'PUT', 'PATCH', 'DELETE'];

/**
 * The one place that decides who may act: runs after AuthGuard, reads the route's
 * @Act, loads the case's agency, handling officer, handling unit and investigating officers (those
 * its records name) once, and asks mayAct. A state-changing route without @Act is refused: a new
 * route is closed until the matrix names it. Another agency's case is refused as CASE_OTHER_AGENCY,
 * which the error filter audits and answers exactly as a missing case (404 CASE_NOT_FOUND).
 */
@Injectable()
export class PermissionGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly cases: CasesRepository,
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
    const found = scope === 'none' ? null : await this.facts(scope, String(req.params.id ?? ''), actor.id);
    const verdict = mayAct(
      { id: actor.id, role: actor.role, agencyId: actor.agencyId, unit: found?.actorUnit ?? '' },
      action,
      found?.facts ?? null,
    );
    if (verdict === 'allowed') return true;
    if (verdict === 'forbidden') throw new ApiException('AUTH_ROLE_FORBIDDEN');
    if (!found) throw new ApiException(scope === 'task' ? 'TASK_NOT_FOUND' : 'CASE_NOT_FOUND');
    throw new ApiException(scope === 'task' ? 'TASK_OTHER_AGENCY' : 'CASE_OTHER_AGENCY');
  }

  private async facts(scope: 'case' | 'task', id: string, actorId: string) {
    if (!UUID.test(id)) return null;
    const found = await this.cases.accessFacts(scope, id, actorId);
    if (!found) return null;
    const { actorUnit, ...facts } = found;
    return { facts: facts satisfies CaseFacts, actorUnit: actorUnit ?? '' };
  }
}
