import { ParentClosePolicy, allHandlersFinished, condition, patched, setHandler, startChild, workflowInfo } from '@temporalio/workflow';
import { activities } from '../activities';
import { describePeriod } from '#libs/calendar/period';
import { CASE_SOURCE_LABELS, CaseSource, CaseStatus, declineMustBeTold } from '#libs/domain/case';
import { RecordEntryInput } from '#libs/domain/record';
import { InitiationInput, caseRegisteredUpdate } from '#libs/messages/initiation';
import { CaseState } from '#libs/messages/tasks';
import { cite } from '#libs/profiles/cite';
import { workflowIdForDecision } from '#libs/messages/decision';
import { decisionWorkflow } from '../decision/workflows';
import { TaskBoard } from '../tasks/board';
import { OverdueSpec, escalateWhenOverdue } from '../tasks/overdue';
import { currentInput } from './legacy-input';

const { registerCase, registerCaseWithTask, setCaseStatus } = activities;

type Entry = Omit<RecordEntryInput, 'caseId'>;

/**
 * 程序启动: the officer's form goes to the unit head (承办机构意见) and to the chief (负责人意见).
 * An application is first examined for acceptance within the profile's period. An emergency start
 * acts at once and must be back-reported within the profile's period; a timer escalates when it
 * runs out. A decline that someone must be told of waits for that notification.
 */
