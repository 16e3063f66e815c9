import { uuid4 } from '@temporalio/workflow';
import { activities } from '../activities';
import { Actor } from '#libs/domain/roles';
import { SERVICE_METHOD_LABELS } from '#libs/domain/service';
import { ServiceResult, servedFrom, workflowIdForService } from '#libs/messages/service';
import { serveThrough } from '../service/served';
import {
  DecisionInput,
  PreDecisionNoticeView,
  recordPreDecisionNoticeServedUpdate,
  recordStatementUpdate,
  requestHearingUpdate,
  waiveUpdate,
} from '#libs/messages/decision';
import { cite } from '#libs/profiles/cite';
import { TaskBoard } from '../tasks/board';
import { chinaTime } from '../tasks/deadline-text';
import { dueTime, estimateMark } from '#libs/domain/deadlines';
import { preDecisionWindows } from './pre-decision-windows';
import { notBefore } from '../tasks/event-time';
import { UpdateArg } from '../tasks/update-arg';
import { refuse } from '../refuse';

const { noteRecord } = activities;

const WAIVED = { statement: '陈述、申辩', hearing: '听证', both: '陈述、申辩和听证' } as const;
type NoteAction =
  'notice_served' | 'statement_received' | 'waiver_filed' | 'hearing_requested' | 'hearing_scheduled' | 'hearing_held' | 'hearing_reported';

/**
 * The pre-decision notice (事先告知, 行政处罚法 44, 45, 62–64): once it is served, the statement and
 * defence window and the hearing-request window run (profile periods, working days); a statement
 * received must be reviewed; a hearing asked after its window is refused. `check` refuses a penalty
 * until the windows close or the party waives them in writing, and every statement was reviewed.
 * The hearing itself is hearing.ts. (The wire names say "notice": `preDecisionNoticeQuery` is 'notice',
 * `recordPreDecisionNoticeServedUpdate` is 'recordNoticeServed' — both mean this notice.)
 */
export class PreDecisionNotice {
  readonly rules: DecisionInput['profile']['decision']['preDecisionNotice'];
  readonly view: PreDecisionNoticeView = {
    servedAt: null,
    serviceId: null,
    rights: [],
    statementDueAt: null,
    hearingRequestDueAt: null,
    waived: { statement: false, hearing: false },
    hearingRequested: false,
    hearing: null,
    statementsPending: 0,
    decided: false,
  };
  /** When service counts from: a deemed service's day (servedFrom), so an answer that day is not "before" it. */
  private servedOn: string | null = null;

  constructor(
    private readonly input: DecisionInput,
    private readonly board: TaskBoard,
  ) {
    this.rules = input.profile.decision.preDecisionNotice;
  }

  basis(s: Parameters<typeof cite>[1]): string {
    return cite(this.input.profile.regulationTitle, s);
  }

  note(key: string, by: Actor | null, action: NoteAction, summary: string, legalBasis: string, details?: Record<string, unknown>) {
    return noteRecord({
      caseId: this.input.caseId,
      at: new Date().toISOString(),
      entry: { key, actor: by, action, summary, legalBasis, ...(details && { details }) },
    });
  }

  /** Refuses what needs the notice served and the case not yet decided. */
  served(): void {
    if (this.view.decided) throw refuse('DECISION_ALREADY_ISSUED');
    if (!this.view.servedAt) throw refuse('NOTICE_NOT_SERVED');
  }

  /** The party answers a notice it has received: not before its service (行政处罚法 44, 45, 63). */
  afterNotice(field: string, label: string, at: string): void {
    notBefore(field, label, at, { label: '行政处罚事先告知书送达', at: this.servedOn ?? this.view.servedAt! });
  }

  snapshot(): PreDecisionNoticeView {
    const { view } = this;
    return { ...view, waived: { ...view.waived }, hearing: view.hearing && { ...view.hearing } };
  }

  validateServed(_request: unknown): void {
    if (this.view.decided) throw refuse('DECISION_ALREADY_ISSUED');
    if (this.view.servedAt || this.view.serviceId) throw refuse('NOTICE_ALREADY_SERVED');
  }

  /** Handed over already (its date recorded), or to be served now through the service workflow. */
  async recordServed(issue: UpdateArg<typeof recordPreDecisionNoticeServedUpdate>): Promise<PreDecisionNoticeView> {
    const { view } = this;
    view.rights = issue.rights;
    if ('servedAt' in issue) await this.startWindows({ servedAt: issue.servedAt }, issue.method, issue.by);
    else {
      view.serviceId = uuid4();
      void this.serve(issue.serve, issue.by);
    }
    return this.snapshot();
  }

  validateStatement({ receivedAt }: UpdateArg<typeof recordStatementUpdate>): void {
    this.served();
    this.afterNotice('receivedAt', '收到时间', receivedAt);
  }

  async recordStatement({ receivedAt, content, by }: UpdateArg<typeof recordStatementUpdate>): Promise<PreDecisionNoticeView> {
    const { view, rules } = this;
    view.statementsPending++;
    await this.note(
      `statement:${receivedAt}`,
      by,
      'statement_received',
      `收到当事人陈述、申辩（${chinaTime(receivedAt)}）：${content}`,
      this.basis(rules.statementWindow.source),
    );
    const taskId = uuid4();
    void this.reviewStatement(taskId);
    await this.board.opened(taskId);
    return { ...view };
  }

  validateWaiver({ waivedAt }: UpdateArg<typeof waiveUpdate>): void {
    this.served();
    this.afterNotice('waivedAt', '放弃时间', waivedAt);
  }

