import { EntityManager } from 'typeorm';
import { RecordEntryInput } from '../../libs/domain/record';

/**
 * Appends one entry to a case's record inside the caller's transaction. The case row is locked
 * so `seq` stays gapless and in order; the (case, key) pair makes a retried append a no-op.
 */
export async function appendRecord(m: EntityManager, e: RecordEntryInput): Promise<void> {
  await m.query('SELECT 1 FROM cases WHERE id = $1 FOR UPDATE', [e.caseId]);
  await m.query(
    `INSERT INTO case_records
       (case_id, seq, entry_key, at, actor_id, actor_name, actor_role, action, summary, legal_basis, details)
     SELECT $1, COALESCE(MAX(seq), 0) + 1, $2, $3, $4, $5, $6, $7, $8, $9, $10
       FROM case_records WHERE case_id = $1
     ON CONFLICT (case_id, entry_key) DO NOTHING`,
    [
      e.caseId,
      e.key,
      e.at,
      e.actor?.id ?? null,
      e.actor?.name ?? null,
      e.actor?.role ?? null,
      e.action,
      e.summary,
      e.legalBasis ?? null,
      JSON.stringify(e.details ?? {}),
    ],
  );
}
