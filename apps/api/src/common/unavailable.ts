/**
 * Recognises "a backing service did not answer" among the errors a request can end with, so the
 * filter answers 503 with Retry-After (try again shortly) instead of 500 (a fault to report).
 * Only transient failures count: a refusal by Temporal or PostgreSQL is still a fault of ours.
 * Temporal's side is read by the one Temporal client (temporal/errors.ts); PostgreSQL's here.
 */

/** Seconds a client should wait before retrying a 503 (Retry-After): a restart takes a few seconds. */
export const RETRY_AFTER_SECONDS = 5;

/**
 * PostgreSQL SQLSTATEs of a server going away or not yet there (class 08: connection exception), and
 * 57014 query_canceled: the API cancels nothing itself, so it is the pool's statement timeout — a
 * query that hung (a lock held elsewhere, an overloaded server) answered 503 instead of held forever.
 */
const PG_TRANSIENT = new Set(['57P01', '57P02', '57P03', '53300', '57014']);

/** Socket errors on the way to the database. */
const SOCKET_ERRORS = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);

/** node-pg's own words for a lost connection or a pool that could not connect in time. */
const PG_CONNECTION_MESSAGES = /Connection terminated|timeout exceeded when trying to connect|is not queryable|Query read timeout/;

/** The error and what it wraps (`cause`, TypeORM's `driverError`, an AggregateError's `errors`), outermost first. */
export function causes(x: unknown, depth = 0): unknown[] {
  if (!x || typeof x !== 'object' || depth > 5) return [];
  const o = x as { cause?: unknown; driverError?: unknown; errors?: unknown };
  const inner = [o.cause, o.driverError, ...(Array.isArray(o.errors) ? o.errors : [])];
  return [x, ...inner.flatMap((i) => causes(i, depth + 1))];
}

/** PostgreSQL could not be reached, went away during the request, or is starting up or shutting down. */
export function databaseUnavailable(x: unknown): boolean {
  return causes(x).some((e) => {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && (code.startsWith('08') || PG_TRANSIENT.has(code) || SOCKET_ERRORS.has(code))) return true;
    return e instanceof Error && PG_CONNECTION_MESSAGES.test(e.message);
  });
}
