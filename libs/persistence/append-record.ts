import { EntityManager } from 'typeorm';
import { RecordEntryInput } from '../domain/record';
import { chainHash } from './record-chain';

/**
 * Appends one entry to a case's record inside the caller's transaction. The case row is locked
 * so `seq` stays gapless and in order and each entry links to the one before (SM3 chain); the
 * (case, key) pair makes a retried append a no-op.
 */
export async function appendRecord(m: EntityManager, e: RecordEntryInput): Promise<void> {
  await m.query('SELECT 1 FROM cases WHERE id = $1 FOR UPDATE', [e.caseId]);
  const [last] = await m.query('SELECT seq, hash FROM case_records WHERE case_id = $1 ORDER BY seq DESC LIMIT 1', [e.caseId]);
  const seq = (last?.seq ?? 0) + 1;
  const prevHash: string | null = last?.hash ?? null;
  const at = new Date(e.at).toISOString();
  const details = e.details ?? {};
  const hash = chainHash(prevHash, {
    caseId: e.caseId, seq, key: e.key, at, actorId: e.actor?.id ?? null, actorName: e.actor?.name ?? null, actorRole: e.actor?.role ?? null,
    action: e.action, summary: e.summary, legalBasis: e.legalBasis ?? null, details: JSON.parse(JSON.stringify(details)),
  });
  await m.query(
    `INSERT INTO case_records
       (case_id, seq, entry_key, at, actor_id, actor_name, actor_role, action, summary, legal_basis, details, prev_hash, hash)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
     ON CONFLICT (case_id, entry_key) DO NOTHING`,
    [e.caseId, seq, e.key, at, e.actor?.id ?? null, e.actor?.name ?? null, e.actor?.role ?? null, e.action, e.summary, e.legalBasis ?? null, JSON.stringify(details), prevHash, hash],
  );
}
