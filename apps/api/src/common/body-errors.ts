import { BadRequestException, PayloadTooLargeException } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';

/**
 * The JSON body parser reports its refusals as plain http-errors, which Nest passes to the error filter
 * unchanged — an oversized body came out as a 500. Express error middleware placed right after the
 * parser turns them into the HTTP exceptions the filter maps: 413 BODY_TOO_LARGE, and anything else
 * it could not read (an unsupported charset or encoding, a truncated body) 400 BODY_NOT_JSON.
 */
export function bodyParserErrors(err: unknown, _req: Request, _res: Response, next: NextFunction): void {
  const e = err as { type?: unknown; status?: unknown; expose?: unknown } | null;
  if (!e || typeof e.type !== 'string' || typeof e.status !== 'number' || e.status >= 500) return next(err);
  if (e.type === 'entity.too.large') return next(new PayloadTooLargeException());
  next(new BadRequestException('请求体不是有效的 JSON', { cause: err }));
}
