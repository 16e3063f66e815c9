import { ApplicationFailure } from '@temporalio/common';

/** PostgreSQL SQLSTATE class 23: integrity constraint violation (foreign key, unique, not null, check, exclusion). */
const INTEGRITY_CLASS = '23';

/** The SQLSTATE of a driver error, directly or as TypeORM's `driverError`. */
function sqlState(e: unknown): string | undefined {
  const o = e as { code?: unknown; driverError?: { code?: unknown } } | null;
  const code = o?.driverError?.code ?? o?.code;
  return typeof code === 'string' ? code : undefined;
}

/**
 * A write the database refuses for its integrity (a record of another case, a duplicate number) is
 * refused again on every retry: it becomes a non-retryable `INTEGRITY_VIOLATION` failure, which the
 * workflow's Update passes on and the API answers 409 — not a retry loop that the API sees as an
 * unavailable Temporal after 15 s. Every other error (the database away) is still retried.
 */
export function integrityFailure(e: unknown): unknown {
  const state = sqlState(e);
  if (!state?.startsWith(INTEGRITY_CLASS)) return e;
  const o = e as { constraint?: string; table?: string; driverError?: { constraint?: string; table?: string } };
  return ApplicationFailure.create({
    message: e instanceof Error ? e.message : String(e),
    type: 'INTEGRITY_VIOLATION',
    nonRetryable: true,
    details: [
      { sqlState: state, constraint: o.driverError?.constraint ?? o.constraint ?? null, table: o.driverError?.table ?? o.table ?? null },
    ],
  });
}

/** The same activities, each turning an integrity violation into a non-retryable failure (one place for all). */
export function nonRetryableIntegrity<T extends Record<string, (...args: never[]) => Promise<unknown>>>(activities: T): T {
  const wrapped = Object.entries(activities).map(([name, fn]) => [
    name,
    async (...args: never[]) => {
      try {
        return await fn.apply(activities, args);
      } catch (e) {
        throw integrityFailure(e);
      }
    },
  ]);
  return Object.fromEntries(wrapped) as T;
}
