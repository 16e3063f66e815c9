import { ExecutionContext, createParamDecorator } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { ApiException } from './api.exception';

/**
 * The raw Idempotency-Key header of the request. Not `@Headers('idempotency-key')`: Swagger reads that
 * as a required header, and the document (and the workbench's typed client) then demanded a header that
 * is optional; the method's `@ApiHeader` documents it once, optional.
 */
export const IdempotencyKeyHeader = createParamDecorator((_: unknown, ctx: ExecutionContext): string | undefined => {
  const value = ctx.switchToHttp().getRequest().headers['idempotency-key'];
  return typeof value === 'string' ? value : undefined;
});

/** Reads an optional Idempotency-Key header: 1–200 visible ASCII characters. */
export function idempotencyKey(header: string | undefined): string | undefined {
  if (header === undefined) return undefined;
  if (!/^[\x21-\x7e]{1,200}$/.test(header)) throw new ApiException('IDEMPOTENCY_KEY_INVALID');
  return header;
}

/**
 * A UUID derived from the caller and their key (RFC 9562 version 8), so a retried request names
 * the same case or update and the second attempt changes nothing.
 */
export function derivedUuid(...parts: string[]): string {
  const b = createHash('sha256').update(parts.join('\u0000')).digest().subarray(0, 16);
  b[6] = (b[6] & 0x0f) | 0x80;
  b[8] = (b[8] & 0x3f) | 0x80;
  const h = b.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
