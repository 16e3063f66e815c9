import { EntityManager } from 'typeorm';
import { publicNoticeDocument } from '#libs/documents/public-notice';
import type { ServiceView } from '#libs/messages/service';
import { cite } from '#libs/profiles/cite';
import { type DocumentToMake, makeDocument } from './generate';
import { caseFacts, stepEntry } from './sources';

/**
 * The 公告 of a service attempt by public notice as the record gives it: the service's view (the document,
 * the recipient, the attempts that failed before with the reasons reported, the notice's carrier and place,
 * when it is deemed served), the attempt's entry (its time) and the pinned profile's notice period and
 * source. Null for an attempt by another method, or a case without a pinned profile.
 */
export async function publicNoticeFromRecord(
  m: EntityManager,
  service: ServiceView,
  attemptId: string,
  stepRef: string,
): Promise<DocumentToMake | null> {
  const attempt = service.attempts.find((a) => a.id === attemptId);
  if (!attempt?.publicNotice) return null;
  const facts = await caseFacts(m, service.caseId);
  if (!facts.profile) return null;
  const step = await stepEntry(m, service.caseId, stepRef);
  const rule = facts.profile.service.publicNotice;
  return {
    caseId: service.caseId,
    kind: 'public_notice',
    number: null,
    stepRef,
    madeAt: step.at,
    actor: attempt.by,
    definition: publicNoticeDocument({
      agencyName: facts.agencyName,
      caseNumber: facts.caseNumber,
      served: { title: service.document.title, number: service.document.number },
      recipient: service.recipient,
      failed: service.attempts
        .filter((a) => a.id !== attemptId && a.state !== 'served')
        .map((a) => ({
          method: a.method,
          startedAt: a.startedAt,
          reason: a.outcome?.failureReason ?? (a.state === 'timed_out' ? '期限内未有结果' : null),
        })),
      carrier: attempt.publicNotice.carrier,
      place: attempt.publicNotice.place,
      period: rule.deemedServedAfter,
      legalBasis: cite(facts.profile.regulation.title, rule.source),
      publishedAt: attempt.startedAt,
      deemedServedAt: attempt.dueAt,
      by: attempt.by.name,
      madeAt: step.at,
    }),
  };
}

/** Makes the 公告 in the transaction that records the attempt by public notice (see generate.ts). Safe to retry. */
export async function makePublicNotice(m: EntityManager, storageDir: string, service: ServiceView, attemptId: string, stepRef: string) {
  const d = await publicNoticeFromRecord(m, service, attemptId, stepRef);
  if (d) await makeDocument(m, storageDir, d);
}
