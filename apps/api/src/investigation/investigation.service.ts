import { Injectable } from '@nestjs/common';
import type { UpdateDefinition } from '@temporalio/common';
import { randomUUID } from 'node:crypto';
import { computeDue } from '#libs/calendar/period';
import { LegalCalendar } from '#libs/calendar/calendar';
import {
  AV_METADATA_LABELS,
  RuleError,
  WRITTEN_LABELS,
  checkAudiovisual,
  checkAvMetadata,
  checkOfficers,
  checkRightsTold,
} from '#libs/domain/evidence';
import { Actor } from '#libs/domain/roles';
import { AddEvidenceCommand, InvestigationInput, addEvidenceUpdate } from '#libs/messages/investigation';
import { AgencyProfile, cite } from '#libs/profiles/index';
import { CaseEntity } from '#libs/persistence/entities/case.entity';
import { EvidenceRepository } from '#libs/persistence/repositories/evidence.repository';
import { SupervisionRepository } from '#libs/persistence/repositories/supervision.repository';
import { UsersRepository } from '#libs/persistence/repositories/users.repository';
import { escalationRules } from '#libs/domain/escalation';
import { CalendarStore } from '../calendar/calendar.store';
import { CaseRefs } from '../cases/case-refs';
import { CasesService } from '../cases/cases.service';
import { OfficerCertificates } from '../cases/officer-certificates';
import { ApiException } from '../common/api.exception';
import { derivedUuid } from '../common/idempotency';
import { PageQuery, pageOf, skipOf } from '../common/paging';
import { notBefore, notInFuture } from '../common/times';
import { CaseWorkflowsClient } from '../temporal/case-workflows.client';
import { AvRecordDto, WrittenRecordDto } from './investigation.dto';
import { toDefectView, toEvidenceView } from './investigation.mapper';
import { DefectPage, EvidenceResponse } from './investigation.response';

const UNDER_INVESTIGATION = ['initiated', 'emergency_started'];

@Injectable()
export class InvestigationService {
  constructor(
    private readonly cases: CasesService,
    private readonly refs: CaseRefs,
    private readonly calendar: CalendarStore,
    private readonly workflows: CaseWorkflowsClient,
    private readonly records: EvidenceRepository,
    private readonly supervision: SupervisionRepository,
    private readonly users: UsersRepository,
    private readonly certificates: OfficerCertificates,
  ) {}

  /** A written record: two certified officers, rights told and the audiovisual duty checked against the case's profile. */
  async addWritten(actor: Actor, caseId: string, dto: WrittenRecordDto, key?: string): Promise<EvidenceResponse> {
    notInFuture(dto, 'recordedAt');
    const { c, profile } = await this.underInvestigation(actor, caseId);
    const input = { ...dto, avRecordIds: dto.avRecordIds ?? [] };
    const av = checkAudiovisual(profile, input);
    const errors = [
      ...checkOfficers(profile, input),
      ...checkRightsTold(profile, input),
      ...av.errors,
      ...(await this.checkCertificates(c.agencyId, dto.officers, new Date(dto.recordedAt))),
      ...(await this.checkLinks(caseId, input.avRecordIds, dto.corrects)),
    ];
    if (errors.length) throw new ApiException('RECORD_INVALID', errors);
    const rule =
      av.verdict.status === 'defect'
        ? profile.investigation.audiovisual.mandatory.find((m) => m.activity === (av.verdict as { activity: string }).activity)!
        : undefined;
    const id = this.recordId(actor, caseId, key);
    const label = WRITTEN_LABELS[dto.kind];
    return this.append(actor, c, profile, {
      record: {
        ...this.base(actor, caseId, id, dto),
        category: 'written',
        kind: dto.kind,
        content: {
          text: dto.content,
          place: dto.place ?? null,
          subject: dto.subject ?? null,
          ...(dto.preservation && { preservation: { ...dto.preservation } }),
        },
        officers: dto.officers,
        signatures: { ...dto.signatures },
        rightsTold: dto.rightsTold ? { ...dto.rightsTold } : null,
        avRecordIds: input.avRecordIds,
        avOmissionReason: dto.avOmissionReason ?? null,
        avVerdict: av.verdict.status,
        metadata: null,
        usedAsEvidence: null,
        retentionUntil: null,
        legalBasis: dto.legalBasis ?? null,
      },
      by: actor,
      summary: `${actor.name}制作${label}「${dto.title}」${beforeCase(c, dto)}${dto.corrects ? '（更正记录）' : ''}`,
      handling:
        dto.kind === 'registered_preservation_list'
          ? {
              period: profile.investigation.registeredPreservation.period,
              legalBasis: cite(profile.regulation.title, profile.investigation.registeredPreservation.source),
            }
          : undefined,
      defect: rule && {
        kind: 'av_missing',
        description: `${label}「${dto.title}」未按规定同步进行音像记录`,
        legalBasis: cite(profile.regulation.title, rule.source),
      },
    });
  }

