import { EntityManager } from 'typeorm';
import { chinaDate } from '#libs/calendar/dates';
import { describePeriod } from '#libs/calendar/period';
import type { Actor } from '#libs/domain/roles';
import type { DocumentCopy } from '#libs/documents/confidential';
import { hearingTold, preDecisionNoticeDocument } from '#libs/documents/pre-decision-notice';
import { type DocumentToMake, makeDocument } from './generate';
import { approvedDraft, caseFacts, evidenceTitles, stepEntry } from './sources';

/**
 * The 行政处罚事先告知书 of a notice served, as the record gives it: the officer's draft as it stood before the
 * notice was recorded served (or the filed facts where none was drafted yet), the profile's windows, the
 * notice's 文号 and date where it was served through the service workflow (the service's document), else the
 * date of service the step's entry states. Null for a case that pinned no profile (no windows to tell).
 */
export async function preDecisionNoticeFromRecord(
  m: EntityManager,
  caseId: string,
  stepRef: string,
  actor: Actor | null,
  copy: DocumentCopy = 'original',
): Promise<DocumentToMake | null> {
  const facts = await caseFacts(m, caseId);
  if (!facts.profile) return null;
  const step = await stepEntry(m, caseId, stepRef);
  const draft = await approvedDraft(m, caseId, step.seq);
  const evidence = draft ? await evidenceTitles(m, caseId, draft.evidenceIds, copy) : [];
  const [service]: { number: string; dated: string | null }[] = await m.query(
    `SELECT view->'document'->>'number' AS number, view->'document'->'dated'->>'at' AS dated FROM services
      WHERE case_id = $1 AND document_kind = 'pre_decision_notice' ORDER BY updated_at LIMIT 1`,
    [caseId],
  );
  const rules = facts.profile.decision.preDecisionNotice;
  const hearing = hearingTold(facts.profile.investigation.rightsTold.rights, draft);
  return {
    caseId,
    kind: 'pre_decision_notice',
    number: service?.number ?? null,
    stepRef,
    madeAt: step.at,
    actor,
    definition: preDecisionNoticeDocument({
      agencyName: facts.agencyName,
      number: service?.number ?? null,
      caseNumber: facts.caseNumber,
      parties: facts.parties,
      draft,
      caseFacts: facts.facts,
      evidence,
      statementPeriod: describePeriod(rules.statementWindow.period),
      hearingPeriod: hearing ? describePeriod(rules.hearingRequest.period) : null,
      datedOn: noticeDate(service?.dated ?? null, step.summary, step.at),
      by: step.actorName ?? '',
      madeAt: step.at,
    }),
  };
}

/**
 * The notice's China date: its issue where it was served through the service workflow; else the date of
 * service (handed over and entered afterwards), which the entry states as `已于YYYY-MM-DD HH:MM…送达`
 * (China time) and no field holds; else the entry's own day.
 */
function noticeDate(issued: string | null, summary: string, entryAt: string): string {
  if (issued) return chinaDate(new Date(issued));
  return /已于(\d{4}-\d{2}-\d{2})/.exec(summary)?.[1] ?? chinaDate(new Date(entryAt));
}

/** Makes the 告知书 in the transaction that records the notice served. Safe to retry. */
export async function makePreDecisionNotice(m: EntityManager, storageDir: string, caseId: string, stepRef: string, actor: Actor | null) {
  const d = await preDecisionNoticeFromRecord(m, caseId, stepRef, actor);
  if (d) await makeDocument(m, storageDir, d);
}
