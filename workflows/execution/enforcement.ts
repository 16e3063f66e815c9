import { setHandler, uuid4 } from '@temporalio/workflow';
import { activities } from '../activities';
import { DueResult, Period, describePeriod } from '#libs/calendar/period';
import { RecordEntryInput } from '#libs/domain/record';
import { Actor } from '#libs/domain/roles';
import { forbiddenEnforcementTime } from '#libs/domain/enforcement-time';
import {
  ExecutionInput, ExecutionView, applyToCourtUpdate, decideCompulsoryExecutionUpdate, draftDemandNoticeUpdate, recordCompulsoryResultUpdate,
  recordCourtResultUpdate, recordDemandStatementUpdate,
} from '#libs/messages/execution';
import { servedFrom, workflowIdForService } from '#libs/messages/service';
import { cite } from '#libs/profiles/cite';
import { serveThrough } from '../service/served';
import { TaskBoard } from '../tasks/board';
import { chinaTime } from '../tasks/deadline-text';
import { DueTime, dueTime, estimateMark } from '#libs/domain/deadlines';
import { notBefore } from '../tasks/event-time';
import { refuse } from '../refuse';

const { noteRecord, escalate } = activities;

interface Context {
  pending: () => boolean;
  open: () => void;
  project: (entry?: Omit<RecordEntryInput, 'caseId'>) => Promise<void>;
  snapshot: () => ExecutionView;
  changed: () => void;
}

/**
 * 催告 and the court (行政强制法 35–38, 53, 54): where the party has not paid, the officer drafts a
 * 催告书, the chief approves it, it is served (the service workflow); statements after it are
 * reviewed; the court application is taken only from 10 working days after service (and once the
 * remedy periods ended) to 3 months after they ended, with reminders and an escalation before it closes.
 */
