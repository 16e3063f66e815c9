import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import { Actor, Role } from '../../../../libs/domain/roles';
import { ApiException } from '../common/api.exception';
import { PUBLIC, ROLES } from './auth.decorators';

/** Global guard: every route needs a valid bearer token unless @Public, and one of its @Roles if any. */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(private readonly jwt: JwtService, private readonly reflector: Reflector) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    const targets = [ctx.getHandler(), ctx.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC, targets)) return true;
    const req = ctx.switchToHttp().getRequest();
    const [scheme, token] = String(req.headers.authorization ?? '').split(' ');
    if (scheme !== 'Bearer' || !token) throw new ApiException('AUTH_TOKEN_MISSING');
    try {
      const claims = await this.jwt.verifyAsync<{ sub: string; name: string; role: Role; agencyId: string }>(token);
      req.user = { id: claims.sub, name: claims.name, role: claims.role, agencyId: claims.agencyId } satisfies Actor;
    } catch {
      throw new ApiException('AUTH_TOKEN_MISSING');
    }
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES, targets);
    if (roles && !roles.includes(req.user.role)) throw new ApiException('AUTH_ROLE_FORBIDDEN');
    return true;
  }
}
