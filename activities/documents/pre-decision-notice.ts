import { EntityManager } from 'typeorm';
import type { DraftDecision } from '#libs/domain/draft';
import type { DocDefinition } from '#libs/documents/pdf';
import { chinaDate } from '#libs/calendar/dates';
import { describePeriod } from '#libs/calendar/period';
import type { Actor } from '#libs/domain/roles';
import type { DocumentCopy } from '#libs/documents/confidential';
import { hearingTold, preDecisionNoticeDocument } from '#libs/documents/pre-decision-notice';
import { type DocumentToMake, makeDocument } from './generate';
import { type CaseFacts, type StepEntry, approvedDraft, caseFacts, evidenceTitles, stepEntry } from './sources';

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
  const { profile } = facts;
  if (!profile) return null;
  const step = await stepEntry(m, caseId, stepRef);
  const draft = await approvedDraft(m, caseId, step.seq);
  const made = await noticeDefinition(m, caseId, { ...facts, profile }, draft, step, step.at, copy);
  return { caseId, kind: 'pre_decision_notice', number: made.number, stepRef, madeAt: step.at, actor, definition: made.definition };
}

/**
 * The 告知书 from the record: the draft given, the profile's windows, the notice's 文号 and date where it was
 * issued through the service workflow, and the step that records it served — or, in a preview before that
 * step (`served` null), the date and officer left blank. `at` dates the PDF: the step's time, or the
 * preview's. One function for the document and its preview (preview.ts).
 */
export async function noticeDefinition(
  m: EntityManager,
  caseId: string,
  facts: CaseFacts & { profile: NonNullable<CaseFacts['profile']> },
  draft: DraftDecision | null,
  served: Pick<StepEntry, 'at' | 'summary' | 'actorName'> | null,
  at: string,
  copy: DocumentCopy = 'original',
): Promise<{ number: string | null; definition: DocDefinition }> {
  const evidence = draft ? await evidenceTitles(m, caseId, draft.evidenceIds, copy) : [];
  const [service]: { number: string; dated: string | null }[] = await m.query(
    `SELECT view->'document'->>'number' AS number, view->'document'->'dated'->>'at' AS dated FROM services
      WHERE case_id = $1 AND document_kind = 'pre_decision_notice' ORDER BY updated_at LIMIT 1`,
    [caseId],
  );
  const rules = facts.profile.decision.preDecisionNotice;
  const hearing = hearingTold(facts.profile.investigation.rightsTold.rights, draft);
  const number = service?.number ?? null;
  const dated = service?.dated ?? null;
  return {
    number,
    definition: preDecisionNoticeDocument({
      agencyName: facts.agencyName,
      number,
      caseNumber: facts.caseNumber,
      parties: facts.parties,
      draft,
      caseFacts: facts.facts,
      evidence,
      statementPeriod: describePeriod(rules.statementWindow.period),
      hearingPeriod: hearing ? describePeriod(rules.hearingRequest.period) : null,
      datedOn: served ? noticeDate(dated, served.summary, served.at) : dated && chinaDate(new Date(dated)),
      by: served ? (served.actorName ?? '') : null,
      madeAt: at,
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
