import { allHandlersFinished, condition, proxyActivities, setHandler, workflowInfo } from '@temporalio/workflow';
import type { Activities } from '../../activities';
import { describePeriod, dueAfter } from '../../libs/calendar/period';
import { CASE_SOURCE_LABELS, CaseStatus, declineMustBeTold } from '../../libs/domain/case';
import { RecordEntryInput } from '../../libs/domain/record';
import { CaseState, InitiationInput, caseRegisteredUpdate } from '../../libs/messages/initiation';
import { TaskBoard } from '../tasks/board';

// Short database transactions; retry until the database is back.
const { registerCase, setCaseStatus, escalate } = proxyActivities<Activities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '30 seconds' },
});

type Entry = Omit<RecordEntryInput, 'caseId' | 'at'>;

/**
 * 程序启动: the officer's form goes to the unit head (承办机构意见) and to the chief (负责人意见).
 * An emergency start acts at once and must be back-reported within the profile's period; a timer
 * escalates when it runs out. A decline that someone must be told of waits for that notification.
 */
export async function initiationWorkflow(input: InitiationInput): Promise<CaseStatus> {
  const rules = input.profile.initiation;
  const state: CaseState = {
    caseId: input.caseId,
    status: input.emergency ? 'emergency_started' : 'pending_approval',
    openTasks: [],
    overdue: false,
  };
  const board = new TaskBoard(state, input.agencyId);
  // Answers once the case is written and its first tasks are open, so the caller sees both.
  setHandler(caseRegisteredUpdate, async () => {
    await board.started();
    return board.snapshot();
  });

  const startedAt = new Date();
  const officer = input.officer;
  const opening: Entry[] = [
    {
      key: 'registered',
      actor: officer,
      action: 'case_registered',
      summary: `${officer.name}填写程序启动审批表（${CASE_SOURCE_LABELS[input.source]}），启动原因：${input.form.reason}`,
      legalBasis: rules.approverTitle.source,
      details: { source: input.source, form: input.form, profileVersion: input.profile.version },
    },
  ];
  const emergency = input.emergency ? rules.emergencyStart : null;
  if (emergency) {
    opening.push({
      key: 'emergency_started',
      actor: officer,
      action: 'emergency_started',
      summary: `情况紧急，先行启动行政执法程序；须在${describePeriod(emergency.backReport)}内补报`,
      legalBasis: emergency.source,
    });
  }
  await registerCase({ ...input, workflowId: workflowInfo().workflowId, status: state.status, at: iso(startedAt), entries: opening });

  if (emergency) {
    const dueAt = dueAfter(startedAt, emergency.backReport);
    await board.ask({
      kind: 'back_report',
      role: 'officer',
      assigneeId: officer.id,
      dueAt,
      legalBasis: emergency.source,
      onOverdue: async (task) => {
        state.overdue = true;
        await escalate({
          id: `${task.id}:overdue`,
          caseId: input.caseId,
          agencyId: input.agencyId,
          taskId: task.id,
          kind: 'back_report_overdue',
          dueAt: iso(dueAt),
          at: iso(new Date()),
          mustAct: [{ role: 'officer', userId: officer.id }, { role: 'unit_head' }, { role: 'chief' }],
          legalBasis: emergency.source,
          summary: `先行启动后${describePeriod(emergency.backReport)}内未补报程序启动审批表，已逾期：承办人${officer.name}须立即补报，承办机构负责人督办`,
        });
      },
    });
    state.overdue = false; // the completion resolved the escalation in the same transaction
  }

  await board.ask({ kind: 'unit_head_review', role: 'unit_head', legalBasis: rules.approverTitle.source });
  const approval = await board.ask({ kind: 'chief_approval', role: 'chief', legalBasis: rules.approverTitle.source });

  if (approval.decision === 'approve') {
    await conclude('initiated', {
      key: 'concluded',
      actor: approval.by,
      action: 'case_initiated',
      summary: `经${rules.approverTitle.value}批准，行政执法程序正式启动`,
      legalBasis: rules.approverTitle.source,
    });
  } else {
    await conclude('declined', {
      key: 'concluded',
      actor: approval.by,
      action: 'case_declined',
      summary: emergency
        ? `${rules.approverTitle.value}不予批准：先行启动的行政执法程序终止，已采取的措施应当解除`
        : `${rules.approverTitle.value}不予批准启动行政执法程序`,
      legalBasis: rules.approverTitle.source,
    });
    if (declineMustBeTold(input.source, input.form, rules.declineNotice)) {
      await board.ask({
        kind: 'decline_notification',
        role: 'officer',
        assigneeId: officer.id,
        legalBasis: rules.declineNotice.source,
      });
    }
  }

  board.idle();
  await condition(allHandlersFinished);
  return state.status;

  async function conclude(status: CaseStatus, entry: Entry): Promise<void> {
    state.status = status;
    await setCaseStatus({ caseId: input.caseId, status, at: iso(new Date()), entry });
  }
}

function iso(d: Date): string {
  return d.toISOString();
}
