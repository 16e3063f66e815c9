import { setHandler, uuid4 } from '@temporalio/workflow';
import { activities } from '../activities';
import { chinaDate } from '#libs/calendar/dates';
import { describePeriod } from '#libs/calendar/period';
import { Actor } from '#libs/domain/roles';
import { SERVICE_METHOD_LABELS } from '#libs/domain/service';
import { ServiceResult, servedFrom, workflowIdForService } from '#libs/messages/service';
import { serveThrough } from '../service/served';
import {
  DecisionInput,
  NoticeView,
  hearingReportUpdate,
  noticeQuery,
  recordHearingUpdate,
  scheduleHearingUpdate,
  recordNoticeServedUpdate,
  recordStatementUpdate,
  requestHearingUpdate,
  waiveUpdate,
} from '#libs/messages/decision';
import { cite } from '#libs/profiles/cite';
import { TaskBoard } from '../tasks/board';
import { chinaTime } from '../tasks/deadline-text';
import { dueTime, estimateMark } from '#libs/domain/deadlines';
import { noticeWindows } from './notice-windows';
import { notBefore } from '../tasks/event-time';
import { refuse } from '../refuse';

const { noteRecord } = activities;

const WAIVED = { statement: '陈述、申辩', hearing: '听证', both: '陈述、申辩和听证' } as const;

/**
 * 告知 before the decision (行政处罚法 44, 45, 62–64): once the notice is served, the statement and
 * defence window and the hearing-request window run (profile periods, working days); a statement
 * received must be reviewed; a hearing asked after its window is refused. `check` refuses a penalty
 * until the windows close or the party waives them in writing, and every statement was reviewed.
 */
