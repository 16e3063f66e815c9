import { EntityManager } from 'typeorm';
import { RECEIPT_METHODS, serviceReceiptDocument } from '#libs/documents/service-receipt';
import type { ServiceView } from '#libs/messages/service';
import { type DocumentToMake, makeDocument } from './generate';
import { caseFacts, stepEntry } from './sources';

/**
 * The 送达回证 of one service attempt as the record gives it: the service's view (the document served,
 * the recipient, the attempt's method, place and officer) and the attempt's entry (its time). Null for an
 * attempt by public notice or electronic service, which have no receipt.
 */
export async function receiptFromRecord(
  m: EntityManager,
  service: ServiceView,
  attemptId: string,
  stepRef: string,
): Promise<DocumentToMake | null> {
  const attempt = service.attempts.find((a) => a.id === attemptId);
  if (!attempt || !RECEIPT_METHODS.includes(attempt.method)) return null;
  const facts = await caseFacts(m, service.caseId);
  const step = await stepEntry(m, service.caseId, stepRef);
  const party = facts.parties.find((p) => p.name === service.recipient);
  return {
    caseId: service.caseId,
    kind: 'service_receipt',
    number: null,
    stepRef,
    madeAt: step.at,
    actor: attempt.by,
    definition: serviceReceiptDocument({
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
  };
}

/** Makes the 送达回证 in the transaction that records the attempt (see generate.ts). Safe to retry. */
export async function makeServiceReceipt(m: EntityManager, storageDir: string, service: ServiceView, attemptId: string, stepRef: string) {
  const d = await receiptFromRecord(m, service, attemptId, stepRef);
  if (d) await makeDocument(m, storageDir, d);
}
