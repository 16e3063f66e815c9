import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import { Action } from '#libs/domain/permissions';
import { Actor, Role } from '#libs/domain/roles';

export const PUBLIC = 'lawtrail:public';
export const ROLES = 'lawtrail:roles';

/** The route needs no login (login itself, health). */
export const Public = () => SetMetadata(PUBLIC, true);

/** Only these roles may call the route; others get 403 AUTH_ROLE_FORBIDDEN, recorded in the audit. */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES, roles);

export const CurrentActor = createParamDecorator((_: unknown, ctx: ExecutionContext): Actor => ctx.switchToHttp().getRequest().user);

export const ACT = 'lawtrail:act';

/** The matrix action this route takes (libs/domain/permissions.ts); the permission guard applies it. */
export const Act = (action: Action) => SetMetadata(ACT, action);
