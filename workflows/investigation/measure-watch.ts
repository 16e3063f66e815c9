import { condition } from '@temporalio/workflow';
import { activities } from '../activities';
import { describePeriod } from '#libs/calendar/period';
import { MEASURE_LABELS } from '#libs/messages/investigation';
import { escalateWhenOverdue } from '../tasks/overdue';
import { chinaTime } from '../tasks/deadline-text';
import { measureMovedLine } from './measure-moves';
import type { CoerciveMeasures, Measure } from './measures';

const { projectMeasure, escalate } = activities;

/** Waits for a measure's decision or its period's end, re-arming whenever a change can move the end. */
export async function watchMeasure(measures: CoerciveMeasures, m: Measure): Promise<void> {
  const { board } = measures;
  for (;;) {
    const seen = { version: m.version, calendar: board.deadlines.clockVersion, schedules: board.deadlines.calendarNow };
    const changed = () => m.version !== seen.version || board.deadlines.clockVersion !== seen.calendar || m.view.decision !== null;
    const wait = m.view.dueAt === null ? undefined : Math.max(Date.parse(m.view.dueAt) - Date.now(), 0);
    // condition() without a timeout resolves to undefined: a paused clock only ever wakes by a change.
    const woke = wait === undefined ? (await condition(changed), true) : await condition(changed, wait);
    if (m.view.decision !== null) return;
    if (woke) {
      if (board.deadlines.clockVersion !== seen.calendar)
        await measures.update(
          m,
          undefined,
          board.deadlines.calendarNow !== seen.schedules ? measureMovedLine(board, m.cmd, m.view) : undefined,
        );
      continue;
    }
    await expire(measures, m);
    return;
  }
}

/** 行政强制法 28: no decision within the period → the measure must be lifted and the property returned. */
async function expire(measures: CoerciveMeasures, m: Measure): Promise<void> {
  const { input } = measures;
  const label = MEASURE_LABELS[m.cmd.kind];
  await escalate({
    id: `${m.view.id}:expired`,
    caseId: input.caseId,
    agencyId: input.agencyId,
    kind: 'measure_expired',
    dueAt: m.view.dueAt!,
    at: new Date().toISOString(),
    mustAct: [{ role: 'chief' }, { role: 'officer', userId: m.cmd.by.id }],
    legalBasis: m.cmd.legalBasis,
    summary: `${label}「${m.cmd.object}」期限已于${chinaTime(m.view.dueAt!)}届满，未作出处理决定：应当立即解除${label}，退还财物`,
  });
  m.view.status = 'expired';
  await projectMeasure({ measure: { ...m.view }, at: new Date().toISOString() });
}

/** 行政强制法 19: approval within the period; not approved → lifted at once. */
export async function askApproval(measures: CoerciveMeasures, m: Measure, taskId: string): Promise<void> {
  const { board, input, state } = measures;
  const rule = m.cmd.emergency!;
  const label = MEASURE_LABELS[m.cmd.kind];
  const answer = await board.ask({
    id: taskId,
    kind: 'measure_approval',
    role: 'chief',
    legalBasis: rule.legalBasis,
    deadline: {
      from: new Date(m.cmd.takenAt),
      period: rule.period,
      onOverdue: escalateWhenOverdue(state, input.agencyId, {
        kind: 'measure_approval_overdue',
        legalBasis: rule.legalBasis,
        summary: `当场实施的${label}「${m.cmd.object}」未在${describePeriod(rule.period)}内补办批准手续：负责人须立即审批；不批准的，应当立即解除`,
        mustAct: [{ role: 'chief' }, { role: 'officer', userId: m.cmd.by.id }],
      }),
    },
  });
  if (answer.decision === 'reject' && m.view.decision === null) {
    m.view.decision = 'release';
    await measures.update(m, {
      key: `measure-decided:${m.view.id}`,
      actor: answer.by,
      action: 'measure_decided',
      summary: `负责人不批准当场实施的${label}：应当立即解除，退还财物`,
      legalBasis: rule.legalBasis,
    });
  }
  board.answerWaitingCallers();
}

/** 行政强制法 25: the chief extends the period once, or not. */
export async function askExtension(measures: CoerciveMeasures, m: Measure, taskId: string): Promise<void> {
  const { board } = measures;
  const answer = await board.ask({ id: taskId, kind: 'measure_extension', role: 'chief', legalBasis: m.cmd.extensionBasis! });
  m.extensionAsked = answer.decision === 'approve';
  if (answer.decision === 'approve') {
    m.view.extended = true;
    await measures.update(m, {
      key: `measure-extended:${m.view.id}`,
      actor: answer.by,
      action: 'measure_extended',
      summary: `经负责人批准，${MEASURE_LABELS[m.cmd.kind]}期限延长`,
      legalBasis: m.cmd.extensionBasis!,
    });
  } else {
    await measures.update(m);
  }
  board.answerWaitingCallers();
}
