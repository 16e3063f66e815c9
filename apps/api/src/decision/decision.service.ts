import { Injectable } from '@nestjs/common';
import { Actor } from '#libs/domain/roles';
import type { UpdateDefinition } from '@temporalio/common';
import { RIGHT_LABELS } from '#libs/domain/evidence';
import { numberingOf } from '#libs/profiles/index';
import {
  PreDecisionNoticeIssue,
  PreDecisionNoticeView,
  hearingReportUpdate,
  issueDecisionUpdate,
  preDecisionNoticeQuery,
  recordHearingUpdate,
  recordPreDecisionNoticeServedUpdate,
  recordStatementUpdate,
  requestDecisionExtensionUpdate,
  requestHearingUpdate,
  scheduleHearingUpdate,
  waiveUpdate,
} from '#libs/messages/decision';
import { CaseRefs } from '../cases/case-refs';
import { CasesService } from '../cases/cases.service';
import { ApiException } from '../common/api.exception';
import { PageQuery, pageOf, skipOf } from '../common/paging';
import { derivedUuid } from '../common/idempotency';
import { notBefore, notInFuture } from '../common/times';
import { CaseWorkflowsClient } from '../temporal/case-workflows.client';
import {
  DecisionExtensionDto,
  HearingRecordDto,
  HearingReportDto,
  HearingRequestDto,
  IssueDecisionDto,
  NoticeServedDto,
  ScheduleHearingDto,
  StatementDto,
  WaiverDto,
} from './decision.dto';
import { CaseDeadlinesRepository } from '#libs/persistence/repositories/case-deadlines.repository';
import {
  CaseDeadlinePage,
  DecisionDeadlineResponse,
  NoticeResponse,
  mapCaseDeadline,
  mapDecisionDeadline,
  mapNotice,
} from './decision.response';

@Injectable()
export class DecisionService {
  constructor(
    private readonly cases: CasesService,
    private readonly workflows: CaseWorkflowsClient,
    private readonly refs: CaseRefs,
    private readonly decisions: CaseDeadlinesRepository,
  ) {}

  async list(actor: Actor, caseId: string, q: PageQuery): Promise<CaseDeadlinePage> {
    await this.cases.findForActor(actor, caseId);
    const [rows, total] = await this.decisions.deadlinesOfCase(caseId, skipOf(q), q.pageSize);
    return pageOf(rows.map(mapCaseDeadline), total, q);
  }

  /** The same request twice is one request: the Update ID derives from the person, the case and the reason. */
  async requestExtension(actor: Actor, caseId: string, dto: DecisionExtensionDto): Promise<DecisionDeadlineResponse> {
    await this.ensureStarted(actor, caseId);
    const deadline = await this.workflows.update(
      { kind: 'decision', caseId },
      requestDecisionExtensionUpdate,
      { reason: dto.reason, by: actor },
      derivedUuid(actor.id, 'decision-extension', caseId, dto.reason),
    );
    return mapDecisionDeadline(deadline);
  }

  /** The notice must tell the rights the profile requires among statement, defence and hearing. */
  async noticeServed(actor: Actor, caseId: string, dto: NoticeServedDto): Promise<NoticeResponse> {
    notInFuture(dto, 'servedAt');
    const c = await this.cases.findForActor(actor, caseId);
    const profile = await this.cases.profileOf(c);
    const required = profile.investigation.rightsTold.rights.filter((r) => r === 'statement' || r === 'defence' || r === 'hearing');
    const missing = required.filter((r) => !dto.rights.includes(r));
    if (missing.length) {
      throw new ApiException('RECORD_INVALID', [
        { field: 'rights', code: 'RIGHTS_MISSING', message: `事先告知未告知以下权利：${missing.map((r) => RIGHT_LABELS[r]).join('、')}` },
      ]);
    }
    const issue: PreDecisionNoticeIssue = dto.servedAt
      ? { servedAt: dto.servedAt, method: dto.method!, rights: dto.rights, by: actor }
      : {
          serve: { recipient: c.form.parties.map((p) => p.name).join('、'), documentNumber: dto.documentNumber! },
          rights: dto.rights,
          by: actor,
        };
    return this.send(actor, caseId, recordPreDecisionNoticeServedUpdate, issue, 'notice');
  }

