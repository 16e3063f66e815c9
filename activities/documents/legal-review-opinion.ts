import { EntityManager } from 'typeorm';
import type { Actor } from '#libs/domain/roles';
import { describePenalties } from '#libs/domain/review';
import { legalReviewOpinionDocument } from '#libs/documents/legal-review-opinion';
import { type DocumentToMake, makeDocument } from './generate';
import { citedEntry, gateReasons } from './review-sources';
import { approvedDraft, caseFacts, lastCompletion } from './sources';

/**
 * The 法制审核意见书 of a legal review completed, as the record gives it: the completion's entry (who, when,
 * pass or fail, the suggestions, its legal basis) and the task's opinion, the officer's draft as it stood
 * then and why the case needed the review. The profile says which fields the agency records. Null for a
 * completion of another task or a case without a pinned profile.
 */
export async function legalReviewOpinionFromRecord(
  m: EntityManager,
  caseId: string,
  stepRef: string,
  actor: Actor | null,
): Promise<DocumentToMake | null> {
  const facts = await caseFacts(m, caseId);
  const step = await citedEntry(m, caseId, stepRef);
  if (!facts.profile || step?.details.kind !== 'legal_review') return null;
  const draft = await approvedDraft(m, caseId, step.seq);
  const drafted = await lastCompletion(m, caseId, 'draft_decision', undefined, step.seq);
  const gates = await gateReasons(m, caseId, facts.profile, step.seq, draft?.penalties ?? []);
  const rules = facts.profile.decision.legalReview;
  return {
    caseId,
    kind: 'legal_review_opinion',
    number: null,
    stepRef,
    madeAt: step.at,
    actor,
    definition: legalReviewOpinionDocument({
      agencyName: facts.agencyName,
      caseNumber: facts.caseNumber,
      parties: facts.parties,
      reviewed: draft && {
        facts: draft.facts,
        legalBasis: draft.legalBasis,
        penalties: describePenalties(draft.penalties),
        draftedBy: drafted?.actorName ?? null,
      },
      reasons: gates.legalReview.reasons,
      passed: step.details.decision === 'pass',
      opinion: step.opinion ?? '',
      suggestions: (step.details.suggestions as string | undefined) ?? null,
      // Where the profile names none, the two every legal review has (行政处罚法 58: who reviewed, what they said).
      fields: rules.recordedFields?.fields ?? ['reviewer', 'opinion'],
      basis: step.legalBasis ?? '《中华人民共和国行政处罚法》第五十八条',
      reviewer: { name: step.actorName ?? '', at: step.at },
      madeAt: step.at,
    }),
  };
}

/** Makes the 法制审核意见书 in the transaction that completes the legal review (see generate.ts). Safe to retry. */
export async function makeLegalReviewOpinion(m: EntityManager, storageDir: string, caseId: string, stepRef: string, actor: Actor | null) {
  const d = await legalReviewOpinionFromRecord(m, caseId, stepRef, actor);
  if (d) await makeDocument(m, storageDir, d);
}