export function handleNotice(input: DecisionInput, board: TaskBoard) {
  const rules = input.profile.decision.preDecisionNotice;
  const basis = (s: Parameters<typeof cite>[1]) => cite(input.profile.regulationTitle, s);
  const view: NoticeView = {
    servedAt: null, serviceId: null, rights: [], statementDueAt: null, hearingRequestDueAt: null, waived: { statement: false, hearing: false },
    hearingRequested: false, hearing: null, statementsPending: 0, decided: false,
  };
  type NoteAction = 'notice_served' | 'statement_received' | 'waiver_filed' | 'hearing_requested' | 'hearing_scheduled' | 'hearing_held' | 'hearing_reported';
  const note = (key: string, by: Actor | null, action: NoteAction, summary: string, legalBasis: string, details?: Record<string, unknown>) =>
    noteRecord({ caseId: input.caseId, at: new Date().toISOString(), entry: { key, actor: by, action, summary, legalBasis, ...(details && { details }) } });
  const served = () => {
    if (view.decided) throw refuse('DECISION_ALREADY_ISSUED');
    if (!view.servedAt) throw refuse('NOTICE_NOT_SERVED');
  };
  /** When service counts from: a deemed service's day (servedFrom), so an answer that day is not "before" it. */
  let servedOn: string | null = null;
  /** The party answers a notice it has received: not before its service (行政处罚法 44, 45, 63). */
  const afterNotice = (field: string, label: string, at: string) => notBefore(field, label, at, { label: '行政处罚事先告知书送达', at: servedOn ?? view.servedAt! });

  const snapshot = (): NoticeView => ({ ...view, waived: { ...view.waived }, hearing: view.hearing && { ...view.hearing } });
  setHandler(noticeQuery, snapshot);
  handleHearing();

  setHandler(
    recordNoticeServedUpdate,
    async (issue) => {
      view.rights = issue.rights;
      if ('servedAt' in issue) await startWindows({ servedAt: issue.servedAt }, issue.method, issue.by);
      else {
        view.serviceId = uuid4();
        void serve(issue.serve, issue.by);
      }
      return snapshot();
    },
    {
      validator: (_request: unknown) => {
        if (view.decided) throw refuse('DECISION_ALREADY_ISSUED');
        if (view.servedAt || view.serviceId) throw refuse('NOTICE_ALREADY_SERVED');
      },
    },
  );

  setHandler(
    recordStatementUpdate,
    async ({ receivedAt, content, by }) => {
      view.statementsPending++;
      await note(`statement:${receivedAt}`, by, 'statement_received', `收到当事人陈述、申辩（${chinaTime(receivedAt)}）：${content}`, basis(rules.statementWindow.source));
      const taskId = uuid4();
      void review(taskId);
      await board.opened(taskId);
      return { ...view };
    },
    {
      validator: ({ receivedAt }) => {
        served();
        afterNotice('receivedAt', '收到时间', receivedAt);
      },
    },
  );

  setHandler(
    waiveUpdate,
    async (w) => {
      if (w.scope !== 'hearing') view.waived.statement = true;
      if (w.scope !== 'statement') view.waived.hearing = true;
      await note(`waiver:${w.scope}`, w.by, 'waiver_filed', `当事人书面放弃${WAIVED[w.scope]}权利（${chinaTime(w.waivedAt)}）：${w.document}`, basis(rules.statementWindow.source));
      return { ...view };
    },
    {
      validator: ({ waivedAt }) => {
        served();
        afterNotice('waivedAt', '放弃时间', waivedAt);
      },
    },
  );

  setHandler(
    requestHearingUpdate,
    async ({ requestedAt, by }) => {
      view.hearingRequested = true;
      await note('hearing-requested', by, 'hearing_requested', `当事人于${chinaTime(requestedAt)}申请听证`, basis(rules.hearingRequest.source));
      return { ...view };
    },
    {
      validator: ({ requestedAt }) => {
        served();
        if (view.waived.hearing) throw refuse('HEARING_WAIVED');
        if (view.hearingRequested) throw refuse('HEARING_ALREADY_REQUESTED');
        afterNotice('requestedAt', '申请时间', requestedAt);
        if (Date.parse(requestedAt) > Date.parse(view.hearingRequestDueAt!)) {
          throw refuse('HEARING_REQUEST_LATE', `听证申请期限已于${chinaTime(view.hearingRequestDueAt!)}届满`);
        }
      },
    },
  );

  /** 行政处罚法 64: notice at least the profile's period before the hearing; record; report. */
  function handleHearing(): void {
    const rule = rules.hearingNotice;
    const hearing = () => {
      served();
      if (!view.hearingRequested) throw refuse('HEARING_NOT_REQUESTED');
      return view.hearing;
    };
    setHandler(
      scheduleHearingUpdate,
      async ({ notifiedAt, at, place, by }) => {
        view.hearing = { notifiedAt, at, place, heldAt: null, reported: false };
        await note('hearing-scheduled', by, 'hearing_scheduled', `已于${chinaTime(notifiedAt)}通知当事人：听证定于${chinaTime(at)}在${place}举行`, basis(rule.source));
        return { ...view };
      },
      {
        validator: ({ notifiedAt, at }) => {
          if (hearing()) throw refuse('HEARING_ALREADY_SCHEDULED');
          afterNotice('notifiedAt', '听证通知送达时间', notifiedAt);
          const notice = board.dueFor({ from: new Date(notifiedAt), period: rule.period });
          if (chinaDate(new Date(at)) <= notice.lastDay!) {
            throw refuse('HEARING_NOTICE_TOO_SHORT', `听证通知须在举行听证${describePeriod(rule.period)}前送达：本次通知的听证最早可定于${notice.lastDay}之后`);
          }
        },
      },
    );
    setHandler(
      recordHearingUpdate,
      async ({ heldAt, participants, record, by }) => {
        view.hearing!.heldAt = heldAt;
        await note('hearing-held', by, 'hearing_held', `听证于${chinaTime(heldAt)}举行（参加人员：${participants}）；听证笔录：${record}`, basis(rule.source));
        return { ...view };
      },
      {
        validator: ({ heldAt }) => {
          const h = hearing();
          if (!h) throw refuse('HEARING_NOT_SCHEDULED');
          if (h.heldAt) throw refuse('HEARING_ALREADY_HELD');
          if (chinaDate(new Date(heldAt)) < chinaDate(new Date(h.at))) throw refuse('HEARING_BEFORE_NOTICE_DATE');
        },
      },
    );
    setHandler(
      hearingReportUpdate,
      async ({ report, by }) => {
        view.hearing!.reported = true;
        await note('hearing-reported', by, 'hearing_reported', `听证报告：${report}`, basis(rule.source));
        return { ...view };
      },
      {
        validator: (_request: unknown) => {
          if (!hearing()?.heldAt) throw refuse('HEARING_NOT_HELD');
          if (view.hearing!.reported) throw refuse('HEARING_ALREADY_REPORTED');
        },
      },
    );
  }

  /** Served: the statement and hearing-request windows start from the date of service. */
  async function startWindows(served: Pick<ServiceResult, 'servedAt' | 'countsFrom'>, method: string, by: Actor | null): Promise<void> {
    const { servedAt } = served;
    const from = servedFrom(served);
    servedOn = from;
    const statement = dueTime(board.dueFor({ from, period: rules.statementWindow.period }));
    const hearing = dueTime(board.dueFor({ from, period: rules.hearingRequest.period }));
    const windows = noticeWindows(input, board, view, from);
    view.servedAt = servedAt;
    windows.start({ statement, hearing_request: hearing });
    void windows.watch();
    await note(
      'notice-served', by, 'notice_served',
      `行政处罚事先告知书已于${chinaTime(servedAt)}以${method}送达；陈述、申辩期限至${chinaTime(statement.dueAt)}${estimateMark(statement)}，听证申请期限至${chinaTime(hearing.dueAt)}${estimateMark(hearing)}`,
      basis(rules.statementWindow.source),
      { deadlines: view.deadlines },
    );
  }

  /** Issued now: served through the service workflow (a child), however long that takes. */
  async function serve(s: { recipient: string; documentNumber: string }, by: Actor): Promise<void> {
    const result = await serveThrough({
      workflowId: workflowIdForService(input.caseId, view.serviceId!),
      args: [
        {
          serviceId: view.serviceId!,
          caseId: input.caseId,
          agencyId: input.agencyId,
          document: { kind: 'pre_decision_notice', title: '行政处罚事先告知书', number: s.documentNumber, dated: { label: '告知书制作', at: new Date().toISOString() } },
          recipient: s.recipient,
          officerId: input.handlingOfficerId,
          profile: { regulationTitle: input.profile.regulationTitle, service: input.profile.service!, investigation: { audiovisual: input.profile.audiovisual! } },
          ...board.carried,
        },
      ],
    });
    await startWindows(result, SERVICE_METHOD_LABELS[result.method], by);
  }

  /** 行政处罚法 45: the statement is reviewed and whether it was adopted, with reasons, recorded. */
  async function review(taskId: string): Promise<void> {
    await board.ask({ id: taskId, kind: 'statement_review', role: 'officer', assigneeId: input.handlingOfficerId, legalBasis: basis(rules.statementWindow.source) });
    view.statementsPending--;
    board.idle();
  }

  return {
    decided: () => view.decided,
    markDecided: () => {
      view.decided = true;
    },
    /** 经过听证程序 (行政处罚法 58(二)): the hearing was held. */
    hearingHeld: () => !!view.hearing?.heldAt,
    /** Throws the refusal that keeps a penalty from being decided now, if any. */
    check: () => {
      served();
      const now = Date.now();
      if (!view.waived.statement && now <= Date.parse(view.statementDueAt!)) {
        throw refuse('STATEMENT_WINDOW_OPEN', `陈述、申辩期限至${chinaTime(view.statementDueAt!)}，期限届满或当事人书面放弃前不得作出决定`);
      }
      if (!view.waived.hearing && !view.hearingRequested && now <= Date.parse(view.hearingRequestDueAt!)) {
        throw refuse('HEARING_WINDOW_OPEN', `听证申请期限至${chinaTime(view.hearingRequestDueAt!)}，期限届满或当事人书面放弃前不得作出决定`);
      }
      if (view.hearingRequested && !view.hearing?.reported) throw refuse('HEARING_PENDING');
      if (view.statementsPending > 0) throw refuse('STATEMENT_NOT_REVIEWED');
    },
    view: () => snapshot(),
  };
}

export type Notice = ReturnType<typeof handleNotice>;
