import { BadRequestException, PayloadTooLargeException } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { ApiException } from './api.exception';

/** Deepest nesting of objects and arrays a body may have; the deepest form (a case's parties) needs 4. */
export const MAX_JSON_DEPTH = 32;

/** Error type of a body nested deeper than MAX_JSON_DEPTH (an http-errors `type`, as body-parser's own). */
const TOO_DEEP = 'entity.too.deep';

/**
 * The nesting depth of a JSON text, counted on its bytes before it is parsed: `[` and `{` outside
 * strings. A body nested thousands of levels deep parses, but whatever walks it afterwards
 * (validation, class-transformer) recursed until the stack overflowed: a 500 and a stack trace.
 */
export function jsonDepth(body: Buffer, stopAt = Infinity): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (inString) {
      if (c === 0x5c)
        i++; // a backslash escapes the next byte
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > max && (max = depth) > stopAt) return max;
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return max;
}

/** body-parser's `verify` hook: refuses a body nested deeper than MAX_JSON_DEPTH before it is parsed. */
export function rejectDeepJson(_req: unknown, _res: unknown, body: Buffer): void {
  if (jsonDepth(body, MAX_JSON_DEPTH) > MAX_JSON_DEPTH) {
    throw Object.assign(new Error(`JSON nested deeper than ${MAX_JSON_DEPTH} levels`), { status: 400, type: TOO_DEEP });
  }
}

/**
 * The JSON body parser reports its refusals as plain http-errors, which Nest passes to the error filter
 * unchanged — an oversized body came out as a 500. Express error middleware placed right after the
 * parser turns them into the HTTP exceptions the filter maps: 413 BODY_TOO_LARGE, 400 BODY_TOO_DEEP,
 * and anything else it could not read (an unsupported charset or encoding, a truncated body, a corrupt
 * gzip or deflate stream — which comes with a status but no `type`) 400 BODY_NOT_JSON.
 */
export function bodyParserErrors(err: unknown, _req: Request, _res: Response, next: NextFunction): void {
  const e = err as { type?: unknown; status?: unknown; expose?: unknown } | null;
  if (!e || typeof e.status !== 'number' || e.status < 400 || e.status >= 500) return next(err);
  if (e.type === 'entity.too.large') return next(new PayloadTooLargeException());
  if (e.type === TOO_DEEP) return next(new ApiException('BODY_TOO_DEEP'));
  next(new BadRequestException('请求体不是有效的 JSON', { cause: err }));
}
