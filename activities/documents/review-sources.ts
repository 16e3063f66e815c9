import { EntityManager } from 'typeorm';
import { type Penalty, type ReviewFinding, reviewGates } from '#libs/domain/review';
import type { AgencyProfile } from '#libs/profiles/index';

/** A step's entry with the legal basis it cites and, for a task's completion, the opinion given. */
export interface CitedEntry {
  seq: number;
  at: string;
  actorName: string | null;
  details: Record<string, unknown>;
  legalBasis: string | null;
  opinion: string | null;
}

export async function citedEntry(m: EntityManager, caseId: string, key: string): Promise<CitedEntry | null> {
  const [e] = await m.query(
    `SELECT r.seq, r.at, r.actor_name, r.details, r.legal_basis, t.opinion FROM case_records r
       LEFT JOIN tasks t ON t.case_id = r.case_id AND t.id::text = r.details->>'taskId'
      WHERE r.case_id = $1 AND r.entry_key = $2`,
    [caseId, key],
  );
  return e
    ? {
        seq: Number(e.seq),
        at: new Date(e.at).toISOString(),
        actorName: e.actor_name,
        details: e.details ?? {},
        legalBasis: e.legal_basis,
        opinion: e.opinion,
      }
    : null;
}

/**
 * Why the case needed the legal review and the collective discussion at a step, as the workflow's gates
 * computed it: what the chain found up to that step (the drafts' and the reviewers' findings, which only
 * accumulate), a hearing held, and the penalties of the draft then standing (reviewGates).
 */
export async function gateReasons(m: EntityManager, caseId: string, profile: AgencyProfile, beforeSeq: number, penalties: Penalty[]) {
  const rows: { findings: ReviewFinding[] | null; draft: ReviewFinding[] | null; action: string }[] = await m.query(
    `SELECT details->'findings' AS findings, details->'draft'->'findings' AS draft, action FROM case_records
      WHERE case_id = $1 AND seq <= $2 AND (action = 'hearing_held' OR (action = 'task_completed' AND details->>'kind' = ANY($3)))`,
    [caseId, beforeSeq, ['draft_decision', 'draft_review', 'legal_review']],
  );
  const findings = [...new Set(rows.flatMap((r) => [...(r.findings ?? []), ...(r.draft ?? [])]))];
  return reviewGates(profile.decision, { penalties, findings, hearingHeld: rows.some((r) => r.action === 'hearing_held') });
}
