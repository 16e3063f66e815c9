import { condition, patched, setHandler, sleep, uuid4 } from '@temporalio/workflow';
import { SERVICE_METHOD_LABELS, Attempt, attemptRefusal, nextMethod } from '#libs/domain/service';
import { ServiceInput, ServiceResult, recordServiceOutcomeUpdate, serviceQuery } from '#libs/messages/service';
import { appendAvEvidence } from '../tasks/av-upload';
import { chinaTime } from '../tasks/deadline-text';
import { untilDue } from '../tasks/deadline-moves';
import { DeadlineKind, dueTime } from '#libs/domain/deadlines';
import { notBefore } from '../tasks/event-time';
import { refuse } from '../refuse';
import { ServiceOfDocument } from './service-of-document';

/**
 * 送达 of one document (民事诉讼法 87–95 through 行政处罚法 61): the officer tries one method at a time
 * (a task each time); an attempt that fails, or has no outcome within the profile's period, asks for
 * the next. Public notice (公告送达) only after the others failed, deemed served when its period has
 * passed. The receipt's date is the date of service. Returns how and when the document was served.
 */
export async function serviceWorkflow(input: ServiceInput): Promise<ServiceResult> {
  const service = new ServiceOfDocument(input);
  const { board, state, view, rules, doc } = service;

  setHandler(serviceQuery, () => service.snapshot());
  setHandler(recordServiceOutcomeUpdate, (u) => service.recordOutcome(u), { validator: (u) => service.validateOutcome(u) });

  if (input.mustServeWithin) void service.watchMustServe(input.mustServeWithin);

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
    if (!view.attempts.length) await service.project(service.startedEntry());
    service.actedOn = service.reported; // an outcome is answered once the next attempt's task is open
    const task = await asked;
    const a = task.attempt!;
    // 'public_notice' is the stored name of 公告送达 (service by public notice).
    const byPublicNotice = a.method === 'public_notice';
    const period = a.method === 'public_notice' ? rules.publicNotice.deemedServedAfter : rules.attempts[a.method];
    const computed = board.deadlines.dueFor({ from: new Date(a.startedAt), period });
    const due = computed.due!;
    /** The attempt's period as last computed (a schedule that arrives computes it again). */
    const counted = { result: computed };
    const attempt: Attempt = {
      ...a,
      id: task.taskId,
      by: task.by,
      dueAt: due,
      complete: computed.complete,
      missingYears: computed.missingYears,
      state: 'pending',
    };
    const attemptKind: DeadlineKind = byPublicNotice ? 'deemed_service' : 'service_attempt';
    view.attempts.push(attempt);
    view.deadlines = {
      ...(view.mustServeBy && view.deadlines?.must_serve_by && { must_serve_by: view.deadlines.must_serve_by }),
      [attemptKind]: dueTime(computed),
    };
    await service.project(service.attemptEntry(attempt, computed, suggested));
    if (a.publicNotice?.audiovisual)
      service.uploads.push((await appendAvEvidence(board, state, input.agencyId, a.publicNotice.audiovisual, task.by, '公告张贴')).stored);
    board.answerWaitingCallers();

    // Added after cases existed: a year's schedule loaded meanwhile moves the attempt's due time.
    const rearm = patched('estimates-rearm');
    // The attempt's period and the notice's are not the agency's case clock: only a schedule moves them.
    const attemptDue = () => board.deadlines.partyDueFor({ from: new Date(a.startedAt), period });
    const moved = (d: Parameters<typeof service.attemptMoved>[2], c: boolean) => service.attemptMoved(attempt, attemptKind, d, c, counted);
    if (byPublicNotice) {
      if (rearm) await untilDue(board.deadlines, attemptDue, () => false, moved, false);
      else await sleep(Math.max(Date.parse(due) - Date.now(), 0));
      attempt.state = 'served';
      // Deemed served at 24:00 of the notice period's last day: served on that day (see servedFrom).
      return service.finish(attempt.dueAt, true, undefined, board.deadlines.chainFrom(counted.result) ?? undefined);
    }
    const seq = service.reported + 1;
    const answered = () => service.reported >= seq;
    const inTime = rearm
      ? await untilDue(board.deadlines, attemptDue, answered, moved, false)
      : await condition(answered, Math.max(Date.parse(due) - Date.now(), 0));
    if (!inTime) {
      attempt.state = 'timed_out';
      await service.project({
        key: `service-timeout:${attempt.id}`,
        actor: null,
        action: 'service_failed',
        summary: `${doc}的${SERVICE_METHOD_LABELS[a.method]}至${chinaTime(attempt.dueAt)}未有结果，应改用${SERVICE_METHOD_LABELS[nextMethod(view.attempts)]}`,
        details: { attemptId: attempt.id, method: a.method },
      });
      continue;
    }
    const o = attempt.outcome!;
    if (o.lodged?.audiovisual)
      service.uploads.push((await appendAvEvidence(board, state, input.agencyId, o.lodged.audiovisual, o.by, '留置送达')).stored);
    if (o.outcome === 'served') return service.finish(o.at, false, attempt);
    await service.project({
      key: `service-failed:${attempt.id}`,
      actor: o.by,
      action: 'service_failed',
      summary: `${doc}的${SERVICE_METHOD_LABELS[a.method]}未能送达：${o.failureReason ?? '未说明原因'}；应改用${SERVICE_METHOD_LABELS[nextMethod(view.attempts)]}`,
      details: { attemptId: attempt.id, method: a.method },
    });
  }
}
