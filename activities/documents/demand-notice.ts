import { EntityManager } from 'typeorm';
import { chinaDate } from '#libs/calendar/dates';
import { describePenalties } from '#libs/domain/review';
import { surchargeOn, yuan } from '#libs/domain/surcharge';
import { type AmountOwed, demandNoticeDocument } from '#libs/documents/demand-notice';
import type { ExecutionView } from '#libs/messages/execution';
import { type DocumentToMake, makeDocument } from './generate';
import { approvedDraft, caseFacts, entryOrNull, lastCompletion, stepEntry } from './sources';

/** What follows a 催告书 not heeded, as the profile's 催告 precedes it (行政强制法 37, 53). */
const THEN = {
  compulsory_execution_decision: '作出强制执行决定',
  court_application: '申请人民法院强制执行',
} as const;

/**
 * The 催告书 of a demand served, as the record gives it: the execution's view (the demand as drafted and
 * approved, the fine, the last day to pay, the remedies' pauses, the date of service), the decision's
 * entry and draft, the drafting entry and the chief's approval before the step. The 加处罚款 is counted to
 * the day of service with the pinned profile's rule. Null without a served demand or a pinned profile.
 */
export async function demandNoticeFromRecord(m: EntityManager, view: ExecutionView, stepRef: string): Promise<DocumentToMake | null> {
  const demand = view.demandNotice;
  const facts = await caseFacts(m, view.caseId);
  if (!demand?.servedAt || !facts.profile) return null;
  const { execution } = facts.profile;
  const step = await stepEntry(m, view.caseId, stepRef);
  const decision = await entryOrNull(m, view.caseId, 'decision-issued');
  const draft = await approvedDraft(m, view.caseId, step.seq);
  const drafted = await entryOrNull(m, view.caseId, `demand-drafted:${demand.draftedAt}`);
  const approval = await lastCompletion(m, view.caseId, 'demand_notice_approval', 'approve', step.seq);
  const approvedAt = approval && ((approval.details.signedAt as string | undefined) ?? approval.at);
  let owed: AmountOwed | null = null;
  if (view.fineFen !== null) {
    const pauses = (['review', 'lawsuit'] as const)
      .filter((k) => view.remedies[k].filedAt)
      .map((k) => ({ from: view.remedies[k].filedAt!, to: view.remedies[k].endedAt }));
    const on = new Date(demand.servedAt);
    const s = surchargeOn(view.fineFen, view.payment.lastDay, on, execution.surcharge, pauses);
    owed = {
      fine: yuan(view.fineFen),
      surcharge: yuan(s.amountFen),
      total: yuan(view.fineFen + s.amountFen),
      on: chinaDate(on),
      dailyRatePercent: execution.surcharge.dailyRatePercent,
    };
  }
  return {
    caseId: view.caseId,
    kind: 'demand_notice',
    number: facts.decisionNumber && `${facts.decisionNumber}（催告）`,
    stepRef,
    madeAt: step.at,
    actor: null,
    definition: demandNoticeDocument({
      agencyName: facts.agencyName,
      caseNumber: facts.caseNumber,
      parties: facts.parties,
      decision: {
        number: facts.decisionNumber,
        decidedOn: (decision?.details.decidedOn as string | undefined) ?? null,
        penalties: draft ? describePenalties(draft.penalties) : null,
      },
      lastDayToPay: view.fineFen === null ? null : view.payment.lastDay,
      owed,
      demand: demand.content,
      then: execution.demandNotice.before.map((b) => THEN[b]).join('或者'),
      approval: approval && { name: approval.actorName ?? '', at: approvedAt! },
      datedOn: chinaDate(new Date(approvedAt ?? step.at)),
      draftedBy: drafted?.actorName ?? '',
      madeAt: step.at,
    }),
  };
}

/** Makes the 催告书 in the transaction that records it served (see generate.ts). Safe to retry. */
export async function makeDemandNotice(m: EntityManager, storageDir: string, view: ExecutionView, stepRef: string) {
  const d = await demandNoticeFromRecord(m, view, stepRef);
  if (d) await makeDocument(m, storageDir, d);
}
