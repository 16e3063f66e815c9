import { EntityManager } from 'typeorm';
import { RECEIPT_METHODS, serviceReceiptDocument } from '#libs/documents/service-receipt';
import type { ServiceView } from '#libs/messages/service';
import { makeDocument } from './generate';
import { caseFacts, stepEntry } from './sources';

/**
 * The 送达回证 of one service attempt, from the service's view and the attempt's record entry: the
 * document served, the recipient, the place, the method ticked, the officer. Attempts by public notice or
 * electronic service have no receipt. Safe to retry.
 */
export async function makeServiceReceipt(m: EntityManager, storageDir: string, service: ServiceView, attemptId: string, stepRef: string) {
  const attempt = service.attempts.find((a) => a.id === attemptId);
  if (!attempt || !RECEIPT_METHODS.includes(attempt.method)) return;
  const facts = await caseFacts(m, service.caseId);
  const step = await stepEntry(m, service.caseId, stepRef);
  const party = facts.parties.find((p) => p.name === service.recipient);
  await makeDocument(m, storageDir, {
    caseId: service.caseId,
    kind: 'service_receipt',
    number: null,
    stepRef,
    madeAt: step.at,
    actor: attempt.by,
    definition: async () =>
      serviceReceiptDocument({
        agencyName: facts.agencyName,
        caseNumber: facts.caseNumber,
        served: { title: service.document.title, number: service.document.number },
        recipient: service.recipient,
        place: attempt.postal?.address ?? party?.address ?? null,
        method: attempt.method,
        via: attempt.via ?? null,
        by: attempt.by.name,
        startedAt: attempt.startedAt,
        madeAt: step.at,
      }),
  });
}
