import { EntityManager } from 'typeorm';
import type { Actor } from '#libs/domain/roles';
import type { DocumentCopy } from '#libs/documents/confidential';
import { decisionDocument } from '#libs/documents/decision';
import { type DocumentToMake, makeDocument } from './generate';
import { approvedDraft, caseFacts, evidenceTitles, lastCompletion, stepEntry } from './sources';

/**
 * The 行政处罚决定书 of an issued decision as the record gives it: the approved draft, the chief's approval,
 * the decision's entry (its date and time) and the case's 文号. Null for a case decided without the review
 * chain (before it existed: no draft in its record) or without a pinned profile (no periods to tell). Anyone holding the record can call it again and
 * compare the rendering with the stored file.
 */
export async function decisionFromRecord(
  m: EntityManager,
  caseId: string,
  stepRef: string,
  actor: Actor | null,
  copy: DocumentCopy = 'original',
): Promise<DocumentToMake | null> {
  const draft = await approvedDraft(m, caseId);
  if (!draft) return null;
  const facts = await caseFacts(m, caseId);
  const number = facts.decisionNumber;
  if (!number || !facts.profile) return null;
  const { payment, surcharge, remedies } = facts.profile.execution;
  const step = await stepEntry(m, caseId, stepRef);
  const approval = await lastCompletion(m, caseId, 'decision_approval', 'approve');
  const evidence = await evidenceTitles(m, caseId, draft.evidenceIds, copy);
  return {
    caseId,
    kind: 'decision',
    number,
    stepRef,
    madeAt: step.at,
    actor,
    definition: decisionDocument({
      agencyName: facts.agencyName,
      number,
      caseNumber: facts.caseNumber,
      parties: facts.parties,
      draft,
      evidence,
      decidedOn: String(step.details.decidedOn),
      approval: approval && {
        name: approval.actorName ?? '',
        signature: (approval.details.signature as string | undefined) ?? null,
        at: (approval.details.signedAt as string | undefined) ?? approval.at,
      },
      issuedBy: step.actorName ?? '',
      madeAt: step.at,
      terms: {
        payment: payment.period,
        dailyRatePercent: surcharge.dailyRatePercent,
        cappedAtFine: surcharge.cappedAtFine,
        review: remedies.review.period,
        lawsuit: remedies.lawsuit.period,
      },
    }),
  };
}

/** Makes the 决定书 in the transaction that issues the decision (see generate.ts). Safe to retry. */
export async function makeDecisionDocument(m: EntityManager, storageDir: string, caseId: string, stepRef: string, actor: Actor | null) {
  const d = await decisionFromRecord(m, caseId, stepRef, actor);
  if (d) await makeDocument(m, storageDir, d);
}
