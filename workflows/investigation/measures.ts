import { condition, setHandler, uuid4 } from '@temporalio/workflow';
import { activities } from '../activities';
import { describePeriod } from '#libs/calendar/period';
import { RecordEntryInput } from '#libs/domain/record';
import {
  InvestigationInput,
  MEASURE_LABELS,
  MeasureView,
  TakeMeasureCommand,
  decideMeasureUpdate,
  pauseMeasureUpdate,
  requestExtensionUpdate,
  resumeMeasureUpdate,
  takeMeasureUpdate,
} from '#libs/messages/investigation';
import { CaseState } from '#libs/messages/initiation';
import { TaskBoard } from '../tasks/board';
import { escalateWhenOverdue } from '../tasks/overdue';
import { chinaTime } from '../tasks/deadline-text';
import { DueTime, estimateMark } from '#libs/domain/deadlines';
import { dueOf, measureMovedLine } from './measure-moves';
import { notBefore } from '../tasks/event-time';
import type { Step } from '#libs/domain/event-time';
import { refuse } from '../refuse';

const { projectMeasure, escalate } = activities;

interface Measure {
  cmd: TakeMeasureCommand;
  view: MeasureView;
  /** Bumped on every change that can move the due time. */
  version: number;
  extensionAsked: boolean;
}


/**
 * 查封、扣押、冻结 of one case (行政强制法 25, 27, 28, 32). Each measure's period runs from when it
 * was taken; testing or appraisal time stops the clock (pause/resume); the chief may extend it
 * once; at expiry without a decision the system escalates and demands release.
 */
