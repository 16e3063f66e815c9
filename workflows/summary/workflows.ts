import { allHandlersFinished, condition, patched, setHandler, uuid4, workflowInfo } from '@temporalio/workflow';
import { activities } from '../activities';
import { describePeriod } from '#libs/calendar/period';
import { NUMBER_SLOT } from '#libs/domain/numbering';
import { CaseState } from '#libs/messages/tasks';
import { SummaryInput, summaryRegisteredUpdate } from '#libs/messages/summary';
import { cite } from '#libs/profiles/cite';
import { startArchiving } from '../archiving/start';
import { appendAvEvidence } from '../tasks/av-upload';
import { TaskBoard } from '../tasks/board';
import { chinaTime } from '../tasks/deadline-text';
import { escalateWhenOverdue } from '../tasks/overdue';
import { startExecutionOf } from '../execution/start';

const { registerSummaryCase, endCase } = activities;

/**
 * 简易程序 (行政处罚法 51–52): the decision made on the spot is written with the items the profile
 * requires; then the filing with the agency (备案) is the unit head's task, cash collected on the
 * spot is due at the agency within the profile's period (行政处罚法 71: 2 working days), and the
 * audio-video of a disputed procedure is due within the upload period. It ends when all are done;
 * a fine not paid on the spot is executed (its own workflow, which then ends the case).
 */
export async function summaryWorkflow(input: SummaryInput): Promise<void> {
  const state: CaseState = { caseId: input.caseId, status: 'decided', openTasks: [], overdue: false };
  const board = new TaskBoard(state, input);
  // Answers once the case is written and every first task is open, so the caller sees them all.
  let ready = false;
  setHandler(summaryRegisteredUpdate, async () => {
    await condition(() => ready);
    return board.snapshot();
  });
  const rules = input.profile.decision.summaryProcedure;
  const basis = (s: Parameters<typeof cite>[1]) => cite(input.profile.regulationTitle, s);
  const officer = input.officer;
  const d = input.decision;
  const c = input.collection;

  // An assigned 文号 is given in the activity's transaction, which writes it into the entry (NUMBER_SLOT).
  const registered = await registerSummaryCase({
    assign: d.assign,
    caseId: input.caseId,
    agencyId: input.agencyId,
    profileVersion: input.profile.version,
    officerId: officer.id,
    form: input.form,
    workflowId: workflowInfo().workflowId,
    at: new Date().toISOString(),
    entries: [
      {
        key: 'summary-decision',
        actor: officer,
        action: 'decision_issued',
        summary: `${officer.name}适用简易程序当场作出处罚决定（${d.documentNumber ?? NUMBER_SLOT}，${chinaTime(d.decidedAt)}，${d.place}）：${d.summary}；决定书当场交付当事人`,
        legalBasis: basis(rules.eligibility.source),
        details: { documentNumber: d.documentNumber, decidedAt: d.decidedAt, place: d.place, items: d.items, content: d.content },
      },
      ...(c
        ? [
            {
              key: 'summary-collection',
              actor: officer,
              action: 'fine_collected' as const,
              summary: `当场收缴罚款${c.amountYuan}元（${chinaTime(c.collectedAt)}，票据号${c.receiptNumber}）`,
              legalBasis: basis(input.profile.execution.cashHandIn.source),
              details: { ...c },
            },
          ]
        : []),
    ],
  });
  // Results recorded before numbering are empty: the typed 文号 stands.
  const documentNumber = registered?.documentNumber ?? d.documentNumber!;

  // Added after cases existed: a fine not paid on the spot is executed like any served decision —
  // the decision was handed over at the scene (行政处罚法 52), so the 15 days of 67 run from then.
  const executes = patched('summary-execution') && !c && !!input.fineFen && !!input.profile.service && !!input.profile.audiovisual;
  if (executes) await startExecution();

  const ids = { filing: uuid4(), handIn: uuid4() };
  const work: Promise<void>[] = [fileWithAgency()];
  if (c) work.push(handIn());
  if (input.audiovisual)
    work.push((await appendAvEvidence(board, state, input.agencyId, input.audiovisual, officer, '有争议的简易程序')).stored);
  await board.opened(ids.filing);
  if (c) await board.opened(ids.handIn);
  ready = true;
  await Promise.all(work);
  if (executes) {
    // The case ends with its execution (payment, court result), which archives it.
    board.answerWaitingCallers();
    await condition(allHandlersFinished);
    return;
  }
  // Filed, cash handed in, recording stored: the on-the-spot case ends and its file is archived.
  const endedAt = new Date().toISOString();
  await endCase({
    caseId: input.caseId,
    at: endedAt,
    entry: { key: 'case-ended', actor: null, action: 'case_ended', summary: '简易程序案件已备案，案件办结' },
  });
  await startArchiving({
    caseId: input.caseId,
    agencyId: input.agencyId,
    endedAt,
    profile: { regulationTitle: input.profile.regulationTitle, archiving: input.profile.archiving },
    ...board.carried,
  });
  board.answerWaitingCallers();
  await condition(allHandlersFinished);

  async function startExecution(): Promise<void> {
    await startExecutionOf({
      caseId: input.caseId,
      agencyId: input.agencyId,
      handlingOfficerId: officer.id,
      profile: {
        regulationTitle: input.profile.regulationTitle,
        execution: input.profile.execution,
        service: input.profile.service!,
        audiovisual: input.profile.audiovisual!,
        archiving: input.profile.archiving,
      },
      ...board.carried,
      decision: { documentNumber, servedAt: d.decidedAt },
      recipient: input.form.parties[0]?.name ?? '当事人',
      fineFen: input.fineFen!,
    });
  }

  async function fileWithAgency(): Promise<void> {
    await board.ask({ id: ids.filing, kind: 'summary_filing', role: 'unit_head', legalBasis: basis(rules.filing.source) });
    board.answerWaitingCallers();
  }

  async function handIn(): Promise<void> {
    const rule = input.profile.execution.cashHandIn;
    await board.ask({
      id: ids.handIn,
      kind: 'cash_hand_in',
      role: 'officer',
      assigneeId: officer.id,
      legalBasis: basis(rule.source),
      deadline: {
        from: new Date(c!.collectedAt),
        period: rule.period,
        onOverdue: escalateWhenOverdue(state, input.agencyId, {
          kind: 'cash_hand_in_overdue',
          legalBasis: basis(rule.source),
          summary: `当场收缴的罚款${c!.amountYuan}元未在${describePeriod(rule.period)}内交至行政机关`,
          mustAct: [{ role: 'officer', userId: officer.id }, { role: 'unit_head' }],
        }),
      },
    });
    board.answerWaitingCallers();
  }
}
