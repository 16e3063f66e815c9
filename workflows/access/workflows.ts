import { allHandlersFinished, condition, setHandler } from '@temporalio/workflow';
import { activities } from '../activities';
import { AccessRequestInput, accessRequestedUpdate } from '#libs/messages/access';
import { CaseState } from '#libs/messages/tasks';
import { cite } from '#libs/profiles/cite';
import { TaskBoard } from '../tasks/board';
import { chinaTime } from '../tasks/deadline-text';

const { noteRecord } = activities;
const ACTIONS = { view: '查阅', copy: '复制' } as const;

/**
 * 查阅、复制 of the record by the party: recorded, then decided as a task — by the chief where the
 * profile wants the chief's consent (001–003), by the handling officer per the 政府信息公开条例 and the
 * regulations the profile names (000, 004) — with the outcome and reasons recorded.
 */
export async function accessRequestWorkflow(input: AccessRequestInput): Promise<void> {
  const state: CaseState = { caseId: input.caseId, status: 'ended', openTasks: [], overdue: false };
  const board = new TaskBoard(state, input);
  setHandler(accessRequestedUpdate, async () => {
    await board.started();
    return board.snapshot();
  });
  const rule = input.profile.partyAccess;
  const basis = cite(input.profile.regulationTitle, rule.source);
  const how = rule.rule === 'chief_consent' ? '报行政机关负责人决定' : `依照${rule.regulations.map((r) => `《${r}》`).join('、')}办理`;
  await noteRecord({
    caseId: input.caseId,
    at: new Date().toISOString(),
    entry: {
      key: `access-request:${input.requestId}`,
      actor: input.by,
      action: 'access_requested',
      summary: `${input.requester}于${chinaTime(input.requestedAt)}申请${input.actions.map((a) => ACTIONS[a]).join('、')}执法记录（${input.scope}），${how}`,
      legalBasis: basis,
    },
  });
  await board.ask({ kind: 'access_request', role: rule.rule === 'chief_consent' ? 'chief' : 'officer', legalBasis: basis });
  board.answerWaitingCallers();
  await condition(allHandlersFinished);
}
