import { EntityManager } from 'typeorm';
import type { Confidentiality } from '#libs/domain/access';
import type { Party } from '#libs/domain/case';
import { type DocumentCopy, shownEvidence } from '#libs/documents/confidential';
import type { DraftDecision } from '#libs/domain/draft';
import { type AgencyProfile, PROFILES } from '#libs/profiles/index';

/**
 * What the templates read, read from the record in the transaction of the step that makes the document:
 * the case's row, its pinned profile and its record entries. Nothing else (no clock, no user table), so
 * the same record gives the same document.
 */
export interface CaseFacts {
  /** The profile the case pinned: the agency's name and its differences come from here, never from an `if`. */
  profile: AgencyProfile | null;
  agencyName: string;
  caseNumber: string | null;
  decisionNumber: string | null;
  parties: Party[];
  /** 基本案情 as filed. */
  facts: string;
}

export async function caseFacts(m: EntityManager, caseId: string): Promise<CaseFacts> {
  const [c] = await m.query(
    `SELECT c.agency_id, c.profile_version, c.case_number, c.decision_number, c.form, p.document
       FROM cases c LEFT JOIN agency_profiles p ON p.agency_id = c.agency_id AND p.version = c.profile_version
      WHERE c.id = $1`,
    [caseId],
  );
  // A built-in profile is stored when the API starts; a worker may run before: the shipped file is the same.
  const profile: AgencyProfile | null = c.document ?? PROFILES.find((p) => p.id === c.agency_id && p.version === c.profile_version) ?? null;
  return {
    profile,
    agencyName: profile?.name ?? c.agency_id,
    caseNumber: c.case_number,
    decisionNumber: c.decision_number,
    parties: c.form.parties ?? [],
    facts: c.form.facts ?? '',
  };
}

export interface StepEntry {
  /** Its place in the case's record. */
  seq: number;
  at: string;
  actorName: string | null;
  summary: string;
  details: Record<string, unknown>;
}

/** The record entry of a step by its key (the step that makes a document). */
export async function stepEntry(m: EntityManager, caseId: string, key: string): Promise<StepEntry> {
  const [e] = await m.query('SELECT seq, at, actor_name, summary, details FROM case_records WHERE case_id = $1 AND entry_key = $2', [
    caseId,
    key,
  ]);
  return { seq: Number(e.seq), at: new Date(e.at).toISOString(), actorName: e.actor_name, summary: e.summary, details: e.details };
}

/**
 * The latest completion of a task of this kind (and decision) in the record — before the entry `beforeSeq`
 * where given, so a document reads what stood at its step however the case went on: its form, who, when,
 * and the opinion given (the task's, which the entry's summary also quotes). The join names the case so that
 * `tasks_case_idx` serves it: the key cast to text cannot use `tasks_pkey`.
 */
export async function lastCompletion(
  m: EntityManager,
  caseId: string,
  kind: string,
  decision?: string,
  beforeSeq?: number,
): Promise<{ at: string; actorName: string | null; opinion: string; details: Record<string, unknown> } | null> {
  const [e] = await m.query(
    `SELECT r.at, r.actor_name, r.details, t.opinion FROM case_records r LEFT JOIN tasks t ON t.case_id = r.case_id AND t.id::text = r.details->>'taskId'
      WHERE r.case_id = $1 AND r.action = 'task_completed' AND r.details->>'kind' = $2 AND ($3::text IS NULL OR r.details->>'decision' = $3)
        AND ($4::bigint IS NULL OR r.seq < $4)
      ORDER BY r.seq DESC LIMIT 1`,
    [caseId, kind, decision ?? null, beforeSeq ?? null],
  );
  return e ? { at: new Date(e.at).toISOString(), actorName: e.actor_name, opinion: e.opinion ?? '', details: e.details } : null;
}

/** An entry by its key, or null (an emergency start's, which only some cases have). */
export async function entryOrNull(m: EntityManager, caseId: string, key: string): Promise<StepEntry | null> {
  const [e] = await m.query('SELECT 1 FROM case_records WHERE case_id = $1 AND entry_key = $2', [caseId, key]);
  return e ? stepEntry(m, caseId, key) : null;
}

/**
 * The approved draft (the officer's last draft_decision completion; the last before `beforeSeq` where given),
 * or null for a case decided without the chain or not drafted yet.
 */
export async function approvedDraft(m: EntityManager, caseId: string, beforeSeq?: number): Promise<DraftDecision | null> {
  const c = await lastCompletion(m, caseId, 'draft_decision', undefined, beforeSeq);
  return (c?.details.draft as DraftDecision | undefined) ?? null;
}

/**
 * The evidence records named, each as `title（kind）`, in the order named, with its confidentiality flags as
 * they stand: marked 涉密 in the original, withheld in a party's copy (libs/documents/confidential.ts).
 */
export async function evidenceTitles(
  m: EntityManager,
  caseId: string,
  ids: readonly string[],
  copy: DocumentCopy = 'original',
): Promise<string[]> {
  if (!ids.length) return [];
  const rows: { id: string; title: string; flags: Confidentiality[] }[] = await m.query(
    `SELECT e.id, e.title, COALESCE(array_agg(f.flag ORDER BY f.flag) FILTER (WHERE f.flag IS NOT NULL), '{}') AS flags
       FROM evidence_records e LEFT JOIN record_flags f ON f.record_id = e.id
      WHERE e.case_id = $1 AND e.id = ANY($2) GROUP BY e.id, e.title`,
    [caseId, ids],
  );
  return ids.map((id) => {
    const r = rows.find((row) => row.id === id);
    return r ? shownEvidence(r.title, r.flags, copy) : id;
  });
}
