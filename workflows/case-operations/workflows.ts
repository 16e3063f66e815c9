import {
  ApplicationFailure,
  allHandlersFinished,
  condition,
  getExternalWorkflowHandle,
  setHandler,
  workflowInfo,
} from '@temporalio/workflow';
import { activities } from '../activities';
import { CASE_OPERATION_BASIS, CASE_OPERATION_LABELS, CaseClock, TRANSFER_TARGET_LABELS } from '#libs/domain/case-operations';
import { CaseOperationInput, caseClockSignal, caseOperationRequestedUpdate } from '#libs/messages/case-operations';
import { CaseState } from '#libs/messages/tasks';
import { startArchiving } from '../archiving/start';
import { TaskBoard } from '../tasks/board';
import { chinaTime } from '../tasks/deadline-text';

const { noteRecord, decideCaseOperation, changeCaseClock, caseWorkflows, endCaseWorkflows, closeCase } = activities;

/**
 * A case-level operation (中止、恢复、终结、移送): recorded, decided by the chief as a task, then
 * applied. Suspension and resumption change the case clock and send it whole to every running
 * workflow of the case (each recomputes its deadlines without the suspended span); termination
 * and transfer (once the receiving authority's receipt is recorded) end them, close the case
 * and start the archive period.
 */
export async function caseOperationWorkflow(input: CaseOperationInput): Promise<void> {
  const state: CaseState = { caseId: input.caseId, status: 'initiated', openTasks: [], overdue: false };
  const board = new TaskBoard(state, input);
  setHandler(caseOperationRequestedUpdate, async () => {
    await board.started();
    return board.snapshot();
  });
  const label = CASE_OPERATION_LABELS[input.kind];
  const legalBasis = [CASE_OPERATION_BASIS[input.kind], input.legalBasis].filter(Boolean).join('；');
  const target = input.transfer && `${TRANSFER_TARGET_LABELS[input.transfer.target]}（${input.transfer.recipient}）`;
  const key = (step: string) => `case-operation:${input.operationId}:${step}`;

  await noteRecord({
    caseId: input.caseId,
    at: new Date().toISOString(),
    entry: {
      key: key('requested'),
      actor: input.by,
      action: 'case_operation_requested',
      summary: `${input.by.name}申请${label}${target ? `，移送${target}` : ''}：${input.reason}`,
      legalBasis,
    },
  });
  const answer = await board.ask({ kind: 'case_operation_approval', role: 'chief', legalBasis, recordsItself: true });
  const approved = answer.decision === 'approve';
  await decideCaseOperation({
    operationId: input.operationId,
    caseId: input.caseId,
    at: answer.at,
    by: answer.by,
    approved,
    opinion: answer.opinion,
    entry: {
      key: key('decided'),
      actor: answer.by,
      action: approved ? 'case_operation_approved' : 'case_operation_rejected',
      summary: `${answer.by.name}${approved ? '批准' : '不批准'}${label}：${answer.opinion}`,
      legalBasis,
    },
  });
  if (!approved) return finish();

  if (input.kind === 'suspension' || input.kind === 'resumption') {
    const clock = await changeCaseClock({
      operationId: input.operationId,
      caseId: input.caseId,
      kind: input.kind,
      at: answer.at,
      reason: input.reason,
      entry: {
        key: key('applied'),
        actor: null,
        action: input.kind === 'suspension' ? 'case_suspended' : 'case_resumed',
        summary:
          input.kind === 'suspension'
            ? `案件自${chinaTime(answer.at)}起中止办理，各项办理期限暂停计算`
            : `案件自${chinaTime(answer.at)}起恢复办理，各项办理期限扣除中止期间后继续计算`,
        legalBasis,
      },
    });
    for (const id of (await caseWorkflows(input.caseId)).ids) await sendClock(id, clock);
    return finish();
  }

  let receipt;
  if (input.kind === 'transfer') {
    const done = await board.ask({
      kind: 'transfer_receipt',
      role: 'officer',
      assigneeId: input.handlingOfficerId,
      legalBasis,
      recordsItself: true,
    });
    receipt = done.receipt!;
  }
  await endCaseWorkflows({
    ids: (await caseWorkflows(input.caseId)).ids,
    reason: `${label}：${input.reason}（操作 ${input.operationId}）`,
  });
  const at = new Date().toISOString();
  await closeCase({
    operationId: input.operationId,
    caseId: input.caseId,
    status: input.kind === 'transfer' ? 'transferred' : 'terminated',
    at,
    keepWorkflowId: workflowInfo().workflowId,
    receipt,
    entry: {
      key: key('closed'),
      actor: null,
      action: input.kind === 'transfer' ? 'case_transferred' : 'case_terminated',
      summary: receipt
        ? `案件已移送${target}，${receipt.receivedBy}于${chinaTime(receipt.receivedAt)}接收（回执${receipt.documentNumber}）；本机关办理终结，进入归档`
        : `案件终结办理：${input.reason}；进入归档`,
      legalBasis,
      details: receipt ? { receipt } : undefined,
    },
  });
  await startArchiving({ caseId: input.caseId, agencyId: input.agencyId, endedAt: at, profile: input.profile, ...board.carried });
  return finish();

  async function finish(): Promise<void> {
    board.answerWaitingCallers();
    await condition(allHandlersFinished);
  }
}

/** Sends the case clock to a workflow of the case, unless it already ended or never started. */
async function sendClock(workflowId: string, clock: CaseClock): Promise<void> {
  try {
    await getExternalWorkflowHandle(workflowId).signal(caseClockSignal, clock);
  } catch (e) {
    if (!(e instanceof ApplicationFailure && e.type === 'ExternalWorkflowExecutionNotFound')) throw e;
  }
}