  /** An audiovisual record's description; its file follows through `upload` within the profile's period. */
  async addAv(actor: Actor, caseId: string, dto: AvRecordDto, key?: string): Promise<EvidenceResponse> {
    notInFuture(dto, 'recordedAt', 'activityEndedAt', 'returnedAt');
    // The activity ends, and the officer returns to the office, after the recording began.
    notBefore(dto, 'activityEndedAt', { label: '记录时间', at: dto.recordedAt });
    notBefore(dto, 'returnedAt', { label: '记录时间', at: dto.recordedAt });
    const { c, profile } = await this.underInvestigation(actor, caseId);
    const rules = profile.investigation.audiovisual;
    const metadata = Object.fromEntries(Object.entries({ ...dto.metadata }).filter(([, v]) => v !== undefined)) as Record<string, string>;
    const errors: RuleError[] = [
      ...checkAvMetadata(profile, {
        method: dto.method,
        usedAsEvidence: dto.usedAsEvidence,
        atSea: !!dto.atSea,
        interrupted: !!dto.interrupted,
        metadata,
      }),
      ...(await this.checkLinks(caseId, [], dto.corrects)),
    ];
    if (errors.length) throw new ApiException('RECORD_INVALID', errors);
    const away = dto.awayFromOffice && rules.uploadAfterReturn;
    const upload = away
      ? {
          from: dto.returnedAt!,
          period: rules.uploadAfterReturn!.period,
          legalBasis: cite(profile.regulation.title, rules.uploadAfterReturn!.source),
        }
      : {
          from: rules.upload.startsAt === 'activity_ended' ? (dto.activityEndedAt ?? dto.recordedAt) : dto.recordedAt,
          period: rules.upload.period,
          legalBasis: cite(profile.regulation.title, rules.upload.source),
        };
    const id = this.recordId(actor, caseId, key);
    return this.append(actor, c, profile, {
      record: {
        ...this.base(actor, caseId, id, dto),
        category: 'audiovisual',
        kind: dto.method,
        content: {
          activityEndedAt: dto.activityEndedAt ?? null,
          awayFromOffice: !!dto.awayFromOffice,
          returnedAt: dto.returnedAt ?? null,
          atSea: !!dto.atSea,
          interrupted: !!dto.interrupted,
        },
        officers: [],
        signatures: null,
        rightsTold: null,
        avRecordIds: [],
        avOmissionReason: null,
        avVerdict: null,
        metadata,
        usedAsEvidence: dto.usedAsEvidence,
        retentionUntil: await this.retentionUntil(profile, dto),
        legalBasis: null,
      },
      by: actor,
      summary: `${actor.name}制作音像记录「${dto.title}」${beforeCase(c, dto)}（${
        Object.keys(metadata)
          .map((f) => AV_METADATA_LABELS[f as keyof typeof AV_METADATA_LABELS])
          .join('、') || '无说明事项'
      }）`,
      upload,
    });
  }

  async listDefects(actor: Actor, caseId: string, q: PageQuery): Promise<DefectPage> {
    await this.cases.findForActor(actor, caseId);
    // The same items the supervisor's accountability list shows for this case (a late recording included).
    const [rows, total] = await this.supervision.defectsOfCase(caseId, skipOf(q), q.pageSize);
    return pageOf(rows.map(toDefectView), total, q);
  }

  /** A record just written (by the workflow's activity) with its file. */
  async view(id: string): Promise<EvidenceResponse> {
    const r = (await this.records.byId(id))!;
    return toEvidenceView(r, (await this.records.file(id)) ?? undefined);
  }

  async underInvestigation(actor: Actor, caseId: string): Promise<{ c: CaseEntity; profile: AgencyProfile }> {
    const c = await this.cases.findForActor(actor, caseId);
    if (!UNDER_INVESTIGATION.includes(c.status)) throw new ApiException('CASE_NOT_UNDER_INVESTIGATION');
    return { c, profile: await this.cases.profileOf(c) };
  }

