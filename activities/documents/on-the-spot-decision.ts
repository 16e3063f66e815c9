import { EntityManager } from 'typeorm';
import type { Actor } from '#libs/domain/roles';
import type { SummaryItem } from '#libs/domain/summary';
import { onTheSpotDecisionDocument } from '#libs/documents/on-the-spot-decision';
import { type DocumentToMake, makeDocument } from './generate';
import { caseFacts, entryOrNull, stepEntry } from './sources';

/**
 * The 当场行政处罚决定书 as the record gives it: the decision's entry (文号, time, place, the items written at
 * the scene, and the penalty its summary states), the case's form (facts, party, and the officer's opinion
 * `依据…，<penalty>` that holds the legal basis), the collection's entry where the fine was collected on the
 * spot, the certificate of the officer who decided (the entry's actor). Null without a pinned profile (no periods to tell).
 */
export async function onTheSpotDecisionFromRecord(
  m: EntityManager,
  caseId: string,
  stepRef: string,
  actor: Actor | null,
): Promise<DocumentToMake | null> {
  const facts = await caseFacts(m, caseId);
  if (!facts.profile) return null;
  const step = await stepEntry(m, caseId, stepRef);
  const [c]: { opinion: string | null }[] = await m.query(`SELECT form->>'handlerOpinion' AS opinion FROM cases WHERE id = $1`, [caseId]);
  const penalty = /：([^：]+)；决定书当场交付当事人$/.exec(step.summary)?.[1] ?? '';
  const opinion = c.opinion ?? '';
  const legalBasis = opinion.replace(/^依据/, '').replace(new RegExp(`，${escape(penalty)}$`), '');
  const collected = await entryOrNull(m, caseId, 'summary-collection');
  // The officer who decided is the entry's actor, whoever renders it again.
  const [officer]: { certificate_no: string | null }[] = await m.query(
    'SELECT u.certificate_no FROM case_records r JOIN users u ON u.id = r.actor_id WHERE r.case_id = $1 AND r.entry_key = $2',
    [caseId, stepRef],
  );
  const d = step.details as { documentNumber?: string; decidedAt?: string; place?: string; items?: Partial<Record<SummaryItem, string>> };
  const number = d.documentNumber ?? facts.decisionNumber;
  const { payment, remedies } = facts.profile.execution;
  return {
    caseId,
    kind: 'on_the_spot_decision',
    number,
    stepRef,
    madeAt: step.at,
    actor,
    definition: onTheSpotDecisionDocument({
      agencyName: facts.agencyName,
      number,
      parties: facts.parties,
      facts: facts.facts,
      legalBasis,
      penalty,
      fined: penalty.includes('罚款'),
      decidedAt: d.decidedAt ?? step.at,
      place: d.place ?? '（未记录）',
      items: d.items ?? {},
      collection: collected && {
        amountYuan: collected.details.amountYuan as number,
        receiptNumber: collected.details.receiptNumber as string,
      },
      officer: { name: step.actorName ?? '', certificateNo: officer?.certificate_no ?? null },
      terms: { payment: payment.period, review: remedies.review.period, lawsuit: remedies.lawsuit.period },
      madeAt: step.at,
    }),
  };
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Makes the 当场行政处罚决定书 in the transaction that writes the on-the-spot case (summary/activities.ts). Safe to retry. */
export async function makeOnTheSpotDecision(m: EntityManager, storageDir: string, caseId: string, stepRef: string, actor: Actor | null) {
  const d = await onTheSpotDecisionFromRecord(m, caseId, stepRef, actor);
  if (d) await makeDocument(m, storageDir, d);
}
