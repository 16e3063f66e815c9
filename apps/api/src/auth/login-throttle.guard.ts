import { ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import {
  InjectThrottlerOptions,
  InjectThrottlerStorage,
  ThrottlerGuard,
  ThrottlerLimitDetail,
  ThrottlerModuleOptions,
  ThrottlerOptions,
  ThrottlerStorage,
} from '@nestjs/throttler';
import type { Request } from 'express';
import { Env } from '#libs/config/env';
import { AuditService } from '../audit/audit.service';
import { ApiException } from '../common/api.exception';

const username = (req: { body?: { username?: unknown } }) => String(req.body?.username ?? '').slice(0, 64);

/**
 * Two limits on login attempts in a minute. Per address and account: one account cannot be
 * guessed at, and one office behind a NAT does not lock the others out. Per address across accounts,
 * higher: one password sprayed over many accounts from one place is stopped too.
 */
export const LOGIN_THROTTLERS = (env: Env): ThrottlerOptions[] => [
  { name: 'address', ttl: 60_000, limit: env.loginAttemptsPerAddressPerMinute, getTracker: (req) => String(req.ip) },
  { name: 'account', ttl: 60_000, limit: env.loginAttemptsPerMinute, getTracker: (req) => `${req.ip}:${username(req)}` },
];

/** Applies LOGIN_THROTTLERS; a refused attempt answers 429 with Retry-After and is written to the access audit. */
@Injectable()
export class LoginThrottleGuard extends ThrottlerGuard {
  constructor(
    @InjectThrottlerOptions() options: ThrottlerModuleOptions,
    @InjectThrottlerStorage() storage: ThrottlerStorage,
    reflector: Reflector,
    private readonly audit: AuditService,
  ) {
    super(options, storage, reflector);
  }

  protected async throwThrottlingException(ctx: ExecutionContext, limit: ThrottlerLimitDetail): Promise<void> {
    const req = ctx.switchToHttp().getRequest<Request>();
    ctx
      .switchToHttp()
      .getResponse()
      .setHeader('Retry-After', String(Math.max(1, limit.timeToBlockExpire)));
    await this.audit.loginRefused(username(req), 'login_throttled', 'AUTH_TOO_MANY_ATTEMPTS', req);
    throw new ApiException('AUTH_TOO_MANY_ATTEMPTS');
  }
}
