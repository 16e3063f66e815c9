import { allHandlersFinished, condition, patched, setHandler, sleep, uuid4 } from '@temporalio/workflow';
import { activities } from '../activities';
import { DueResult, PeriodStart, describePeriod } from '#libs/calendar/period';
import { RecordEntryInput } from '#libs/domain/record';
import {
  Attempt, SERVICE_METHOD_LABELS, describeAttempt, nextMethod, attemptRefusal, outcomeRefusal,
} from '#libs/domain/service';
import { CaseState } from '#libs/messages/initiation';
import { ServiceInput, ServiceResult, ServiceView, recordServiceOutcomeUpdate, serviceQuery } from '#libs/messages/service';
import { cite } from '#libs/profiles/cite';
import { appendAvEvidence } from '../tasks/av-upload';
import { TaskBoard } from '../tasks/board';
import { tellServed } from './served';
import { chinaTime } from '../tasks/deadline-text';
import { describeMoves, hasMoved, lastSchedule, movesDetails, untilDue } from '../tasks/deadline-moves';
import { DEADLINE_KINDS, DeadlineKind, DueTime, dueTime, estimateMark } from '#libs/domain/deadlines';
import { notBefore } from '../tasks/event-time';
import { refuse } from '../refuse';

const { projectService, escalate } = activities;
type Entry = Omit<RecordEntryInput, 'caseId'>;

/**
 * 送达 of one document (民事诉讼法 87–95 through 行政处罚法 61): the officer tries one method at a time
 * (a task each time); an attempt that fails, or has no outcome within the profile's period, asks for
 * the next. Public notice only after the others failed, deemed served when its period has passed.
 * The receipt's date is the date of service. Returns how and when the document was served.
 */
