import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { HTTP_CODE_METADATA } from '@nestjs/common/constants';
import { createHash } from 'node:crypto';
import type { Request, Response } from 'express';
import { Observable, from, of } from 'rxjs';
import { catchError, mergeMap } from 'rxjs/operators';
import { Actor } from '#libs/domain/roles';
import { IdempotencyKeysRepository } from '#libs/persistence/repositories/idempotency-keys.repository';
import { canonical } from '#libs/persistence/record-chain';
import { ApiException } from './api.exception';
import { idempotencyKey } from './idempotency';

/**
 * The status the answer goes out with: Nest sets the route's (@HttpCode, else 201 for POST) before the
 * interceptors run, and a handler may set another on the response (a PUT that stored something new
 * answers 201, one that changed nothing 200); the route's when the response carries none.
 */
function statusOf(context: ExecutionContext, res: Response, method: string): number {
  return res.statusCode || (Reflect.getMetadata(HTTP_CODE_METADATA, context.getHandler()) ?? (method === 'POST' ? 201 : 200));
}

/**
 * Every state-changing JSON request may carry an Idempotency-Key, tied to the user: the same key and
 * request again replays the first answer; the same key with another request is 422; a duplicate
 * arriving while the first is still running is 409. A request that failed leaves no key behind, so
 * it can be retried. (Handlers also derive their Temporal IDs from the key or the body.)
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(private readonly keys: IdempotencyKeysRepository) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const req = context.switchToHttp().getRequest<Request & { user?: Actor }>();
    const res = context.switchToHttp().getResponse<Response>();
    const key = idempotencyKey(req.header('idempotency-key'));
    const json = typeof req.body === 'object' && req.body !== null && !Buffer.isBuffer(req.body);
    if (!key || !req.user || req.method === 'GET' || !json) return next.handle();
    const userId = req.user.id;
    const requestHash = createHash('sha256')
      .update(`${req.method} ${req.originalUrl}\n${canonical(req.body)}`)
      .digest('hex');
    return from(this.claim(userId, key, requestHash)).pipe(
      mergeMap((replay) => {
        if (replay) {
          res.status(replay.status);
          return of(replay.response);
        }
        return next.handle().pipe(
          mergeMap((body) => from(this.keys.done(userId, key, statusOf(context, res, req.method), body).then(() => body))),
          catchError((e) => from(this.keys.release(userId, key).then(() => Promise.reject(e)))),
        );
      }),
    );
  }

  /** Takes the key for this request, or answers with what it already named. */
  private async claim(userId: string, key: string, requestHash: string): Promise<{ status: number; response: unknown } | null> {
    if (await this.keys.take(userId, key, requestHash)) return null;
    const row = await this.keys.find(userId, key);
    if (!row) return this.claim(userId, key, requestHash); // released by a failed first attempt meanwhile
    if (row.requestHash !== requestHash) throw new ApiException('IDEMPOTENCY_KEY_REUSED');
    if (row.state === 'pending') throw new ApiException('IDEMPOTENCY_IN_PROGRESS');
    return { status: row.status!, response: row.response };
  }
}
