import { patched, uuid4 } from '@temporalio/workflow';
import { activities } from '../activities';
import { DecisionInput, IssuedDecision } from '#libs/messages/decision';
import { ServiceResult, ServiceView, workflowIdForService } from '#libs/messages/service';
import { cite } from '#libs/profiles/cite';
import { startExecutionOf } from '../execution/start';
import { serveThrough } from '../service/served';
import { TaskBoard } from '../tasks/board';
import { chinaTime } from '../tasks/deadline-text';

const { projectService } = activities;

/**
 * 行政处罚法 61: a decision announced to the party present is handed over on the spot; otherwise it
 * is served (the service workflow, as a child) within the profile's period, escalated when late.
 * Resolves with how and when it was served, which starts the payment and remedy periods.
 */
export async function serveDecision(input: DecisionInput, board: TaskBoard, d: IssuedDecision): Promise<ServiceResult> {
  const serviceId = uuid4();
  const document = {
    kind: 'decision' as const,
    title: '行政处罚决定书',
    number: d.documentNumber,
    dated: { label: '决定日期', at: d.decidedOn },
  };
  const rules = input.profile.service!;
  if (d.handedOver) {
    const view: ServiceView = {
      id: serviceId,
      caseId: input.caseId,
      document,
      recipient: d.recipient!,
      status: 'served',
      attempts: [],
      servedAt: d.handedOver.at,
      method: 'direct',
      deemed: false,
      mustServeBy: null,
      overdue: false,
    };
    await projectService({
      service: view,
      version: 1,
      agencyId: input.agencyId,
      at: new Date().toISOString(),
      entry: {
        key: `service-served:${serviceId}`,
        actor: d.by,
        action: 'document_served',
        summary: `行政处罚决定书（${d.documentNumber}）于${chinaTime(d.handedOver.at)}宣告后当场交付当事人，签收人：${d.handedOver.signedBy}`,
        legalBasis: cite(input.profile.regulationTitle, rules.absentParty.source),
      },
    });
    return { servedAt: d.handedOver.at, method: 'direct', deemed: false };
  }
  return serveThrough({
    workflowId: workflowIdForService(input.caseId, serviceId),
    args: [
      {
        serviceId,
        caseId: input.caseId,
        agencyId: input.agencyId,
        document,
        recipient: d.recipient!,
        officerId: input.handlingOfficerId,
        profile: {
          regulationTitle: input.profile.regulationTitle,
          service: rules,
          investigation: { audiovisual: input.profile.audiovisual! },
        },
        ...board.carried,
        mustServeWithin: {
          from: mustServeFrom(d),
          period: rules.absentParty.period,
          legalBasis: cite(input.profile.regulationTitle, rules.absentParty.source),
        },
      },
    ],
  });
}

/**
 * 行政处罚法 61: the 7 working days count from the decision's own date, a China date start (the start
 * day not counted, 民法典 201), not from when it was entered; cases issued before this counted from the entry.
 */
function mustServeFrom(d: IssuedDecision): string {
  return patched('serve-from-decision-date') ? d.decidedOn : new Date().toISOString();
}

/** The served decision is executed in its own workflow, which outlives this stage. */
export async function startExecution(
  input: DecisionInput,
  board: TaskBoard,
  d: IssuedDecision,
  served: ServiceResult,
  fineFen: number | null,
): Promise<void> {
  await startExecutionOf({
    caseId: input.caseId,
    agencyId: input.agencyId,
    handlingOfficerId: input.handlingOfficerId,
    profile: {
      regulationTitle: input.profile.regulationTitle,
      execution: input.profile.execution!,
      service: input.profile.service!,
      audiovisual: input.profile.audiovisual!,
      archiving: input.profile.archiving!,
    },
    ...board.carried,
    decision: { documentNumber: d.documentNumber, servedAt: served.servedAt, ...(served.countsFrom && { countsFrom: served.countsFrom }) },
    recipient: d.recipient!,
    fineFen,
    correction: d.correction,
  });
}
