import { uuid4 } from '@temporalio/workflow';
import { activities } from '../activities';
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
} from '#libs/messages/investigation';
import { CaseState } from '#libs/messages/tasks';
import { TaskBoard } from '../tasks/board';
import { chinaTime } from '../tasks/deadline-text';
import { DueTime, estimateMark } from '#libs/domain/deadlines';
import { dueOf } from './measure-moves';
import { askApproval, askExtension, watchMeasure } from './measure-watch';
import { notBefore } from '../tasks/event-time';
import type { Step } from '#libs/domain/event-time';
import { UpdateArg } from '../tasks/update-arg';
import { refuse } from '../refuse';

const { projectMeasure } = activities;

export interface Measure {
  cmd: TakeMeasureCommand;
  view: MeasureView;
  /** Bumped on every change that can move the due time. */
  version: number;
  extensionAsked: boolean;
}

type Entry = Omit<RecordEntryInput, 'caseId'>;

/**
 * 查封、扣押、冻结 of one case (行政强制法 25, 27, 28, 32). Each measure's period runs from when it
 * was taken; testing or appraisal time stops the clock (pause/resume); the chief may extend it
 * once; at expiry without a decision the system escalates and demands release (measure-watch.ts).
 */
export class CoerciveMeasures {
  private readonly measures = new Map<string, Measure>();

  constructor(
    readonly input: InvestigationInput,
    readonly board: TaskBoard,
    readonly state: CaseState,
  ) {}

  /** Settled once every measure has its handling decision (an expired one still needs its lifting recorded). */
  settled(): boolean {
    return [...this.measures.values()].every((m) => m.view.status === 'decided');
  }

