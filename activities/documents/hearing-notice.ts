import { EntityManager } from 'typeorm';
import type { Actor } from '#libs/domain/roles';
import { hearingNoticeDocument } from '#libs/documents/hearing-notice';
import { type DocumentToMake, makeDocument } from './generate';
import { caseFacts, stepEntry } from './sources';

/**
 * The 听证通知书 of a hearing scheduled, as the record gives it: the hearing's entry (when the party was
 * notified, the hearing's time and place, the presiding officer where given), the pre-decision notice's
 * 文号 where it was served through the service workflow, and the pinned profile's notice period. Null for
 * an entry written before it carried the hearing's details, or a case without a pinned profile.
 */
export async function hearingNoticeFromRecord(
  m: EntityManager,
  caseId: string,
  stepRef: string,
  actor: Actor | null,
): Promise<DocumentToMake | null> {
  const facts = await caseFacts(m, caseId);
  const step = await stepEntry(m, caseId, stepRef);
  const h = step.details as { notifiedAt?: string; at?: string; place?: string; host?: string | null };
  if (!facts.profile || !h.notifiedAt || !h.at || !h.place) return null;
  const [notice]: { number: string }[] = await m.query(
    `SELECT view->'document'->>'number' AS number FROM services
      WHERE case_id = $1 AND document_kind = 'pre_decision_notice' ORDER BY updated_at LIMIT 1`,
    [caseId],
  );
  return {
    caseId,
    kind: 'hearing_notice',
    number: null,
    stepRef,
    madeAt: step.at,
    actor,
    definition: hearingNoticeDocument({
      agencyName: facts.agencyName,
      caseNumber: facts.caseNumber,
      parties: facts.parties,
      noticeNumber: notice?.number ?? null,
      notifiedAt: h.notifiedAt,
      at: h.at,
      place: h.place,
      host: h.host ?? null,
      period: facts.profile.decision.preDecisionNotice.hearingNotice.period,
      by: step.actorName ?? '',
      madeAt: step.at,
    }),
  };
}

/** Makes the 听证通知书 in the transaction that records the hearing scheduled (see generate.ts). Safe to retry. */
export async function makeHearingNotice(m: EntityManager, storageDir: string, caseId: string, stepRef: string, actor: Actor | null) {
  const d = await hearingNoticeFromRecord(m, caseId, stepRef, actor);
  if (d) await makeDocument(m, storageDir, d);
}
