import { EntityManager } from 'typeorm';
import type { DraftDecision } from '#libs/domain/draft';
import type { Actor } from '#libs/domain/roles';
import type { DocumentCopy } from '#libs/documents/confidential';
import { decisionDocument } from '#libs/documents/decision';
import type { DocDefinition } from '#libs/documents/pdf';
import { type DocumentToMake, makeDocument } from './generate';
import { type CaseFacts, approvedDraft, caseFacts, evidenceTitles, lastCompletion, stepEntry } from './sources';

/** What the issuing step adds to the 决定书: its 文号, its date, the officer who records it and when. */
export interface Issue {
  number: string;
  decidedOn: string | null;
  issuedBy: string | null;
  madeAt: string;
}

/**
 * The 决定书 from the record and what the issuing step adds: the draft, the chief's approval, the evidence
 * named and the pinned profile's periods. One function for the document and its preview (preview.ts), so
 * what the chief approves is what is printed.
 */
export async function decisionDefinition(
  m: EntityManager,
  caseId: string,
  facts: CaseFacts & { profile: NonNullable<CaseFacts['profile']> },
  draft: DraftDecision,
  issue: Issue,
  copy: DocumentCopy = 'original',
): Promise<DocDefinition> {
  const { payment, surcharge, remedies } = facts.profile.execution;
  const approval = await lastCompletion(m, caseId, 'decision_approval', 'approve');
  const evidence = await evidenceTitles(m, caseId, draft.evidenceIds, copy);
  return decisionDocument({
    agencyName: facts.agencyName,
    number: issue.number,
    caseNumber: facts.caseNumber,
    parties: facts.parties,
    draft,
    evidence,
    decidedOn: issue.decidedOn,
    approval: approval && {
      name: approval.actorName ?? '',
      signature: (approval.details.signature as string | undefined) ?? null,
      at: (approval.details.signedAt as string | undefined) ?? approval.at,
    },
    issuedBy: issue.issuedBy,
    madeAt: issue.madeAt,
    terms: {
      payment: payment.period,
      dailyRatePercent: surcharge.dailyRatePercent,
      cappedAtFine: surcharge.cappedAtFine,
      review: remedies.review.period,
      lawsuit: remedies.lawsuit.period,
    },
  });
}

/**
 * The 行政处罚决定书 of an issued decision as the record gives it: the approved draft, the chief's approval,
 * the decision's entry (its date and time) and the case's 文号. Null for a case decided without the review
 * chain (before it existed: no draft in its record) or without a pinned profile (no periods to tell). Anyone
 * holding the record can call it again and compare the rendering with the stored file.
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
  const { profile } = facts;
  if (!number || !profile) return null;
  const step = await stepEntry(m, caseId, stepRef);
  const issue = { number, decidedOn: String(step.details.decidedOn), issuedBy: step.actorName ?? '', madeAt: step.at };
  return {
    caseId,
    kind: 'decision',
    number,
    stepRef,
    madeAt: step.at,
    actor,
    definition: await decisionDefinition(m, caseId, { ...facts, profile }, draft, issue, copy),
  };
}

/** Makes the 决定书 in the transaction that issues the decision (see generate.ts). Safe to retry. */
export async function makeDecisionDocument(m: EntityManager, storageDir: string, caseId: string, stepRef: string, actor: Actor | null) {
  const d = await decisionFromRecord(m, caseId, stepRef, actor);
  if (d) await makeDocument(m, storageDir, d);
}
