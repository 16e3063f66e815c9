import { condition, patched, setHandler } from '@temporalio/workflow';
import { activities } from '../activities';
import { LegalCalendar } from '#libs/calendar/calendar';
import { chinaDate, chinaDayStart } from '#libs/calendar/dates';
import { DueResult, Pause, Period, PeriodRules, PeriodStart, chainedStart, computeDue } from '#libs/calendar/period';
import { YearSchedule } from '#libs/calendar/schedule';
import { TASK_SPECS, TaskRef } from '#libs/domain/tasks';
import { CaseClock, RUNNING_CLOCK } from '#libs/domain/case-operations';
import { calendarUpdatedSignal } from '#libs/messages/calendar';
import { caseClockSignal } from '#libs/messages/case-operations';
import { StageInput } from '#libs/messages/stage';
import { chinaTime, describeRecomputation } from './deadline-text';

const { rescheduleTask } = activities;

/** A legal deadline on a task: a period from the profile counted from `from` on the case's calendar. */
export interface Deadline {
  /** An instant, or a China date for an event the law places on a day (see PeriodStart). */
  from: PeriodStart;
  period: Period;
  /** Runs once when the deadline passes with the task still open; the task stays open afterwards. */
  onOverdue: (task: TaskRef) => Promise<void>;
  /** Runs once at the start of the period's last day (China time), if the task is still open then. */
  onLastDay?: (task: TaskRef) => Promise<void>;
}

/**
 * The deadlines of one case workflow: the working-day calendar it holds (a year's schedule may
 * arrive by signal) and the case clock (中止 spans, by signal). Computes due times on them, and
 * waits for a task's deadline or any other period, moving the timer whenever either changes.
 */
export class DeadlineWatch {
  private calendar: LegalCalendar;
  private schedules: YearSchedule[];
  /** The schedule that arrived last, and how many have arrived. */
  private arrivals = 0;
  private arrived?: YearSchedule;
  /** The case clock (中止 spans) and how often it changed: every deadline here counts without the pauses. */
  private clock: CaseClock;
  private clockChanges = 0;
  /** How pauses meet the roll; cases started before the patch keep the order they were computed with. */
  private readonly periodRules: PeriodRules;

  constructor(input: StageInput) {
    this.schedules = input.calendar;
    this.calendar = new LegalCalendar(input.calendar);
    this.clock = input.caseClock ?? RUNNING_CLOCK;
    this.periodRules = { mode: patched('period-pauses-then-roll') ? 'legal' : 'legacy' };
    setHandler(caseClockSignal, (next) => {
      this.clock = next;
      this.clockChanges++;
    });
    setHandler(calendarUpdatedSignal, (schedule) => {
      this.schedules = [...this.schedules.filter((s) => s.year !== schedule.year), schedule];
      this.calendar = new LegalCalendar(this.schedules);
      this.arrived = schedule;
      this.arrivals++;
    });
  }

  /**
   * Waits for the task or its deadline, moving the timer whenever a schedule changes the due time.
   * `overdue` runs right after the deadline's own `onOverdue` (nothing awaited in between).
   */
  async watchTask(ref: TaskRef, deadline: Deadline, done: () => boolean, overdue: () => void): Promise<void> {
    let warned = !deadline.onLastDay;
    for (;;) {
      const seen = { arrivals: this.arrivals, clock: this.clockChanges };
      const changed = () => done() || this.arrivals !== seen.arrivals || this.clockChanges !== seen.clock;
      if (!ref.dueAt) {
        // The case is suspended: the clock stands still until it resumes.
        await condition(changed);
        if (done()) return;
        await this.recompute(ref, deadline, this.clockChanges !== seen.clock);
        continue;
      }
      const due = Date.parse(ref.dueAt);
      const lastDayStarts = chinaDayStart(chinaDate(new Date(due - 1))).getTime();
      const warnNow = !warned && lastDayStarts > Date.now();
      const wait = Math.max((warnNow ? lastDayStarts : due) - Date.now(), 0);
      const woke = await condition(changed, wait);
      if (done()) return;
      if (!woke && warnNow) {
        warned = true;
        await deadline.onLastDay!(ref);
        continue;
      }
      if (!woke) {
        await deadline.onOverdue(ref);
        overdue();
        return;
      }
      if (!ref.dueComplete || this.clockChanges !== seen.clock) await this.recompute(ref, deadline, this.clockChanges !== seen.clock);
    }
  }

