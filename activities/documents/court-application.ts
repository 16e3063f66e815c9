import { EntityManager } from 'typeorm';
import { chinaDate } from '#libs/calendar/dates';
import { describePenalties } from '#libs/domain/review';
import { surchargeOn, yuan } from '#libs/domain/surcharge';
import type { AmountOwed } from '#libs/documents/demand-notice';
import { courtApplicationDocument } from '#libs/documents/court-application';
import { chinesePeriod } from '#libs/documents/layout';
import type { ExecutionView } from '#libs/messages/execution';
import type { Actor } from '#libs/domain/roles';
import { type DocumentToMake, makeDocument } from './generate';
import { approvedDraft, caseFacts, entryOrNull, lastCompletion, stepEntry } from './sources';

const REMEDY_LABELS = { review: '申请的行政复议', lawsuit: '提起的行政诉讼' } as const;

/**
 * The 强制执行申请书 of an application to the court, as the record gives it: the execution's view (the court,
 * the day applied, the 催告书 and its service, the fine, the last day to pay and the remedies), the decision's
 * entry and draft, the decision's service and the 催告书's approval. The 加处罚款 is counted to the day of the
 * application with the pinned profile's rule. Null without an application, a served 催告书 or a pinned profile.
 */
export async function courtApplicationFromRecord(
  m: EntityManager,
  view: ExecutionView,
  stepRef: string,
  actor: Actor | null,
): Promise<DocumentToMake | null> {
  const { court, demandNotice: demand } = view;
  const facts = await caseFacts(m, view.caseId);
  if (!court.appliedAt || !court.court || !demand?.servedAt || !facts.profile) return null;
  const { execution } = facts.profile;
  const step = await stepEntry(m, view.caseId, stepRef);
  const decision = await entryOrNull(m, view.caseId, 'decision-issued');
  const draft = await approvedDraft(m, view.caseId, step.seq);
  const approval = await lastCompletion(m, view.caseId, 'demand_notice_approval', 'approve', step.seq);
  const [served]: { served_at: Date }[] = await m.query(
    `SELECT served_at FROM services WHERE case_id = $1 AND document_kind = 'decision' AND served_at IS NOT NULL ORDER BY served_at LIMIT 1`,
    [view.caseId],
  );
  const sought = (['review', 'lawsuit'] as const).filter((k) => view.remedies[k].filedAt);
  let owed: AmountOwed | null = null;
  if (view.fineFen !== null) {
    const on = new Date(court.appliedAt);
    const pauses = sought.map((k) => ({ from: view.remedies[k].filedAt!, to: view.remedies[k].endedAt }));
    const s = surchargeOn(view.fineFen, view.payment.lastDay, on, execution.surcharge, pauses);
    owed = {
      fine: yuan(view.fineFen),
      surcharge: yuan(s.amountFen),
      total: yuan(view.fineFen + s.amountFen),
      on: chinaDate(on),
      dailyRatePercent: execution.surcharge.dailyRatePercent,
    };
  }
  const approvedAt = approval && ((approval.details.signedAt as string | undefined) ?? approval.at);
  return {
    caseId: view.caseId,
    kind: 'court_application',
    number: null,
    stepRef,
    madeAt: step.at,
    actor,
    definition: courtApplicationDocument({
      agencyName: facts.agencyName,
      caseNumber: facts.caseNumber,
      court: court.court,
      parties: facts.parties,
      decision: {
        number: facts.decisionNumber,
        decidedOn: (decision?.details.decidedOn as string | undefined) ?? null,
        penalties: draft ? describePenalties(draft.penalties) : null,
        servedOn: served ? chinaDate(new Date(served.served_at)) : null,
      },
      demand: {
        datedOn: approvedAt ? chinaDate(new Date(approvedAt)) : null,
        servedOn: chinaDate(new Date(demand.servedAt)),
        content: demand.content,
      },
      waited: chinesePeriod(execution.courtApplication.earliest.period),
      remedies: sought.length
        ? `被申请人${sought.map((k) => REMEDY_LABELS[k]).join('、')}已经终结`
        : '被申请人在法定期限内未申请行政复议，也未提起行政诉讼',
      owed,
      appliedOn: chinaDate(new Date(court.appliedAt)),
      appliedBy: step.actorName ?? '',
      madeAt: step.at,
    }),
  };
}

/** Makes the 强制执行申请书 in the transaction that records the application (see generate.ts). Safe to retry. */
export async function makeCourtApplication(
  m: EntityManager,
  storageDir: string,
  view: ExecutionView,
  stepRef: string,
  actor: Actor | null,
) {
  const d = await courtApplicationFromRecord(m, view, stepRef, actor);
  if (d) await makeDocument(m, storageDir, d);
}