  statement(actor: Actor, caseId: string, dto: StatementDto): Promise<NoticeResponse> {
    notInFuture(dto, 'receivedAt');
    return this.send(actor, caseId, recordStatementUpdate, { ...dto, by: actor }, 'statement');
  }

  waiver(actor: Actor, caseId: string, dto: WaiverDto): Promise<NoticeResponse> {
    notInFuture(dto, 'waivedAt');
    return this.send(actor, caseId, waiveUpdate, { ...dto, by: actor }, 'waiver');
  }

  hearingRequest(actor: Actor, caseId: string, dto: HearingRequestDto): Promise<NoticeResponse> {
    notInFuture(dto, 'requestedAt');
    return this.send(actor, caseId, requestHearingUpdate, { ...dto, by: actor }, 'hearing');
  }

  scheduleHearing(actor: Actor, caseId: string, dto: ScheduleHearingDto): Promise<NoticeResponse> {
    notInFuture(dto, 'notifiedAt');
    return this.send(actor, caseId, scheduleHearingUpdate, { ...dto, by: actor }, 'hearing-schedule');
  }

  recordHearing(actor: Actor, caseId: string, dto: HearingRecordDto): Promise<NoticeResponse> {
    notInFuture(dto, 'heldAt');
    return this.send(actor, caseId, recordHearingUpdate, { ...dto, by: actor }, 'hearing-record');
  }

  hearingReport(actor: Actor, caseId: string, dto: HearingReportDto): Promise<NoticeResponse> {
    return this.send(actor, caseId, hearingReportUpdate, { ...dto, by: actor }, 'hearing-report');
  }

  /** The recipient is the case's party (or parties) as filed. */
  async issue(actor: Actor, caseId: string, dto: IssueDecisionDto): Promise<NoticeResponse> {
    notInFuture(dto, 'decidedOn', 'handedOver.at');
    // Handed over once the document exists: not before its date (行政处罚法 61).
    notBefore(dto, 'handedOver.at', { label: '决定日期', at: dto.decidedOn });
    const c = await this.cases.findForActor(actor, caseId);
    const numbering = numberingOf(await this.cases.profileOf(c));
    const assign = await this.refs.decisionNumbering(c.agencyId, caseId, numbering, 'decision', dto.documentNumber);
    const { partyPresent, handedOver, correction, ...document } = dto;
    const recipient = c.form.parties.map((p) => p.name).join('、');
    return this.send(
      actor,
      caseId,
      issueDecisionUpdate,
      {
        ...document,
        ...(assign && { assign }),
        recipient,
        ...(partyPresent && { handedOver: { ...handedOver! } }),
        ...(correction && { correction: { ...correction } }),
        by: actor,
      },
      'decision',
    );
  }

  async notice(actor: Actor, caseId: string): Promise<NoticeResponse> {
    await this.ensureStarted(actor, caseId);
    return mapNotice(await this.workflows.read({ kind: 'decision', caseId }, preDecisionNoticeQuery));
  }

  /** The case is the actor's to see and its decision stage has begun (it was filed). */
  async ensureStarted(actor: Actor, caseId: string): Promise<void> {
    await this.cases.findForActor(actor, caseId);
    if (!(await this.decisions.started(caseId))) throw new ApiException('DECISION_NOT_STARTED');
  }

  /** To the case's decision workflow; the same request twice is one change. */
  private async send<A extends { by: Actor }>(
    actor: Actor,
    caseId: string,
    update: UpdateDefinition<PreDecisionNoticeView, [A]>,
    arg: A,
    what: string,
  ): Promise<NoticeResponse> {
    await this.ensureStarted(actor, caseId);
    return mapNotice(await this.workflows.command({ kind: 'decision', caseId }, update, arg, what, caseId));
  }
}