export function handleEnforcement(input: ExecutionInput, board: TaskBoard, view: ExecutionView, ctx: Context) {
  const rules = input.profile.execution;
  const basis = (s: Parameters<typeof cite>[1]) => cite(input.profile.regulationTitle, s);
  const demandBasis = basis(rules.demandNotice.source);
  const note = (key: string, by: Actor | null, action: RecordEntryInput['action'], summary: string, legalBasis: string) =>
    noteRecord({ caseId: input.caseId, at: new Date().toISOString(), entry: { key, actor: by, action, summary, legalBasis } });
  const served = () => {
    if (!view.demandNotice?.servedAt) throw refuse('DEMAND_NOT_SERVED');
  };
  /** The 催告书's service as a step; a deemed service counts from its day (servedFrom). */
  let demandServedOn: string | null = null;
  const demandServed = () => ({ label: '催告书送达', at: demandServedOn ?? view.demandNotice!.servedAt! });

  setHandler(
    draftDemandNoticeUpdate,
    async ({ content, by }) => {
      view.demandNotice = { content, draftedAt: new Date().toISOString(), approved: false, serviceId: null, servedAt: null, statementsPending: 0 };
      ctx.changed();
      await ctx.project({ key: `demand-drafted:${view.demandNotice.draftedAt}`, actor: by, action: 'demand_notice_drafted', summary: `${by.name}制作催告书：${content}`, legalBasis: demandBasis });
      const taskId = uuid4();
      void approveAndServe(taskId);
      await board.opened(taskId);
      return ctx.snapshot();
    },
    {
      validator: (_request: unknown) => {
        ctx.open();
        if (view.state !== 'overdue') throw refuse('DEMAND_NOT_DUE');
        if (view.demandNotice) throw refuse('DEMAND_ALREADY_DRAFTED');
      },
    },
  );

  setHandler(
    recordDemandStatementUpdate,
    async ({ receivedAt, content, by }) => {
      view.demandNotice!.statementsPending++;
      await note(`demand-statement:${receivedAt}`, by, 'statement_received', `收到当事人对催告书的陈述、申辩（${chinaTime(receivedAt)}）：${content}`, basis(rules.demandNotice.source));
      const taskId = uuid4();
      void review(taskId);
      await board.opened(taskId);
      return ctx.snapshot();
    },
    {
      validator: ({ receivedAt }) => {
        ctx.open();
        served();
        notBefore('receivedAt', '收到时间', receivedAt, demandServed());
      },
    },
  );

  setHandler(
    applyToCourtUpdate,
    async ({ appliedAt, court, by }) => {
      Object.assign(view.court, { appliedAt, court });
      view.state = 'applied_to_court';
      ctx.changed();
      await ctx.project({ key: 'court-application', actor: by, action: 'court_application_filed', summary: `于${chinaTime(appliedAt)}向${court}申请强制执行`, legalBasis: basis(rules.courtApplication.window.source) });
      return ctx.snapshot();
    },
    {
      validator: ({ appliedAt }) => {
        ctx.open();
        if (view.court.appliedAt) throw refuse('COURT_ALREADY_APPLIED');
        served();
        if (view.demandNotice!.statementsPending > 0) throw refuse('STATEMENT_NOT_REVIEWED');
        if (ctx.pending()) throw refuse('REMEDY_PENDING');
        const at = Date.parse(appliedAt);
        if (at <= Date.parse(view.court.earliest!)) throw refuse('COURT_APPLICATION_TOO_EARLY', `催告书送达${describePeriod(rules.courtApplication.earliest.period)}后且复议、诉讼期限届满后方可申请：${chinaTime(view.court.earliest!)}之后`);
        if (at > Date.parse(view.court.latest)) throw refuse('COURT_APPLICATION_TOO_LATE', `申请强制执行的期限已于${chinaTime(view.court.latest)}届满`);
      },
    },
  );

  setHandler(
    recordCourtResultUpdate,
    async ({ ruling, content, at, by }) => {
      view.court.result = { ruling, content, at };
      ctx.changed();
      await ctx.project({ key: 'court-result', actor: by, action: 'court_result_recorded', summary: `人民法院${ruling === 'enforce' ? '裁定准予强制执行' : '裁定不予强制执行'}（${chinaTime(at)}）：${content}` });
      return ctx.snapshot();
    },
    {
      validator: ({ at }) => {
        if (!view.court.appliedAt) throw refuse('COURT_NOT_APPLIED');
        if (view.court.result) throw refuse('COURT_RESULT_RECORDED');
        notBefore('at', '时间', at, { label: '申请人民法院强制执行', at: view.court.appliedAt });
      },
    },
  );

  setHandler(
    decideCompulsoryExecutionUpdate,
    async ({ decidedAt, scheduledAt, measure, urgentReason, by }) => {
      view.compulsory = { decidedAt, scheduledAt, measure, urgentReason: urgentReason ?? null, result: null };
      ctx.changed();
      const urgent = urgentReason ? `（情况紧急：${urgentReason}）` : '';
      await ctx.project({ key: 'compulsory-decided', actor: by, action: 'compulsory_execution_decided', summary: `${by.name}作出强制执行决定（${chinaTime(decidedAt)}）：${measure}，定于${chinaTime(scheduledAt)}实施${urgent}`, legalBasis: basis(rules.noNightOrHolidayEnforcement.source) });
      return ctx.snapshot();
    },
    {
      validator: ({ decidedAt, scheduledAt, urgentReason }: { decidedAt: string; scheduledAt: string; urgentReason?: string }) => {
        ctx.open();
        if (!rules.demandNotice.before.includes('compulsory_execution_decision')) {
          throw refuse('COMPULSORY_EXECUTION_NOT_EMPOWERED');
        }
        if (view.compulsory) throw refuse('COMPULSORY_EXECUTION_DECIDED');
        if (view.court.appliedAt) throw refuse('COURT_ALREADY_APPLIED');
        served();
        if (view.demandNotice!.statementsPending > 0) throw refuse('STATEMENT_NOT_REVIEWED');
        // 行政强制法 37: decided once the 催告书 was served and the party was heard.
        notBefore('decidedAt', '决定时间', decidedAt, demandServed());
        const forbidden = forbiddenEnforcementTime(rules.noNightOrHolidayEnforcement, board.calendarNow, new Date(scheduledAt));
        if (forbidden && !urgentReason) throw refuse('ENFORCEMENT_TIME_FORBIDDEN', `${forbidden}，不得实施行政强制执行；情况紧急的，须说明理由`);
      },
    },
  );

  setHandler(
    recordCompulsoryResultUpdate,
    async ({ content, at, by }) => {
      view.compulsory!.result = { content, at };
      ctx.changed();
      await ctx.project({ key: 'compulsory-done', actor: by, action: 'compulsory_execution_done', summary: `强制执行已实施（${chinaTime(at)}）：${content}` });
      return ctx.snapshot();
    },
    {
      validator: ({ at }) => {
        if (!view.compulsory) throw refuse('COMPULSORY_EXECUTION_NOT_DECIDED');
        if (view.compulsory.result) throw refuse('COMPULSORY_RESULT_RECORDED');
        notBefore('at', '实施完毕时间', at, { label: '强制执行决定', at: view.compulsory.decidedAt });
      },
    },
  );

  /** The chief approves the 催告书; approved, it is served; once served the court window is known. */
  async function approveAndServe(taskId: string): Promise<void> {
    const answer = await board.ask({ id: taskId, kind: 'demand_notice_approval', role: 'chief', legalBasis: demandBasis });
    const d = view.demandNotice!;
    if (answer.decision !== 'approve') {
      view.demandNotice = null;
      ctx.changed();
      await ctx.project();
      board.idle();
      return;
    }
    d.approved = true;
    d.serviceId = uuid4();
    await ctx.project();
    board.idle();
    const result = await serveThrough({
      workflowId: workflowIdForService(input.caseId, d.serviceId),
      args: [
        {
          serviceId: d.serviceId,
          caseId: input.caseId,
          agencyId: input.agencyId,
          document: { kind: 'demand_notice', title: '催告书', number: `${input.decision.documentNumber}（催告）`, dated: { label: '催告书经负责人批准', at: answer.signedAt ?? answer.at } },
          recipient: input.recipient,
          officerId: input.handlingOfficerId,
          profile: { regulationTitle: input.profile.regulationTitle, service: input.profile.service, investigation: { audiovisual: input.profile.audiovisual } },
          ...board.carried,
        },
      ],
    });
    d.servedAt = result.servedAt;
    demandServedOn = servedFrom(result);
    const earliest = courtEarliest(view, board.dueFor({ from: servedFrom(result), period: rules.courtApplication.earliest.period }));
    view.court.earliest = earliest.dueAt;
    if (view.deadlines) view.deadlines.court_earliest = earliest;
    ctx.changed();
    await ctx.project({
      key: 'demand-served',
      actor: null,
      action: 'deadline_set',
      summary: `催告书已于${chinaTime(result.servedAt)}送达：当事人仍不履行的，可于${chinaTime(earliest.dueAt)}${estimateMark(earliest)}之后、${chinaTime(view.court.latest)}之前申请人民法院强制执行`,
      legalBasis: basis(rules.courtApplication.earliest.source),
      details: { deadlines: { court_earliest: earliest } },
    });
  }

  /** 行政强制法 36: the statement after the 催告书 is reviewed, adopted or not. */
  async function review(taskId: string): Promise<void> {
    await board.ask({ id: taskId, kind: 'statement_review', role: 'officer', assigneeId: input.handlingOfficerId, legalBasis: demandBasis });
    view.demandNotice!.statementsPending--;
    board.idle();
  }

  return {
    /** What the 10 days after the 催告书 count from (its day of service), once it is served. */
    demandServedOn: () => demandServedOn,

    /** Before the court window closes: a reminder, and at the last one an escalation (about to be missed). */
    async windowClosing(p: Period, last: boolean): Promise<void> {
      const summary = `距申请人民法院强制执行的期限届满还有${describePeriod(p)}（${chinaTime(view.court.latest)}）`;
      const legalBasis = basis(rules.courtApplication.window.source);
      if (!last) {
        await note(`court-window:${p.amount}`, null, 'deadline_warning', summary, legalBasis);
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
    },
  };
}

/**
 * 行政强制法 53, 54: the court may be asked once 10 days have passed since the 催告书 was served and
 * the remedy periods have ended, whichever is later; with its flag (the later one's).
 */
export function courtEarliest(view: ExecutionView, tenDays: DueResult): DueTime {
  const ten = dueTime(tenDays);
  if (Date.parse(ten.dueAt) > Date.parse(view.remediesEndedAt)) return ten;
  const remedy = [view.deadlines?.review, view.deadlines?.lawsuit].find((d) => d?.dueAt === view.remediesEndedAt);
  return { dueAt: view.remediesEndedAt, complete: remedy?.complete ?? true, missingYears: remedy?.missingYears ?? [] };
}
