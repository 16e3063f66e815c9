import { EntityManager } from 'typeorm';
import type { Actor } from '#libs/domain/roles';
import { describePenalties } from '#libs/domain/review';
import { collectiveDiscussionDocument } from '#libs/documents/collective-discussion-record';
import { type DocumentToMake, makeDocument } from './generate';
import { citedEntry, gateReasons } from './review-sources';
import { approvedDraft, caseFacts } from './sources';

/**
 * The 集体讨论记录 of a discussion minuted, as the record gives it: the entry's details (when, the chair, the
 * participants, the minutes and the conclusion, the draft's version), who recorded it and when, the draft
 * discussed, why the case needs the discussion, and the form the profile records it in. Null for a case without a pinned profile, or an entry
 * written before its details carried the minutes (they were only in its summary then).
 */
export async function collectiveDiscussionFromRecord(
  m: EntityManager,
  caseId: string,
  stepRef: string,
  actor: Actor | null,
): Promise<DocumentToMake | null> {
  const facts = await caseFacts(m, caseId);
  const step = await citedEntry(m, caseId, stepRef);
  const d = step?.details as
    | { heldAt?: string; chair?: string | null; participants?: string[]; minutes?: string; conclusion?: string; draftVersion?: number }
    | undefined;
  if (!facts.profile || !step || !d?.heldAt || d.minutes === undefined || d.conclusion === undefined) return null;
  const draft = await approvedDraft(m, caseId, step.seq);
  const gates = await gateReasons(m, caseId, facts.profile, step.seq, draft?.penalties ?? []);
  return {
    caseId,
    kind: 'collective_discussion_record',
    number: null,
    stepRef,
    madeAt: step.at,
    actor,
    definition: collectiveDiscussionDocument({
      agencyName: facts.agencyName,
      caseNumber: facts.caseNumber,
      parties: facts.parties,
      heldAt: d.heldAt,
      chair: d.chair ?? null,
      participants: d.participants ?? [],
      recorder: step.actorName ?? '',
      reasons: gates.collectiveDiscussion.reasons,
      draft: draft && d.draftVersion ? { version: d.draftVersion, penalties: describePenalties(draft.penalties) } : null,
      minutes: d.minutes,
      conclusion: d.conclusion,
      form: facts.profile.decision.collectiveDiscussion.record.form,
      basis: step.legalBasis,
      madeAt: step.at,
    }),
  };
}

/** Makes the 集体讨论记录 in the transaction that records the discussion (see generate.ts). Safe to retry. */
export async function makeCollectiveDiscussionRecord(
  m: EntityManager,
  storageDir: string,
  caseId: string,
  stepRef: string,
  actor: Actor | null,
) {
  const d = await collectiveDiscussionFromRecord(m, caseId, stepRef, actor);
  if (d) await makeDocument(m, storageDir, d);
}