  async take(cmd: TakeMeasureCommand): Promise<MeasureView> {
    const { input, measures } = this;
    const known = measures.get(cmd.measureId);
    if (known) return known.view; // the same measure sent again
    const m: Measure = {
      cmd,
      version: 0,
      extensionAsked: false,
      view: {
        id: cmd.measureId,
        caseId: input.caseId,
        kind: cmd.kind,
        object: cmd.object,
        takenAt: cmd.takenAt,
        dueAt: null,
        lastDay: null,
        complete: true,
        missingYears: [],
        status: 'active',
        extended: false,
        pauses: [],
        decision: null,
        recordId: cmd.recordId,
        familyNotified: cmd.familyNotified ?? null,
      },
    };
    measures.set(cmd.measureId, m);
    try {
      await this.update(m, {
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
    void watchMeasure(this, m);
    if (cmd.emergency) {
      const taskId = uuid4();
      void askApproval(this, m, taskId);
      await this.board.opened(taskId);
    }
    return m.view;
  }

  validatePause(c: UpdateArg<typeof pauseMeasureUpdate>): void {
    const m = this.running(c.measureId);
    if (m.view.pauses.some((p) => !p.to)) throw refuse('MEASURE_ALREADY_PAUSED');
    notBefore('at', '中止计算时间', c.at, lastResumeOrStart(m));
  }

  async pause(c: UpdateArg<typeof pauseMeasureUpdate>): Promise<MeasureView> {
    const m = this.measures.get(c.measureId)!;
    m.view.pauses.push({ from: c.at, reason: c.reason });
    return this.update(m, {
      key: `measure-pause:${c.measureId}:${m.view.pauses.length}`,
      actor: c.by,
      action: 'measure_paused',
      summary: `${MEASURE_LABELS[m.cmd.kind]}期限中止计算：${c.reason}`,
      legalBasis: m.cmd.legalBasis,
    });
  }

  validateResume(c: UpdateArg<typeof resumeMeasureUpdate>): void {
    const open = this.running(c.measureId).view.pauses.find((p) => !p.to);
    if (!open) throw refuse('MEASURE_NOT_PAUSED');
    notBefore('at', '恢复计算时间', c.at, { label: '中止计算', at: open.from });
  }

  async resume(c: UpdateArg<typeof resumeMeasureUpdate>): Promise<MeasureView> {
    const m = this.measures.get(c.measureId)!;
    const open = m.view.pauses.find((p) => !p.to)!;
    open.to = c.at;
    return this.update(m, {
      key: `measure-resume:${c.measureId}:${m.view.pauses.length}`,
      actor: c.by,
      action: 'measure_resumed',
      summary: `${MEASURE_LABELS[m.cmd.kind]}期限恢复计算`,
      legalBasis: m.cmd.legalBasis,
    });
  }

  validateExtension(c: UpdateArg<typeof requestExtensionUpdate>): void {
    const m = this.timed(c.measureId);
    if (m.extensionAsked || m.view.extended) throw refuse('MEASURE_EXTENSION_USED');
    if (ranOut(m)) throw refuse('MEASURE_EXPIRED', `期限已于${chinaTime(m.view.dueAt!)}届满，不能再延长`);
  }

  async requestExtension(c: UpdateArg<typeof requestExtensionUpdate>): Promise<MeasureView> {
    const m = this.measures.get(c.measureId)!;
    m.extensionAsked = true;
    const taskId = uuid4();
    void askExtension(this, m, taskId);
    await this.board.opened(taskId);
    return this.update(m);
  }

  validateDecision(c: UpdateArg<typeof decideMeasureUpdate>): void {
    const m = this.need(c.measureId);
    // 行政强制法 28: once the period has run out the measure can only be lifted.
    if (ranOut(m) && c.decision !== 'release')
      throw refuse(
        'MEASURE_NOT_RUNNING',
        `期限已于${chinaTime(m.view.dueAt!)}届满，应当解除${MEASURE_LABELS[m.cmd.kind]}，不能作出其他处理决定`,
      );
  }

  async decide(c: UpdateArg<typeof decideMeasureUpdate>): Promise<MeasureView> {
    const m = this.measures.get(c.measureId)!;
    const after = ranOut(m) ? `（期限已于${chinaTime(m.view.dueAt!)}届满，依法解除）` : '';
    m.view.decision = c.decision;
    m.version++;
    return this.update(m, {
      key: `measure-decided:${c.measureId}`,
      actor: c.by,
      action: 'measure_decided',
      summary: `${MEASURE_LABELS[m.cmd.kind]}作出处理决定${after}：${c.content}`,
      legalBasis: m.cmd.legalBasis,
    });
  }

  /**
   * Recomputes the due time and status, and writes them with the line that says why (its text
   * marks an estimated due time). `moved` is the line for a year's schedule that arrived, if any.
   */
  async update(m: Measure, entry?: Entry, moved?: (before?: DueTime) => Entry | undefined): Promise<MeasureView> {
    const { period: base, extension } = m.cmd;
    const before = dueOf(m.view);
    if (base && extension) {
      const period = m.view.extended ? { amount: base.amount + extension.amount, unit: base.unit } : base;
      const due = this.board.deadlines.dueFor(
        { from: new Date(m.cmd.takenAt), period },
        m.view.pauses.map((p) => ({ from: p.from, to: p.to })),
      );
      Object.assign(m.view, { dueAt: due.due, lastDay: due.lastDay ?? null, complete: due.complete, missingYears: due.missingYears });
    }
    m.view.status = statusOf(m);
    m.version++;
    const at = new Date().toISOString();
    const estimate = m.view.dueAt && !m.view.complete ? `，期限至${chinaTime(m.view.dueAt)}${estimateMark(m.view)}` : '';
    const line = entry
      ? {
          ...entry,
          summary: entry.summary + estimate,
          details: {
            measureId: m.view.id,
            dueAt: m.view.dueAt,
            lastDay: m.view.lastDay,
            complete: m.view.complete,
            missingYears: m.view.missingYears,
          },
        }
      : moved?.(before);
    await projectMeasure({ measure: { ...m.view, pauses: m.view.pauses.map((p) => ({ ...p })) }, at, entry: line });
    return { ...m.view };
  }

  private need(id: string): Measure {
    const m = this.measures.get(id);
    if (!m) throw refuse('MEASURE_NOT_FOUND');
    if (m.view.status === 'decided') throw refuse('MEASURE_CLOSED');
    return m;
  }

  private timed(id: string): Measure {
    const m = this.need(id);
    if (!m.cmd.period) throw refuse('MEASURE_NOT_TIMED');
    return m;
  }

  /** A timed measure whose clock still runs: an expired one takes no pause or resumption (行政强制法 28). */
  private running(id: string): Measure {
    const m = this.timed(id);
    if (ranOut(m))
      throw refuse(
        'MEASURE_NOT_RUNNING',
        `${MEASURE_LABELS[m.cmd.kind]}期限已于${chinaTime(m.view.dueAt!)}届满，不再计算期限：不能中止或恢复计算，应当立即解除`,
      );
    return m;
  }
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
