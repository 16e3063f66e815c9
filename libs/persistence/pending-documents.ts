import { EntityManager } from 'typeorm';
import type { StepDocument } from '../messages/documents';

/** Notes, in the step's transaction, a document the step named (migration PendingDocuments). Safe to retry. */
export async function notePendingDocument(m: EntityManager, d: StepDocument): Promise<void> {
  await m.query(`INSERT INTO pending_documents (case_id, kind, step_ref, actor) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING`, [
    d.caseId,
    d.kind,
    d.stepRef,
    d.actor ? JSON.stringify(d.actor) : null,
  ]);
}

/** The case's documents still to make, in the order their steps named them; those refused for integrity left out. */
export async function pendingDocumentsOf(m: EntityManager, caseId: string): Promise<StepDocument[]> {
  const rows: { kind: StepDocument['kind']; step_ref: string; actor: StepDocument['actor'] }[] = await m.query(
    `SELECT kind, step_ref, actor FROM pending_documents WHERE case_id = $1 AND failure IS NULL ORDER BY named_at, step_ref`,
    [caseId],
  );
  return rows.map((r) => ({ caseId, kind: r.kind, stepRef: r.step_ref, actor: r.actor }));
}

/** What a person sees of the case's pending documents: every one, a refused one with the reason, oldest first. */
export interface PendingDocumentRow {
  kind: StepDocument['kind'];
  stepRef: string;
  namedAt: Date;
  failure: string | null;
}

export function pendingDocumentsShown(m: EntityManager, caseId: string): Promise<PendingDocumentRow[]> {
  return m.query(
    `SELECT kind, step_ref AS "stepRef", named_at AS "namedAt", failure FROM pending_documents
      WHERE case_id = $1 ORDER BY named_at, step_ref`,
    [caseId],
  );
}

/** In the document's transaction: it is made (or the record gives none), nothing is pending any more. */
export async function pendingDocumentDone(m: EntityManager, d: StepDocument): Promise<void> {
  await m.query('DELETE FROM pending_documents WHERE case_id = $1 AND kind = $2 AND step_ref = $3', [d.caseId, d.kind, d.stepRef]);
}

/** A document the database refused for its integrity: kept pending with the reason, for a person to see and mend. */
export async function pendingDocumentFailed(m: EntityManager, d: StepDocument, reason: string): Promise<void> {
  await m.query('UPDATE pending_documents SET failure = $4 WHERE case_id = $1 AND kind = $2 AND step_ref = $3', [
    d.caseId,
    d.kind,
    d.stepRef,
    reason,
  ]);
}
