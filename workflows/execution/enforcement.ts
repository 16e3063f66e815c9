import { activities } from '../activities';
import { refuse } from '../refuse';
import { Period, describePeriod } from '#libs/calendar/period';
import { forbiddenEnforcementTime } from '#libs/domain/enforcement-time';
import {
  ExecutionInput,
  ExecutionView,
  applyToCourtUpdate,
  decideCompulsoryExecutionUpdate,
  recordCompulsoryResultUpdate,
  recordCourtResultUpdate,
} from '#libs/messages/execution';
import { chinaTime } from '../tasks/deadline-text';
import { notBefore } from '../tasks/event-time';
import { UpdateArg } from '../tasks/update-arg';
import { DemandNotice } from './demand-notice';
import { Execution } from './execution';

const { escalate } = activities;

/**
 * Enforcement once the 催告书 was served (demand-notice.ts): the court application, taken only
 * from 10 working days after service (and once the remedy periods ended) to 3 months after they
 * ended (行政强制法 53, 54), with reminders and an escalation before it closes; or, where a law
 * empowers the agency, its own compulsory execution decision (37, 43).
 */
export class Enforcement {
  constructor(
    private readonly input: ExecutionInput,
    private readonly ex: Execution,
    private readonly demand: DemandNotice,
  ) {}

  validateCourtApplication({ appliedAt }: UpdateArg<typeof applyToCourtUpdate>): void {
    const { view, rules } = this.ex;
    this.ex.open();
    if (view.court.appliedAt) throw refuse('COURT_ALREADY_APPLIED');
    this.demand.served();
    if (view.demandNotice!.statementsPending > 0) throw refuse('STATEMENT_NOT_REVIEWED');
    if (this.ex.pending()) throw refuse('REMEDY_PENDING');
    const at = Date.parse(appliedAt);
    if (at <= Date.parse(view.court.earliest!))
      throw refuse(
        'COURT_APPLICATION_TOO_EARLY',
        `催告书送达${describePeriod(rules.courtApplication.earliest.period)}后且复议、诉讼期限届满后方可申请：${chinaTime(view.court.earliest!)}之后`,
      );
    if (at > Date.parse(view.court.latest))
      throw refuse('COURT_APPLICATION_TOO_LATE', `申请强制执行的期限已于${chinaTime(view.court.latest)}届满`);
  }

  async applyToCourt({ appliedAt, court, by }: UpdateArg<typeof applyToCourtUpdate>): Promise<ExecutionView> {
    const { ex } = this;
    Object.assign(ex.view.court, { appliedAt, court });
    ex.view.state = 'applied_to_court';
    ex.changes++;
    await ex.project({
      key: 'court-application',
      actor: by,
      action: 'court_application_filed',
      summary: `于${chinaTime(appliedAt)}向${court}申请强制执行`,
      legalBasis: ex.basis(ex.rules.courtApplication.window.source),
    });
    return ex.snapshot();
  }

  validateCourtResult({ at }: UpdateArg<typeof recordCourtResultUpdate>): void {
    const { view } = this.ex;
    if (!view.court.appliedAt) throw refuse('COURT_NOT_APPLIED');
    if (view.court.result) throw refuse('COURT_RESULT_RECORDED');
    notBefore('at', '时间', at, { label: '申请人民法院强制执行', at: view.court.appliedAt });
  }

  async recordCourtResult({ ruling, content, at, by }: UpdateArg<typeof recordCourtResultUpdate>): Promise<ExecutionView> {
    const { ex } = this;
    ex.view.court.result = { ruling, content, at };
    ex.changes++;
    await ex.project({
      key: 'court-result',
      actor: by,
      action: 'court_result_recorded',
      summary: `人民法院${ruling === 'enforce' ? '裁定准予强制执行' : '裁定不予强制执行'}（${chinaTime(at)}）：${content}`,
    });
    return ex.snapshot();
  }

