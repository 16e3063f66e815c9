import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import { Actor, Role } from '#libs/domain/roles';
import { ApiException } from '../common/api.exception';
import { PASSWORD_CHANGE_EXEMPT, PUBLIC, ROLES } from './auth.decorators';
import { Sessions } from './sessions';

/** What a token says; `ver` is the user's token version when it was issued. */
export interface TokenClaims {
  sub: string;
  name: string;
  role: Role;
  agencyId: string;
  ver: number;
  exp: number;
}

/**
 * Global guard: every route needs a valid bearer token unless @Public, and one of its @Roles if any.
 * Valid means HS256 (the module pins it: HS512 or `none` refused), with an expiry, for a user who
 * still exists, is active and has the token's version — logout, a new password or a changed account
 * end it (sessions.ts). The actor is taken from the database row, not from the token's claims. A user
 * whose password an administrator set reaches only the routes marked @OpenBeforePasswordChange until
 * they choose their own (403 AUTH_PASSWORD_CHANGE_REQUIRED): here, once, not in each controller.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly jwt: JwtService,
    private readonly reflector: Reflector,
    private readonly sessions: Sessions,
  ) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    const targets = [ctx.getHandler(), ctx.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC, targets)) return true;
    const req = ctx.switchToHttp().getRequest();
    const [scheme, token] = String(req.headers.authorization ?? '').split(' ');
    if (scheme !== 'Bearer' || !token) throw new ApiException('AUTH_TOKEN_MISSING');
    let claims: TokenClaims;
    try {
      claims = await this.jwt.verifyAsync<TokenClaims>(token);
    } catch {
      throw new ApiException('AUTH_TOKEN_MISSING');
    }
    if (typeof claims.exp !== 'number' || typeof claims.sub !== 'string' || !Number.isInteger(claims.ver))
      throw new ApiException('AUTH_TOKEN_MISSING');
    // A token names a user by id; anything but a uuid cannot be one (and must not reach a uuid column).
    if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(claims.sub)) throw new ApiException('AUTH_TOKEN_MISSING');
    const user = await this.sessions.user(claims.sub);
    if (!user || !user.active || user.tokenVersion !== claims.ver) {
      // The claims are ours (the signature holds): the access audit names who came back with an ended session.
      req.user = { id: claims.sub, name: String(claims.name), role: claims.role, agencyId: String(claims.agencyId) } satisfies Actor;
      throw new ApiException('AUTH_SESSION_ENDED');
    }
    req.user = { id: user.id, name: user.displayName, role: user.role, agencyId: user.agencyId } satisfies Actor;
    if (user.mustChangePassword && !this.reflector.getAllAndOverride<boolean>(PASSWORD_CHANGE_EXEMPT, targets))
      throw new ApiException('AUTH_PASSWORD_CHANGE_REQUIRED');
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES, targets);
    if (roles && !roles.includes(req.user.role)) throw new ApiException('AUTH_ROLE_FORBIDDEN');
    return true;
  }
}