  async waive(w: UpdateArg<typeof waiveUpdate>): Promise<PreDecisionNoticeView> {
    const { view } = this;
    if (w.scope !== 'hearing') view.waived.statement = true;
    if (w.scope !== 'statement') view.waived.hearing = true;
    await this.note(
      `waiver:${w.scope}`,
      w.by,
      'waiver_filed',
      `当事人书面放弃${WAIVED[w.scope]}权利（${chinaTime(w.waivedAt)}）：${w.document}`,
      this.basis(this.rules.statementWindow.source),
    );
    return { ...view };
  }

  validateHearingRequest({ requestedAt }: UpdateArg<typeof requestHearingUpdate>): void {
    const { view } = this;
    this.served();
    if (view.waived.hearing) throw refuse('HEARING_WAIVED');
    if (view.hearingRequested) throw refuse('HEARING_ALREADY_REQUESTED');
    this.afterNotice('requestedAt', '申请时间', requestedAt);
    if (Date.parse(requestedAt) > Date.parse(view.hearingRequestDueAt!)) {
      throw refuse('HEARING_REQUEST_LATE', `听证申请期限已于${chinaTime(view.hearingRequestDueAt!)}届满`);
    }
  }

  async requestHearing({ requestedAt, by }: UpdateArg<typeof requestHearingUpdate>): Promise<PreDecisionNoticeView> {
    this.view.hearingRequested = true;
    await this.note(
      'hearing-requested',
      by,
      'hearing_requested',
      `当事人于${chinaTime(requestedAt)}申请听证`,
      this.basis(this.rules.hearingRequest.source),
    );
    return { ...this.view };
  }

  /** Served: the statement and hearing-request windows start from the date of service. */
  private async startWindows(served: Pick<ServiceResult, 'servedAt' | 'countsFrom'>, method: string, by: Actor | null): Promise<void> {
    const { view, rules, board } = this;
    const { servedAt } = served;
    const from = servedFrom(served);
    this.servedOn = from;
    const statement = dueTime(board.deadlines.dueFor({ from, period: rules.statementWindow.period }));
    const hearing = dueTime(board.deadlines.dueFor({ from, period: rules.hearingRequest.period }));
    const windows = preDecisionWindows(this.input, board, view, from);
    view.servedAt = servedAt;
    windows.start({ statement, hearing_request: hearing });
    void windows.watch();
    await this.note(
      'notice-served',
      by,
      'notice_served',
      `行政处罚事先告知书已于${chinaTime(servedAt)}以${method}送达；陈述、申辩期限至${chinaTime(statement.dueAt)}${estimateMark(statement)}，听证申请期限至${chinaTime(hearing.dueAt)}${estimateMark(hearing)}`,
      this.basis(rules.statementWindow.source),
      { deadlines: view.deadlines },
    );
  }

  /** Issued now: served through the service workflow (a child), however long that takes. */
  private async serve(s: { recipient: string; documentNumber: string }, by: Actor): Promise<void> {
    const { input, view } = this;
    const result = await serveThrough({
      workflowId: workflowIdForService(input.caseId, view.serviceId!),
      args: [
        {
          serviceId: view.serviceId!,
          caseId: input.caseId,
          agencyId: input.agencyId,
          document: {
            kind: 'pre_decision_notice',
            title: '行政处罚事先告知书',
            number: s.documentNumber,
            dated: { label: '告知书制作', at: new Date().toISOString() },
          },
          recipient: s.recipient,
          officerId: input.handlingOfficerId,
          profile: {
            regulationTitle: input.profile.regulationTitle,
            service: input.profile.service!,
            investigation: { audiovisual: input.profile.audiovisual! },
          },
          ...this.board.carried,
        },
      ],
    });
    await this.startWindows(result, SERVICE_METHOD_LABELS[result.method], by);
  }

  /** 行政处罚法 45: the statement is reviewed and whether it was adopted, with reasons, recorded. */
  private async reviewStatement(taskId: string): Promise<void> {
    await this.board.ask({
      id: taskId,
      kind: 'statement_review',
      role: 'officer',
      assigneeId: this.input.handlingOfficerId,
      legalBasis: this.basis(this.rules.statementWindow.source),
    });
    this.view.statementsPending--;
    this.board.answerWaitingCallers();
  }

  decided(): boolean {
    return this.view.decided;
  }

  markDecided(): void {
    this.view.decided = true;
  }

  /** 经过听证程序 (行政处罚法 58(二)): the hearing was held. */
  hearingHeld(): boolean {
    return !!this.view.hearing?.heldAt;
  }

  /** Throws the refusal that keeps a penalty from being decided now, if any. */
  check(): void {
    const { view } = this;
    this.served();
    const now = Date.now();
    if (!view.waived.statement && now <= Date.parse(view.statementDueAt!)) {
      throw refuse('STATEMENT_WINDOW_OPEN', `陈述、申辩期限至${chinaTime(view.statementDueAt!)}，期限届满或当事人书面放弃前不得作出决定`);
    }
    if (!view.waived.hearing && !view.hearingRequested && now <= Date.parse(view.hearingRequestDueAt!)) {
      throw refuse('HEARING_WINDOW_OPEN', `听证申请期限至${chinaTime(view.hearingRequestDueAt!)}，期限届满或当事人书面放弃前不得作出决定`);
    }
    if (view.hearingRequested && !view.hearing?.reported) throw refuse('HEARING_PENDING');
    if (view.statementsPending > 0) throw refuse('STATEMENT_NOT_REVIEWED');
  }
}
