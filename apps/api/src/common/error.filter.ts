import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { QueryFailedError } from 'typeorm';
import { Actor } from '#libs/domain/roles';
import { AuditService } from '../audit/audit.service';
import { ApiException } from './api.exception';
import { ErrorCode } from './errors';
import { RETRY_AFTER_SECONDS, databaseUnavailable } from './unavailable';

/**
 * Any other status Nest or Express raise (a throttled request, a body they refuse), answered with the
 * catalogue's first code of that status, as since the catalogue began; every other status is a fault.
 */
const HTTP_FALLBACK: Partial<Record<number, ErrorCode>> = {
  400: 'VALIDATION_FAILED',
  409: 'CONFLICT',
  415: 'AV_MEDIA_TYPE_NOT_ALLOWED',
  422: 'EMERGENCY_EX_OFFICIO_ONLY',
  429: 'AUTH_TOO_MANY_ATTEMPTS',
  500: 'INTERNAL_ERROR',
  503: 'DATABASE_UNAVAILABLE',
};

/** Refusals audited under their own code but answered as a missing object: another agency's case, task, user or unit does not exist for the caller. */
const HIDDEN = {
  CASE_OTHER_AGENCY: 'CASE_NOT_FOUND',
  TASK_OTHER_AGENCY: 'TASK_NOT_FOUND',
  USER_OTHER_AGENCY: 'USER_NOT_FOUND',
  UNIT_OTHER_AGENCY: 'UNIT_NOT_FOUND',
} as const;

/**
 * The one place an error becomes a response: `{ code, message, errors? }` with a stable code and a
 * Chinese message. Refusals (401/403) are written to the access audit. Only a real fault is a 500.
 */
@Catch()
export class ErrorFilter implements ExceptionFilter {
  private readonly log = new Logger('ErrorFilter');

  constructor(private readonly audit: AuditService) {}

  async catch(exception: unknown, host: ArgumentsHost): Promise<void> {
    const req = host.switchToHttp().getRequest<Request & { user?: Actor }>();
    const res = host.switchToHttp().getResponse<Response>();
    let e = this.toApiException(exception);
    if (e.code === 'INTERNAL_ERROR') this.log.error(exception instanceof Error ? exception.stack : String(exception));
    if (e.status === 401 || e.status === 403 || e.code in HIDDEN) {
      // A refusal that cannot be audited is not answered as if it had been: 503 while the database is away.
      // Another agency's case is audited as what it is, and answered as a missing one (no existence leak).
      const answer = e.code in HIDDEN ? new ApiException(HIDDEN[e.code as keyof typeof HIDDEN]) : e;
      e = await this.audit.refused(req.user, `${req.method} ${req.route?.path ?? req.path}`, e.code, req).then(
        () => answer,
        (err: unknown) => this.auditFailed(err),
      );
    }
    // Temporal or PostgreSQL is away for now: the client may send the same request again later.
    if (e.status === 503) res.setHeader('Retry-After', String(RETRY_AFTER_SECONDS));
    // Every 429 says when to come back; the login guard sets the exact figure, this is the fallback.
    if (e.status === 429 && !res.getHeader('Retry-After')) res.setHeader('Retry-After', '60');
    res.status(e.status).json({ code: e.code, message: e.message, ...(e.fields ? { errors: e.fields } : {}) });
  }

  private auditFailed(err: unknown): ApiException {
    if (databaseUnavailable(err)) return new ApiException('DATABASE_UNAVAILABLE');
    this.log.error(err instanceof Error ? err.stack : String(err));
    return new ApiException('INTERNAL_ERROR');
  }

  private toApiException(x: unknown): ApiException {
    // Temporal's errors arrive here already as ApiExceptions: the Temporal client maps them (temporal/errors.ts).
    if (x instanceof ApiException) return x;
    if (databaseUnavailable(x)) return new ApiException('DATABASE_UNAVAILABLE');
    if (x instanceof QueryFailedError) {
      const code = (x.driverError as { code?: string }).code;
      if (code === '23505') return new ApiException('CONFLICT');
      if (code === '22P02') return new ApiException('VALIDATION_FAILED');
    }
    if (x instanceof HttpException) return this.fromHttp(x);
    return new ApiException('INTERNAL_ERROR');
  }

  /** Errors raised by Nest or Express before our code ran: unknown route, bad JSON, oversized body. */
  private fromHttp(x: HttpException): ApiException {
    const status = x.getStatus();
    const type = (x.cause as { type?: string } | undefined)?.type ?? (x as { type?: string }).type;
    if (status === 404) return new ApiException('ROUTE_NOT_FOUND');
    if (status === 413) return new ApiException('BODY_TOO_LARGE');
    if (status === 400 && (type === 'entity.parse.failed' || /JSON/.test(x.message))) return new ApiException('BODY_NOT_JSON');
    if (status === 401) return new ApiException('AUTH_TOKEN_MISSING');
    if (status === 403) return new ApiException('AUTH_ROLE_FORBIDDEN');
    return new ApiException(HTTP_FALLBACK[status] ?? 'INTERNAL_ERROR');
  }
}
