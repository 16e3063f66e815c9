import { EntityManager } from 'typeorm';
import { RecordEntryInput } from '../domain/record';

/**
 * Appends one entry to a case's record inside the caller's transaction, through the database function
 * `lawtrail_append_record` (migration RecordByDatabase): the database locks the case, numbers the entry,
 * stamps it with its own clock (never before the previous entry) and computes its SM3 link; the
 * application role may not INSERT into the record itself. The (case, key) pair makes a retried append
 * a no-op. Returns the entry's number.
 */
export async function appendRecord(m: EntityManager, e: RecordEntryInput): Promise<number> {
  const [{ seq }] = await m.query('SELECT lawtrail_append_record($1, $2, $3, $4, $5, $6, $7, $8, $9) AS seq', [
    e.caseId,
    e.key,
    e.actor?.id ?? null,
    e.actor?.name ?? null,
    e.actor?.role ?? null,
    e.action,
    e.summary,
    e.legalBasis ?? null,
    JSON.stringify(e.details ?? {}),
  ]);
  return seq;
}