export async function serviceWorkflow(input: ServiceInput): Promise<ServiceResult> {
  const state: CaseState = { caseId: input.caseId, status: 'decided', openTasks: [], overdue: false };
  const board = new TaskBoard(state, input);
  const rules = input.profile.service;
  const doc = `${input.document.title}（${input.document.number}）`;
  const view: ServiceView = {
    id: input.serviceId, caseId: input.caseId, document: input.document, recipient: input.recipient, status: 'pending',
    attempts: [], servedAt: null, method: null, deemed: false, mustServeBy: null, overdue: false,
  };
  /** Outcomes reported, and how many of them the main loop has acted on (answers wait for it). */
  let reported = 0;
  let actedOn = 0;
  let projected = 0;
  /** Files of the recordings made while serving (a lodged service, a posted notice), due from their producers. */
  const uploads: Promise<void>[] = [];
  const current = () => view.attempts.find((a) => a.state === 'pending');

  setHandler(serviceQuery, () => JSON.parse(JSON.stringify(view)));
  setHandler(
    recordServiceOutcomeUpdate,
    async ({ by, ...o }) => {
      const attempt = current()!;
      attempt.outcome = { ...o, by };
      attempt.state = o.outcome === 'served' ? 'served' : 'failed';
      const seq = ++reported;
      await condition(() => actedOn >= seq);
      return JSON.parse(JSON.stringify(view));
    },
    {
      validator: ({ outcome, ...o }) => {
        const attempt = current();
        if (!attempt || attempt.method === 'public_notice') throw refuse('SERVICE_NO_PENDING_ATTEMPT');
        const refusal = outcomeRefusal(input.profile, attempt, { outcome, ...o });
        if (refusal) throw refuse(refusal);
        notBefore('at', '送达或失败时间', o.at, { label: '本次送达开始', at: attempt.startedAt });
      },
    },
  );

  if (input.mustServeWithin) void watchMustServe(input.mustServeWithin);

  for (;;) {
    const suggested = nextMethod(view.attempts);
    const taskId = uuid4();
    const asked = board.ask({
      id: taskId,
      kind: 'service_attempt',
      recordsItself: true,
      role: 'officer',
      assigneeId: input.officerId,
      validate: (cmd) => {
        const refusal = attemptRefusal(input.profile, view.attempts, cmd.attempt!);
        if (refusal) throw refuse(refusal);
        notBefore('startedAt', '送达开始时间', cmd.attempt!.startedAt, input.document.dated);
      },
    });
    await board.opened(taskId);
    // Shown once its first attempt can be made, so whoever sees the service can act on it.
    if (!view.attempts.length) {
      const by = view.deadlines?.must_serve_by;
      await project({
        key: `service-started:${input.serviceId}`,
        actor: null,
        action: 'service_started',
        summary: `开始送达${doc}，受送达人：${input.recipient}${by ? `，应于${chinaTime(by.dueAt)}${estimateMark(by)}前送达` : ''}`,
        ...(by && { details: { deadlines: { must_serve_by: by } } }),
      });
    }
    actedOn = reported; // an outcome is answered once the next attempt's task is open
    const task = await asked;
    const a = task.attempt!;
    const publicNotice = a.method === 'public_notice';
    const period = a.method === 'public_notice' ? rules.publicNotice.deemedServedAfter : rules.attempts[a.method];
    const computed = board.dueFor({ from: new Date(a.startedAt), period });
    const due = computed.due!;
    /** The attempt's period as last computed (a schedule that arrives computes it again). */
    const counted = { result: computed };
    const attempt: Attempt = { ...a, id: task.taskId, by: task.by, dueAt: due, complete: computed.complete, missingYears: computed.missingYears, state: 'pending' };
    const attemptKind: DeadlineKind = publicNotice ? 'deemed_service' : 'service_attempt';
    view.attempts.push(attempt);
    view.deadlines = { ...(view.mustServeBy && view.deadlines?.must_serve_by && { must_serve_by: view.deadlines.must_serve_by }), [attemptKind]: dueTime(computed) };
    await project({
      key: `service-attempt:${attempt.id}`,
      actor: task.by,
      action: 'service_attempted',
      summary: publicNotice
        ? `${task.by.name}送达${doc}：${describeAttempt(a)}，自发出之日起经过${describePeriod(period)}，于${chinaTime(due)}${estimateMark(computed)}视为送达`
        : `${task.by.name}送达${doc}：${describeAttempt(a)}（建议方式：${SERVICE_METHOD_LABELS[suggested]}），${chinaTime(due)}${estimateMark(computed)}前未有结果的应改用其他方式`,
      legalBasis: publicNotice ? cite(input.profile.regulationTitle, rules.publicNotice.source) : undefined,
      details: { attemptId: attempt.id, method: a.method, ...dueTime(computed) },
    });
    if (a.publicNotice?.audiovisual) uploads.push((await appendAvEvidence(board, state, input.agencyId, a.publicNotice.audiovisual, task.by, '公告张贴')).stored);
    board.idle();

    // Added after cases existed: a year's schedule loaded meanwhile moves the attempt's due time.
    const rearm = patched('estimates-rearm');
    // The attempt's period and the notice's are not the agency's case clock: only a schedule moves them.
    const attemptDue = () => board.partyDueFor({ from: new Date(a.startedAt), period });
    if (publicNotice) {
      if (rearm) await untilDue(board, attemptDue, () => false, (d, c) => attemptMoved(attempt, attemptKind, d, c, counted), false);
      else await sleep(Math.max(Date.parse(due) - Date.now(), 0));
      attempt.state = 'served';
      // Deemed served at 24:00 of the notice period's last day: served on that day (see servedFrom).
      return finish(attempt.dueAt, true, undefined, board.chainFrom(counted.result) ?? undefined);
    }
    const seq = reported + 1;
    const answered = () => reported >= seq;
    const inTime = rearm
      ? await untilDue(board, attemptDue, answered, (d, c) => attemptMoved(attempt, attemptKind, d, c, counted), false)
      : await condition(answered, Math.max(Date.parse(due) - Date.now(), 0));
    if (!inTime) {
      attempt.state = 'timed_out';
      await project({
        key: `service-timeout:${attempt.id}`,
        actor: null,
        action: 'service_failed',
        summary: `${doc}的${SERVICE_METHOD_LABELS[a.method]}至${chinaTime(attempt.dueAt)}未有结果，应改用${SERVICE_METHOD_LABELS[nextMethod(view.attempts)]}`,
        details: { attemptId: attempt.id, method: a.method },
      });
      continue;
    }
    const o = attempt.outcome!;
    if (o.lodged?.audiovisual) uploads.push((await appendAvEvidence(board, state, input.agencyId, o.lodged.audiovisual, o.by, '留置送达')).stored);
    if (o.outcome === 'served') return finish(o.at, false, attempt);
    await project({
      key: `service-failed:${attempt.id}`,
      actor: o.by,
      action: 'service_failed',
      summary: `${doc}的${SERVICE_METHOD_LABELS[a.method]}未能送达：${o.failureReason ?? '未说明原因'}；应改用${SERVICE_METHOD_LABELS[nextMethod(view.attempts)]}`,
      details: { attemptId: attempt.id, method: a.method },
    });
  }

  async function finish(servedAt: string, deemed: boolean, attempt?: Attempt, countsFrom?: PeriodStart): Promise<ServiceResult> {
    const method = attempt?.method ?? 'public_notice';
    Object.assign(view, { status: 'served', servedAt, method, deemed });
    const o = attempt?.outcome;
    const how = deemed
      ? '公告期满，视为送达'
      : o?.lodged
        ? `受送达人拒收（${o.lodged.refusalReason}），见证人${o.lodged.witness}，留置送达`
        : o?.receipt
          ? `送达回证签收人：${o.receipt.signedBy}`
          : '已到达受送达人特定系统';
    await project({
      key: `service-served:${input.serviceId}`,
      actor: o?.by ?? null,
      action: 'document_served',
      summary: `${doc}已于${chinaTime(servedAt)}以${SERVICE_METHOD_LABELS[method]}送达：${how}`,
      legalBasis: deemed ? cite(input.profile.regulationTitle, rules.publicNotice.source) : undefined,
      details: { servedAt, method, deemed },
    });
    actedOn = reported;
    board.idle();
    const result: ServiceResult = { servedAt, method, deemed, ...(typeof countsFrom === 'string' && countsFrom !== servedAt && { countsFrom }) };
    // Served now: the stage that asked goes on; the files made while serving stay due here.
    await tellServed(input.serviceId, result);
    await Promise.all(uploads);
    await condition(allHandlersFinished);
    return result;
  }

  /** 行政处罚法 61: not served within the period after an announcement in the party's absence → escalated. */
  async function watchMustServe(rule: NonNullable<ServiceInput['mustServeWithin']>): Promise<void> {
    // The agency's own period: it stands still while the case is suspended (shown as last known).
    const served = () => view.status === 'served';
    const d = { from: rule.from, period: rule.period };
    // Added after cases existed: the due time shown with its certainty, and a schedule's move recorded.
    const inTime = patched('estimates-rearm')
      ? await untilDue(board, () => board.dueFor(d), served, async (due, calendarChanged) => {
          if (due.due === null) return; // suspended: shown as last known
          const before = view.deadlines?.must_serve_by;
          view.mustServeBy = due.due;
          view.deadlines = { ...view.deadlines, must_serve_by: dueTime(due) };
          if (calendarChanged) await recordMoves([{ kind: 'must_serve_by', label: DEADLINE_KINDS.must_serve_by, before, after: dueTime(due) }]);
        })
      : await board.until(d, served, (due) => (view.mustServeBy = due ?? view.mustServeBy));
    if (inTime) return;
    view.overdue = true;
    await escalate({
      id: `${input.serviceId}:must-serve`,
      caseId: input.caseId,
      agencyId: input.agencyId,
      kind: 'service_overdue',
      dueAt: view.mustServeBy!,
      at: new Date().toISOString(),
      mustAct: [{ role: 'officer', userId: input.officerId }, { role: 'unit_head' }],
      legalBasis: rule.legalBasis,
      summary: `当事人不在场，${doc}应在${describePeriod(rule.period)}内送达，期限已于${chinaTime(view.mustServeBy!)}届满`,
    });
    await project();
  }

  /** A year's schedule moved a pending attempt's due time: the view and the record say so. */
  async function attemptMoved(attempt: Attempt, kind: DeadlineKind, due: DueResult, calendarChanged: boolean, counted: { result: DueResult }): Promise<void> {
    if (!calendarChanged || due.due === null) return;
    counted.result = due;
    const before: DueTime = { dueAt: attempt.dueAt, complete: attempt.complete ?? true, missingYears: attempt.missingYears ?? [] };
    Object.assign(attempt, { dueAt: due.due, complete: due.complete, missingYears: due.missingYears });
    view.deadlines = { ...view.deadlines, [kind]: dueTime(due) };
    await recordMoves([{ kind, label: DEADLINE_KINDS[kind], before, after: dueTime(due) }], attempt.id);
  }

  /** Projects the view with the line for deadlines a schedule moved, if any moved. */
  async function recordMoves(moves: { kind: DeadlineKind; label: string; before?: DueTime; after: DueTime }[], attemptId?: string): Promise<void> {
    const moved = moves.filter((m) => hasMoved(m.before, m.after));
    if (!moved.length) return project();
    const schedule = lastSchedule(board);
    await project({
      key: `service-recomputed:${input.serviceId}:${moved[0].kind}:${board.clockVersion}`,
      actor: null,
      action: 'deadline_recomputed',
      summary: `${doc}：${describeMoves(moved, schedule)}`,
      legalBasis: schedule && `${schedule.source.title}（${schedule.source.documentNumber}）`,
      details: { ...(attemptId && { attemptId }), ...movesDetails(moved, schedule) },
    });
  }

  /** Writes the view whole; the version keeps a late write of an older view from winning. */
  async function project(entry?: Entry): Promise<void> {
    await projectService({ service: JSON.parse(JSON.stringify(view)), version: ++projected, agencyId: input.agencyId, at: new Date().toISOString(), entry });
  }
}
