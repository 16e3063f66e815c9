import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import { Action } from '#libs/domain/permissions';
import { Actor, Role } from '#libs/domain/roles';

export const PUBLIC = 'lawtrail:public';
export const ROLES = 'lawtrail:roles';

export const PASSWORD_CHANGE_EXEMPT = 'lawtrail:password-change-exempt';

/**
 * The route stays open to a user who must first change a password an administrator set (who am I,
 * change the password, log out); the login guard refuses every other with AUTH_PASSWORD_CHANGE_REQUIRED.
 */
export const OpenBeforePasswordChange = () => SetMetadata(PASSWORD_CHANGE_EXEMPT, true);

/** The route needs no login (login itself, health). */
export const Public = () => SetMetadata(PUBLIC, true);

/** Only these roles may call the route; others get 403 AUTH_ROLE_FORBIDDEN, recorded in the audit. */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES, roles);

export const CurrentActor = createParamDecorator((_: unknown, ctx: ExecutionContext): Actor => ctx.switchToHttp().getRequest().user);

export const ACT = 'lawtrail:act';

/** The matrix action this route takes (libs/domain/permissions.ts); the permission guard applies it. */
export const Act = (action: Action) => SetMetadata(ACT, action);
