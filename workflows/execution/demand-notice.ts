import { uuid4 } from '@temporalio/workflow';
import { activities } from '../activities';
import { refuse } from '../refuse';
import { DueResult } from '#libs/calendar/period';
import { DueTime, dueTime, estimateMark } from '#libs/domain/deadlines';
import { RecordEntryInput } from '#libs/domain/record';
import { Actor } from '#libs/domain/roles';
import { ExecutionInput, ExecutionView, draftDemandNoticeUpdate, recordDemandStatementUpdate } from '#libs/messages/execution';
import { servedFrom, workflowIdForService } from '#libs/messages/service';
import { serveThrough } from '../service/served';
import { chinaTime } from '../tasks/deadline-text';
import { notBefore } from '../tasks/event-time';
import { UpdateArg } from '../tasks/update-arg';
import { Execution } from './execution';

const { noteRecord } = activities;

/**
 * 催告 (行政强制法 35–38): where the party has not paid, the officer drafts a 催告书, the chief
 * approves it, it is served (the service workflow); statements after it are reviewed. Once it is
 * served, the court window's earliest day is known (53, 54).
 */
export class DemandNotice {
  /** The 催告书's day of service (a deemed service counts from its day, servedFrom), once served. */
  servedOn: string | null = null;
  private readonly basis: string;

  constructor(
    private readonly input: ExecutionInput,
    private readonly ex: Execution,
  ) {
    this.basis = ex.basis(ex.rules.demandNotice.source);
  }

  note(key: string, by: Actor | null, action: RecordEntryInput['action'], summary: string, legalBasis: string) {
    return noteRecord({ caseId: this.input.caseId, at: new Date().toISOString(), entry: { key, actor: by, action, summary, legalBasis } });
  }

  /** Refuses what needs the 催告书 served. */
  served(): void {
    if (!this.ex.view.demandNotice?.servedAt) throw refuse('DEMAND_NOT_SERVED');
  }

  /** The 催告书's service as a step; a deemed service counts from its day (servedFrom). */
  servedStep() {
    return { label: '催告书送达', at: this.servedOn ?? this.ex.view.demandNotice!.servedAt! };
  }

  validateDraft(_request: unknown): void {
    this.ex.open();
    if (this.ex.view.state !== 'overdue') throw refuse('DEMAND_NOT_DUE');
    if (this.ex.view.demandNotice) throw refuse('DEMAND_ALREADY_DRAFTED');
  }

  async draft({ content, by }: UpdateArg<typeof draftDemandNoticeUpdate>): Promise<ExecutionView> {
    const { ex } = this;
    ex.view.demandNotice = {
      content,
      draftedAt: new Date().toISOString(),
      approved: false,
      serviceId: null,
      servedAt: null,
      statementsPending: 0,
    };
    ex.changes++;
    await ex.project({
      key: `demand-drafted:${ex.view.demandNotice.draftedAt}`,
      actor: by,
      action: 'demand_notice_drafted',
      summary: `${by.name}制作催告书：${content}`,
      legalBasis: this.basis,
    });
    const taskId = uuid4();
    void this.approveAndServe(taskId);
    await ex.board.opened(taskId);
    return ex.snapshot();
  }

  validateStatement({ receivedAt }: UpdateArg<typeof recordDemandStatementUpdate>): void {
    this.ex.open();
    this.served();
    notBefore('receivedAt', '收到时间', receivedAt, this.servedStep());
  }

  async recordStatement({ receivedAt, content, by }: UpdateArg<typeof recordDemandStatementUpdate>): Promise<ExecutionView> {
    const { ex } = this;
    ex.view.demandNotice!.statementsPending++;
    await this.note(
      `demand-statement:${receivedAt}`,
      by,
      'statement_received',
      `收到当事人对催告书的陈述、申辩（${chinaTime(receivedAt)}）：${content}`,
      ex.basis(ex.rules.demandNotice.source),
    );
    const taskId = uuid4();
    void this.review(taskId);
    await ex.board.opened(taskId);
    return ex.snapshot();
  }

  /** The chief approves the 催告书; approved, it is served; once served the court window is known. */
  private async approveAndServe(taskId: string): Promise<void> {
    const { ex, input } = this;
    const { view, board, rules } = ex;
    const answer = await board.ask({ id: taskId, kind: 'demand_notice_approval', role: 'chief', legalBasis: this.basis });
    const d = view.demandNotice!;
    if (answer.decision !== 'approve') {
      view.demandNotice = null;
      ex.changes++;
      await ex.project();
      board.answerWaitingCallers();
      return;
    }
    d.approved = true;
    d.serviceId = uuid4();
    await ex.project();
    board.answerWaitingCallers();
    const result = await serveThrough({
      workflowId: workflowIdForService(input.caseId, d.serviceId),
      args: [
        {
          serviceId: d.serviceId,
          caseId: input.caseId,
          agencyId: input.agencyId,
          document: {
            kind: 'demand_notice',
            title: '催告书',
            number: `${input.decision.documentNumber}（催告）`,
            dated: { label: '催告书经负责人批准', at: answer.signedAt ?? answer.at },
          },
          recipient: input.recipient,
          officerId: input.handlingOfficerId,
          profile: {
            regulationTitle: input.profile.regulationTitle,
            service: input.profile.service,
            investigation: { audiovisual: input.profile.audiovisual },
          },
          ...board.carried,
        },
      ],
    });
    d.servedAt = result.servedAt;
    this.servedOn = servedFrom(result);
    const earliest = courtEarliest(
      view,
      board.deadlines.dueFor({ from: servedFrom(result), period: rules.courtApplication.earliest.period }),
    );
    view.court.earliest = earliest.dueAt;
    if (view.deadlines) view.deadlines.court_earliest = earliest;
    ex.changes++;
    await ex.project({
      key: 'demand-served',
      actor: null,
      action: 'deadline_set',
      summary: `催告书已于${chinaTime(result.servedAt)}送达：当事人仍不履行的，可于${chinaTime(earliest.dueAt)}${estimateMark(earliest)}之后、${chinaTime(view.court.latest)}之前申请人民法院强制执行`,
      legalBasis: ex.basis(rules.courtApplication.earliest.source),
      details: { deadlines: { court_earliest: earliest } },
    });
  }

  /** 行政强制法 36: the statement after the 催告书 is reviewed, adopted or not. */
  private async review(taskId: string): Promise<void> {
    const { board, view } = this.ex;
    await board.ask({
      id: taskId,
      kind: 'statement_review',
      role: 'officer',
      assigneeId: this.input.handlingOfficerId,
      legalBasis: this.basis,
    });
    view.demandNotice!.statementsPending--;
    board.answerWaitingCallers();
  }
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