  validateCompulsoryDecision({ decidedAt, scheduledAt, urgentReason }: UpdateArg<typeof decideCompulsoryExecutionUpdate>): void {
    const { view, rules } = this.ex;
    this.ex.open();
    if (!rules.demandNotice.before.includes('compulsory_execution_decision')) {
      throw refuse('COMPULSORY_EXECUTION_NOT_EMPOWERED');
    }
    if (view.compulsory) throw refuse('COMPULSORY_EXECUTION_DECIDED');
    if (view.court.appliedAt) throw refuse('COURT_ALREADY_APPLIED');
    this.demand.served();
    if (view.demandNotice!.statementsPending > 0) throw refuse('STATEMENT_NOT_REVIEWED');
    // 行政强制法 37: decided once the 催告书 was served and the party was heard.
    notBefore('decidedAt', '决定时间', decidedAt, this.demand.servedStep());
    const forbidden = forbiddenEnforcementTime(
      rules.noNightOrHolidayEnforcement,
      this.ex.board.deadlines.calendarNow,
      new Date(scheduledAt),
    );
    if (forbidden && !urgentReason)
      throw refuse('ENFORCEMENT_TIME_FORBIDDEN', `${forbidden}，不得实施行政强制执行；情况紧急的，须说明理由`);
  }

  async decideCompulsory({
    decidedAt,
    scheduledAt,
    measure,
    urgentReason,
    by,
  }: UpdateArg<typeof decideCompulsoryExecutionUpdate>): Promise<ExecutionView> {
    const { ex } = this;
    ex.view.compulsory = { decidedAt, scheduledAt, measure, urgentReason: urgentReason ?? null, result: null };
    ex.changes++;
    const urgent = urgentReason ? `（情况紧急：${urgentReason}）` : '';
    await ex.project({
      key: 'compulsory-decided',
      actor: by,
      action: 'compulsory_execution_decided',
      summary: `${by.name}作出强制执行决定（${chinaTime(decidedAt)}）：${measure}，定于${chinaTime(scheduledAt)}实施${urgent}`,
      legalBasis: ex.basis(ex.rules.noNightOrHolidayEnforcement.source),
    });
    return ex.snapshot();
  }

  validateCompulsoryResult({ at }: UpdateArg<typeof recordCompulsoryResultUpdate>): void {
    const { view } = this.ex;
    if (!view.compulsory) throw refuse('COMPULSORY_EXECUTION_NOT_DECIDED');
    if (view.compulsory.result) throw refuse('COMPULSORY_RESULT_RECORDED');
    notBefore('at', '实施完毕时间', at, { label: '强制执行决定', at: view.compulsory.decidedAt });
  }

  async recordCompulsoryResult({ content, at, by }: UpdateArg<typeof recordCompulsoryResultUpdate>): Promise<ExecutionView> {
    const { ex } = this;
    ex.view.compulsory!.result = { content, at };
    ex.changes++;
    await ex.project({
      key: 'compulsory-done',
      actor: by,
      action: 'compulsory_execution_done',
      summary: `强制执行已实施（${chinaTime(at)}）：${content}`,
    });
    return ex.snapshot();
  }

  /** Before the court window closes: a reminder, and at the last one an escalation (about to be missed). */
  async windowClosing(p: Period, last: boolean): Promise<void> {
    const { view, rules } = this.ex;
    const { input } = this;
    const summary = `距申请人民法院强制执行的期限届满还有${describePeriod(p)}（${chinaTime(view.court.latest)}）`;
    const legalBasis = this.ex.basis(rules.courtApplication.window.source);
    if (!last) {
      await this.demand.note(`court-window:${p.amount}`, null, 'deadline_warning', summary, legalBasis);
      return;
    }
    await escalate({
      id: `${input.caseId}:court-window`,
      caseId: input.caseId,
      agencyId: input.agencyId,
      kind: 'court_application_due',
      dueAt: view.court.latest,
      at: new Date().toISOString(),
      mustAct: [{ role: 'officer', userId: input.handlingOfficerId }, { role: 'unit_head' }, { role: 'chief' }],
      legalBasis,
      summary: `${summary}，尚未申请：逾期将丧失申请强制执行的机会`,
    });
  }
}
