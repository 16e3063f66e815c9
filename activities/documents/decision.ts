import { EntityManager } from 'typeorm';
import type { Actor } from '#libs/domain/roles';
import { decisionDocument } from '#libs/documents/decision';
import { makeDocument } from './generate';
import { approvedDraft, caseFacts, evidenceTitles, lastCompletion, stepEntry } from './sources';

/**
 * The 行政处罚决定书 of an issued decision, from the record: the approved draft, the chief's approval, the
 * decision's entry (its 文号 and date). A case decided without the review chain (before it existed) has no
 * draft in its record and gets none. Safe to retry.
 */
export async function makeDecisionDocument(m: EntityManager, storageDir: string, caseId: string, stepRef: string, actor: Actor | null) {
  const draft = await approvedDraft(m, caseId);
  const facts = await caseFacts(m, caseId);
  if (!draft || !facts.decisionNumber) return;
  const step = await stepEntry(m, caseId, stepRef);
  const approval = await lastCompletion(m, caseId, 'decision_approval', 'approve');
  const number = facts.decisionNumber;
  await makeDocument(m, storageDir, {
    caseId,
    kind: 'decision',
    number,
    stepRef,
    madeAt: step.at,
    actor,
    definition: async () =>
      decisionDocument({
        agencyName: facts.agencyName,
        number,
        caseNumber: facts.caseNumber,
        parties: facts.parties,
        draft,
        evidence: await evidenceTitles(m, caseId, draft.evidenceIds),
        decidedOn: String(step.details.decidedOn),
        approval: approval && {
          name: approval.actorName ?? '',
          signature: (approval.details.signature as string | undefined) ?? null,
          at: (approval.details.signedAt as string | undefined) ?? approval.at,
        },
        issuedBy: step.actorName ?? '',
        madeAt: step.at,
      }),
  });
}