  /** Moves the task's due time after a year's schedule arrived or, when `clockMoved`, the case clock changed. */
  private async recompute(ref: TaskRef, deadline: Deadline, clockMoved: boolean): Promise<void> {
    const next = this.dueFor(deadline);
    const before = { dueAt: ref.dueAt!, complete: ref.dueComplete ?? true };
    if (next.due === (ref.dueAt ?? null) && next.complete === before.complete) return;
    Object.assign(ref, { dueAt: next.due ?? undefined, dueComplete: next.complete, dueMissingYears: next.missingYears });
    if (clockMoved) return this.clockMoved(ref, before.dueAt);
    await rescheduleTask({
      task: ref,
      at: new Date().toISOString(),
      entry: {
        key: `recomputed:${ref.id}:${this.arrivals}`,
        actor: null,
        action: 'deadline_recomputed',
        summary: describeRecomputation(TASK_SPECS[ref.kind].label, before, next, this.arrived!),
        legalBasis: `${this.arrived!.source.title}（${this.arrived!.source.documentNumber}）`,
        details: { taskId: ref.id, before, after: { dueAt: next.due, complete: next.complete }, year: this.arrived!.year },
      },
    });
  }

  /** A suspension stopped the task's clock (no due time), or a resumption restarted it later. */
  private async clockMoved(ref: TaskRef, before: string | undefined): Promise<void> {
    const label = TASK_SPECS[ref.kind].label;
    await rescheduleTask({
      task: ref,
      at: new Date().toISOString(),
      entry: {
        key: `clock:${ref.id}:${this.clockChanges}`,
        actor: null,
        action: ref.dueAt ? 'deadline_resumed' : 'deadline_paused',
        summary: ref.dueAt ? `案件恢复办理，「${label}」的期限顺延至${chinaTime(ref.dueAt)}` : `案件中止办理，「${label}」的期限暂停计算`,
        details: { taskId: ref.id, before: before ?? null, after: ref.dueAt ?? null },
      },
    });
  }

  /** A deadline on the calendar the workflow holds now, less the case's suspensions and any other paused spans. */
  dueFor(d: Pick<Deadline, 'from' | 'period'>, pauses: Pause[] = []): DueResult {
    return computeDue(this.calendar, d.from, d.period, [...pauses, ...this.clock.pauses], this.periodRules);
  }

  /**
   * A period the case's suspension does not stop — the party's own (payment, remedies, statement
   * windows) or a legal fact (deemed service) — on the calendar the workflow holds now.
   */
  partyDueFor(d: Pick<Deadline, 'from' | 'period'>): DueResult {
    return computeDue(this.calendar, d.from, d.period, [], this.periodRules);
  }

  /**
   * What a period that follows `earlier` counts from ("自期限届满之日起", a document deemed served
   * "于 D 24:00"): the last day D as a date, so counting begins D+1 (民法典 201). Cases from before
   * the patch counted from the 24:00 instant, one day later. Null while a pause stops `earlier`.
   */
  chainFrom(earlier: DueResult): PeriodStart | null {
    return this.periodRules.mode === 'legal' ? chainedStart(earlier) : earlier.due;
  }

  /**
   * Waits until the period runs out on the case clock, or `done()`: true when done first. The due
   * time moves with year schedules and suspensions (`moved` hears each one; null while suspended).
   */
  async until(d: Pick<Deadline, 'from' | 'period'>, done: () => boolean, moved: (due: string | null) => void = () => {}): Promise<boolean> {
    for (;;) {
      const seen = this.clockVersion;
      const due = this.dueFor(d).due;
      moved(due);
      const changed = () => done() || this.clockVersion !== seen;
      if (due === null) await condition(changed);
      else if (!(await condition(changed, Math.max(Date.parse(due) - Date.now(), 0)))) return false;
      if (done()) return true;
    }
  }

  /** Why the case's clock stands still now, if it does. */
  get suspended(): CaseClock['suspended'] {
    return this.clock.suspended;
  }

  /** The schedules known now (as pinned, plus any that arrived since): what the next stage's calendar starts from. */
  get schedulesNow(): YearSchedule[] {
    return [...this.schedules];
  }

  /** The case clock for the next stage, while it holds any pause. */
  get clockToCarry(): CaseClock | undefined {
    return this.clock.pauses.length ? this.clock : undefined;
  }

  /** The year's schedule that arrived last by signal, if any. */
  get lastArrived(): YearSchedule | undefined {
    return this.arrived;
  }

  /** The working-day calendar the workflow holds now (as pinned, plus any that arrived since). */
  get calendarNow(): LegalCalendar {
    return this.calendar;
  }

  /** Changes whenever a year's schedule arrives or the case clock stops or restarts: deadlines kept outside tasks recompute then. */
  get clockVersion(): number {
    return this.arrivals + this.clockChanges;
  }
}