  recordId(actor: Actor, caseId: string, key?: string): string {
    return key ? derivedUuid(actor.id, 'evidence', caseId, key) : randomUUID();
  }

  private base(
    actor: Actor,
    caseId: string,
    id: string,
    dto: { title: string; recordedAt: string; corrects?: string; correctionReason?: string },
  ) {
    return {
      id,
      caseId,
      title: dto.title,
      producerId: actor.id,
      correctsId: dto.corrects ?? null,
      correctionReason: dto.correctionReason ?? null,
      recordedAt: dto.recordedAt,
      createdBy: actor.id,
    };
  }

  /** 004 第二十九条: kept 3 years unless used as evidence (then with the case file); 003: all with the file. */
  private async retentionUntil(profile: AgencyProfile, dto: AvRecordDto): Promise<string | null> {
    const rule = profile.investigation.audiovisual.retention;
    if (!rule?.period || rule.keptWithCaseFile === 'all' || dto.usedAsEvidence) return null;
    const calendar = new LegalCalendar(await this.calendar.schedules());
    return computeDue(calendar, dto.recordedAt, rule.period).lastDay ?? null;
  }

  /**
   * Each officer is an active officer of the agency holding that certificate, valid on the day the
   * record was made (行政处罚法 42).
   */
  private async checkCertificates(agencyId: string, officers: { userId: string; certificateNo: string }[], at: Date): Promise<RuleError[]> {
    const found = await this.users.byIds(officers.map((o) => o.userId));
    return officers.flatMap((o, i) => {
      const u = found.find((x) => x.id === o.userId);
      const field = `officers[${i}].certificateNo`;
      const theirs = u && u.active && u.role === 'officer' && u.agencyId === agencyId && u.certificateNo === o.certificateNo;
      if (!theirs) return [{ field, code: 'CERTIFICATE_INVALID', message: '执法证件编号与该执法人员不符，或该人员不是本机关的执法人员' }];
      const expired = this.certificates.fieldError(u, at, field);
      return expired ? [expired] : [];
    });
  }

  /** Linked audiovisual records and the corrected record are this case's own (CaseRefs). */
  private checkLinks(caseId: string, avIds: string[], corrects?: string): Promise<RuleError[]> {
    return this.refs.unknownRecords(caseId, [
      { field: 'avRecordIds', ids: avIds, category: 'audiovisual', code: 'AV_RECORD_UNKNOWN', message: '本案没有该音像记录' },
      { field: 'corrects', ids: corrects, code: 'RECORD_UNKNOWN', message: '本案没有要更正的记录' },
    ]);
  }

  private async append(actor: Actor, c: CaseEntity, profile: AgencyProfile, cmd: AddEvidenceCommand): Promise<EvidenceResponse> {
    await this.throughWorkflow(c, profile, addEvidenceUpdate, cmd, `evidence-${cmd.record.id}`);
    return this.view(cmd.record.id);
  }

  /** Through the case's investigation workflow (started by the first record or measure), so timers and records stay in step. */
  async throughWorkflow<R, A>(
    c: CaseEntity,
    profile: AgencyProfile,
    update: UpdateDefinition<R, [A]>,
    arg: A,
    updateId: string,
  ): Promise<R> {
    const input: InvestigationInput = {
      caseId: c.id,
      agencyId: c.agencyId,
      status: c.status,
      profile: {
        id: profile.id,
        version: profile.version,
        regulationTitle: profile.regulation.title,
        investigation: profile.investigation,
      },
      calendar: await this.calendar.schedules(),
      escalation: escalationRules(profile),
      caseClock: c.clock,
    };
    return this.workflows.updateWithStart('investigation', input, update, { args: [arg], updateId });
  }
}

/**
 * Evidence gathered before the case started is lawful — the inspection that led to the case (行政处罚法
 * 54: 立案 follows the finding of a suspected violation) — so a record may precede the case; its
 * record entry says so, so no reader mistakes it for a back-dated entry.
 */
export function beforeCase(c: { startedAt: Date }, dto: { recordedAt: string }): string {
  return Date.parse(dto.recordedAt) < c.startedAt.getTime() ? BEFORE_CASE : '';
}
export const BEFORE_CASE = '（立案前取得）';