export function handleMeasures(input: InvestigationInput, board: TaskBoard, state: CaseState): { settled: () => boolean } {
  const measures = new Map<string, Measure>();
  const need = (id: string) => {
    const m = measures.get(id);
    if (!m) throw refuse('MEASURE_NOT_FOUND');
    if (m.view.status === 'decided') throw refuse('MEASURE_CLOSED');
    return m;
  };

  const timed = (id: string) => {
    const m = need(id);
    if (!m.cmd.period) throw refuse('MEASURE_NOT_TIMED');
    return m;
  };

  setHandler(takeMeasureUpdate, async (cmd) => {
    const known = measures.get(cmd.measureId);
    if (known) return known.view; // the same measure sent again
    const m: Measure = {
      cmd,
      version: 0,
      extensionAsked: false,
      view: {
        id: cmd.measureId, caseId: input.caseId, kind: cmd.kind, object: cmd.object, takenAt: cmd.takenAt, dueAt: null,
        lastDay: null, complete: true, missingYears: [], status: 'active', extended: false, pauses: [], decision: null, recordId: cmd.recordId,
        familyNotified: cmd.familyNotified ?? null,
      },
    };
    measures.set(cmd.measureId, m);
    try {
      await update(m, {
        key: `measure:${cmd.measureId}`,
        actor: cmd.by,
        action: 'measure_taken',
        summary: `${cmd.by.name}实施${MEASURE_LABELS[cmd.kind]}：${cmd.object}${told(cmd)}`,
        legalBasis: cmd.legalBasis,
      });
    } catch (e) {
      // Refused by the database (activities/integrity.ts): never stored, so not a measure to watch or settle.
      measures.delete(cmd.measureId);
      throw e;
    }
    void watch(m);
    if (cmd.emergency) {
      const taskId = uuid4();
      void askApproval(m, taskId);
      await board.opened(taskId);
    }
    return m.view;
  });

  setHandler(
    pauseMeasureUpdate,
    async (c) => {
      const m = measures.get(c.measureId)!;
      m.view.pauses.push({ from: c.at, reason: c.reason });
      return update(m, { key: `measure-pause:${c.measureId}:${m.view.pauses.length}`, actor: c.by, action: 'measure_paused', summary: `${MEASURE_LABELS[m.cmd.kind]}期限中止计算：${c.reason}`, legalBasis: m.cmd.legalBasis });
    },
    {
      validator: (c) => {
        const m = running(c.measureId);
        if (m.view.pauses.some((p) => !p.to)) throw refuse('MEASURE_ALREADY_PAUSED');
        notBefore('at', '中止计算时间', c.at, lastResumeOrStart(m));
      },
    },
  );

  setHandler(
    resumeMeasureUpdate,
    async (c) => {
      const m = measures.get(c.measureId)!;
      const open = m.view.pauses.find((p) => !p.to)!;
      open.to = c.at;
      return update(m, { key: `measure-resume:${c.measureId}:${m.view.pauses.length}`, actor: c.by, action: 'measure_resumed', summary: `${MEASURE_LABELS[m.cmd.kind]}期限恢复计算`, legalBasis: m.cmd.legalBasis });
    },
    {
      validator: (c) => {
        const open = running(c.measureId).view.pauses.find((p) => !p.to);
        if (!open) throw refuse('MEASURE_NOT_PAUSED');
        notBefore('at', '恢复计算时间', c.at, { label: '中止计算', at: open.from });
      },
    },
  );

  setHandler(
    requestExtensionUpdate,
    async (c) => {
      const m = measures.get(c.measureId)!;
      m.extensionAsked = true;
      const taskId = uuid4();
      void askExtension(m, taskId);
      await board.opened(taskId);
      return update(m);
    },
    {
      validator: (c) => {
        const m = timed(c.measureId);
        if (m.extensionAsked || m.view.extended) throw refuse('MEASURE_EXTENSION_USED');
        if (ranOut(m)) throw refuse('MEASURE_EXPIRED', `期限已于${chinaTime(m.view.dueAt!)}届满，不能再延长`);
      },
    },
  );

  setHandler(
    decideMeasureUpdate,
    async (c) => {
      const m = measures.get(c.measureId)!;
      const after = ranOut(m) ? `（期限已于${chinaTime(m.view.dueAt!)}届满，依法解除）` : '';
      m.view.decision = c.decision;
      m.version++;
      return update(m, { key: `measure-decided:${c.measureId}`, actor: c.by, action: 'measure_decided', summary: `${MEASURE_LABELS[m.cmd.kind]}作出处理决定${after}：${c.content}`, legalBasis: m.cmd.legalBasis });
    },
    {
      validator: (c) => {
        const m = need(c.measureId);
        // 行政强制法 28: once the period has run out the measure can only be lifted.
        if (ranOut(m) && c.decision !== 'release') throw refuse('MEASURE_NOT_RUNNING', `期限已于${chinaTime(m.view.dueAt!)}届满，应当解除${MEASURE_LABELS[m.cmd.kind]}，不能作出其他处理决定`);
      },
    },
  );

  // Settled once every measure has its handling decision (an expired one still needs its lifting recorded).
  return { settled: () => [...measures.values()].every((m) => m.view.status === 'decided') };

  /**
   * Recomputes the due time and status, and writes them with the line that says why (its text
   * marks an estimated due time). `moved` is the line for a year's schedule that arrived, if any.
   */
  async function update(m: Measure, entry?: Omit<RecordEntryInput, 'caseId'>, moved?: (before?: DueTime) => Omit<RecordEntryInput, 'caseId'> | undefined): Promise<MeasureView> {
    const { period: base, extension } = m.cmd;
    const before = dueOf(m.view);
    if (base && extension) {
      const period = m.view.extended ? { amount: base.amount + extension.amount, unit: base.unit } : base;
      const due = board.dueFor({ from: new Date(m.cmd.takenAt), period }, m.view.pauses.map((p) => ({ from: p.from, to: p.to })));
      Object.assign(m.view, { dueAt: due.due, lastDay: due.lastDay ?? null, complete: due.complete, missingYears: due.missingYears });
    }
    m.view.status = statusOf(m);
    m.version++;
    const at = new Date().toISOString();
    const estimate = m.view.dueAt && !m.view.complete ? `，期限至${chinaTime(m.view.dueAt)}${estimateMark(m.view)}` : '';
    const line = entry ? { ...entry, summary: entry.summary + estimate, details: { measureId: m.view.id, dueAt: m.view.dueAt, lastDay: m.view.lastDay, complete: m.view.complete, missingYears: m.view.missingYears } } : moved?.(before);
    await projectMeasure({ measure: { ...m.view, pauses: m.view.pauses.map((p) => ({ ...p })) }, at, entry: line });
    return { ...m.view };
  }

  async function watch(m: Measure): Promise<void> {
    for (;;) {
      const seen = { version: m.version, calendar: board.clockVersion, schedules: board.calendarNow };
      const changed = () => m.version !== seen.version || board.clockVersion !== seen.calendar || m.view.decision !== null;
      const wait = m.view.dueAt === null ? undefined : Math.max(Date.parse(m.view.dueAt) - Date.now(), 0);
      // condition() without a timeout resolves to undefined: a paused clock only ever wakes by a change.
      const woke = wait === undefined ? (await condition(changed), true) : await condition(changed, wait);
      if (m.view.decision !== null) return;
      if (woke) {
        if (board.clockVersion !== seen.calendar) await update(m, undefined, board.calendarNow !== seen.schedules ? measureMovedLine(board, m.cmd, m.view) : undefined);
        continue;
      }
      await expire(m);
      return;
    }
  }

  /** 行政强制法 28: no decision within the period → the measure must be lifted and the property returned. */
  async function expire(m: Measure): Promise<void> {
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
  async function askApproval(m: Measure, taskId: string): Promise<void> {
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
      await update(m, {
        key: `measure-decided:${m.view.id}`,
        actor: answer.by,
        action: 'measure_decided',
        summary: `负责人不批准当场实施的${label}：应当立即解除，退还财物`,
        legalBasis: rule.legalBasis,
      });
    }
    board.idle();
  }

  async function askExtension(m: Measure, taskId: string): Promise<void> {
    const answer = await board.ask({ id: taskId, kind: 'measure_extension', role: 'chief', legalBasis: m.cmd.extensionBasis! });
    m.extensionAsked = answer.decision === 'approve';
    if (answer.decision === 'approve') {
      m.view.extended = true;
      await update(m, { key: `measure-extended:${m.view.id}`, actor: answer.by, action: 'measure_extended', summary: `经负责人批准，${MEASURE_LABELS[m.cmd.kind]}期限延长`, legalBasis: m.cmd.extensionBasis! });
    } else {
      await update(m);
    }
    board.idle();
  }

  /** 行政强制法 20(一): the family told on the spot or at once, and how. */
  function told(cmd: TakeMeasureCommand): string {
    const n = cmd.familyNotified;
    return n ? `；已于${n.at}以${n.method}告知${n.recipient}` : '';
  }

  function statusOf(m: Measure): MeasureView['status'] {
    if (m.view.decision) return 'decided';
    if (m.view.status === 'expired') return 'expired';
    if (m.view.pauses.some((p) => !p.to)) return 'paused';
    if (m.extensionAsked && !m.view.extended) return 'extension_requested';
    return 'active';
  }

  function lastResumeOrStart(m: Measure): Step {
    const resumed = m.view.pauses.at(-1)?.to;
    return resumed ? { label: '上次恢复计算', at: resumed } : { label: `${MEASURE_LABELS[m.cmd.kind]}实施`, at: m.cmd.takenAt };
  }

  /**
   * The period has run out: escalated already, or (a measure entered late, or a timer not yet fired)
   * its due time is behind the workflow's clock (deterministic: the workflow's own time).
   */
  function ranOut(m: Measure): boolean {
    return m.view.status === 'expired' || (m.view.dueAt !== null && m.view.decision === null && Date.parse(m.view.dueAt) <= Date.now());
  }

  /** A timed measure whose clock still runs: an expired one takes no pause or resumption (行政强制法 28). */
  function running(id: string): Measure {
    const m = timed(id);
    if (ranOut(m)) throw refuse('MEASURE_NOT_RUNNING', `${MEASURE_LABELS[m.cmd.kind]}期限已于${chinaTime(m.view.dueAt!)}届满，不再计算期限：不能中止或恢复计算，应当立即解除`);
    return m;
  }
}