export async function initiationWorkflow(pinned: Parameters<typeof currentInput>[0]): Promise<CaseStatus> {
  const input: InitiationInput = currentInput(pinned);
  const rules = input.profile.initiation;
  const basis = (source: Parameters<typeof cite>[1]) => cite(input.profile.regulationTitle, source);
  const state: CaseState = {
    caseId: input.caseId,
    status: input.emergency ? 'emergency_started' : 'pending_approval',
    openTasks: [],
    overdue: false,
  };
  const board = new TaskBoard(state, input);
  // Answers once the case is written and its first tasks are open, so the caller sees both.
  setHandler(caseRegisteredUpdate, async () => {
    await board.started();
    return board.snapshot();
  });

  const startedAt = new Date();
  const officer = input.officer;
  const emergency = input.emergency && rules.emergencyStart.allowed ? rules.emergencyStart : null;
  const opening: Entry[] = [
    {
      key: 'registered',
      actor: officer,
      action: 'case_registered',
      summary: `${officer.name}填写程序启动审批表（${CASE_SOURCE_LABELS[input.source]}），启动原因：${input.form.reason}`,
      legalBasis: basis(rules.approver.source),
      details: { source: input.source, form: input.form, profileVersion: input.profile.version },
    },
  ];
  if (emergency) {
    opening.push({
      key: 'emergency_started',
      actor: officer,
      action: 'emergency_started',
      summary: `情况紧急，先行启动行政执法程序；须在${describePeriod(emergency.backReport)}内补报`,
      legalBasis: basis(emergency.source),
    });
  }
  // Added after cases existed: the row needs the profile's version, not its sections and the calendar,
  // which made this activity's input the largest payload of the history (issue 21).
  const registered = patched('slim-register-case') ? registration(input) : input;
  const registering = { ...registered, workflowId: workflowInfo().workflowId, status: state.status, at: iso(startedAt), entries: opening };
  // Added after cases existed: the case row is written with the first task (every path asks one first).
  if (patched('register-with-first-task')) board.openNextWith((task) => registerCaseWithTask({ registration: registering, task }));
  else await registerCase(registering);

  const overdue = (spec: OverdueSpec) => escalateWhenOverdue(state, input.agencyId, spec);

  if (emergency) {
    await board.ask({
      kind: 'back_report',
      role: 'officer',
      assigneeId: officer.id,
      legalBasis: basis(emergency.source),
      deadline: {
        from: startedAt,
        period: emergency.backReport,
        onOverdue: overdue({
          kind: 'back_report_overdue',
          legalBasis: basis(emergency.source),
          summary: `先行启动后${describePeriod(emergency.backReport)}内未补报程序启动审批表，已逾期：承办人${officer.name}须立即补报，承办机构负责人督办`,
          mustAct: [{ role: 'officer', userId: officer.id }, { role: 'unit_head' }, { role: 'chief' }],
        }),
      },
    });
    state.overdue = false; // the completion resolved the escalation in the same transaction
  }

  // Added after cases existed: histories recorded before it must replay without this step.
  if (input.source === 'application' && input.form.application && patched('application-acceptance')) {
    const acceptance = rules.applicationAcceptance;
    const examined = await board.ask({
      kind: 'application_acceptance',
      role: 'officer',
      assigneeId: officer.id,
      legalBasis: basis(acceptance.source),
      deadline: {
        from: new Date(input.form.application.receivedAt),
        period: acceptance.period,
        onOverdue: overdue({
          kind: 'application_acceptance_overdue',
          legalBasis: basis(acceptance.source),
          summary: `收到申请材料后${describePeriod(acceptance.period)}内未作出受理决定或一次性告知补正，依法自收到申请材料之日起即为受理：承办人${officer.name}须立即处理`,
          mustAct: [{ role: 'officer', userId: officer.id }, { role: 'unit_head' }],
        }),
      },
    });
    state.overdue = false;
    if (examined.decision === 'reject') {
      await conclude('declined', {
        key: 'concluded',
        actor: examined.by,
        action: 'case_declined',
        summary: '申请不予受理',
        legalBasis: basis(acceptance.source),
      });
      return finish(true);
    }
  }

  await board.ask({ kind: 'unit_head_review', role: 'unit_head', legalBasis: basis(rules.approver.source) });
  const approval = await board.ask({ kind: 'chief_approval', role: 'chief', legalBasis: basis(rules.approver.source) });

  if (approval.decision === 'approve') {
    await conclude('initiated', {
      key: 'concluded',
      actor: approval.by,
      action: 'case_initiated',
      summary: `经${rules.approver.title}批准，行政执法程序正式启动`,
      legalBasis: basis(rules.approver.source),
    });
    // Added after cases existed: filing (立案) starts the decision stage and its deadline.
    if (input.profile.decision && patched('decision-stage')) {
      await startChild(decisionWorkflow, {
        workflowId: workflowIdForDecision(input.caseId),
        parentClosePolicy: ParentClosePolicy.ABANDON,
        args: [
          {
            caseId: input.caseId,
            agencyId: input.agencyId,
            filedAt: iso(new Date()),
            handlingOfficerId: officer.id,
            profile: {
              id: input.profile.id,
              version: input.profile.version,
              regulationTitle: input.profile.regulationTitle,
              decision: input.profile.decision,
              service: input.profile.service,
              audiovisual: input.profile.audiovisual,
              execution: input.profile.execution,
              archiving: input.profile.archiving,
            },
            ...board.carried,
          },
        ],
      });
    }
    return finish(false);
  }
  await conclude('declined', {
    key: 'concluded',
    actor: approval.by,
    action: 'case_declined',
    summary: emergency
      ? `${rules.approver.title}不予批准：先行启动的行政执法程序终止，已采取的措施应当解除`
      : `${rules.approver.title}不予批准启动行政执法程序`,
    legalBasis: basis(rules.approver.source),
  });
  return finish(true);

  /** A declined case waits, where the profile requires it, until the person concerned was told. */
  async function finish(declined: boolean): Promise<CaseStatus> {
    if (declined && declineMustBeTold(input.source, input.form, rules.declineNotice)) {
      // Added after cases existed: the telling is due within the profile's (operational) period, escalated when late.
      const within = rules.declineNotification && patched('decline-notification-due') ? rules.declineNotification : undefined;
      await board.ask({
        kind: 'decline_notification',
        role: 'officer',
        assigneeId: officer.id,
        legalBasis: basis(rules.declineNotice.source),
        deadline: within && {
          from: new Date(),
          period: within.period,
          onOverdue: overdue({
            kind: 'decline_notification_overdue',
            legalBasis: basis(within.source),
            summary: `不予启动后${describePeriod(within.period)}内未告知${TOLD[input.source]}：承办人${officer.name}须立即告知并作书面记录`,
            mustAct: [{ role: 'officer', userId: officer.id }, { role: 'unit_head' }],
          }),
        },
      });
    }
    board.answerWaitingCallers();
    await condition(allHandlersFinished);
    return state.status;
  }

  async function conclude(status: CaseStatus, entry: Entry): Promise<void> {
    state.status = status;
    // Filing (立案) numbers the case inside the activity's transaction (activities/initiation).
    await setCaseStatus({ caseId: input.caseId, status, at: iso(new Date()), entry, numbering: input.profile.numbering });
  }
}

const TOLD: Record<CaseSource, string> = { application: '申请人', complaint: '实名投诉人、举报人', ex_officio: '当事人' };

function registration(input: InitiationInput) {
  const { caseId, agencyId, source, emergency, officer, form } = input;
  return { caseId, agencyId, source, emergency, officer, form, profile: { version: input.profile.version } };
}

function iso(d: Date): string {
  return d.toISOString();
}
