import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { UpdateDefinition } from '@temporalio/common';
import type { Request } from 'express';
import { randomUUID } from 'node:crypto';
import { In, Repository } from 'typeorm';
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
import { announcedSha256, avMediaType } from '#libs/domain/av-media';
import { Actor } from '#libs/domain/roles';
import { completionRefusal } from '#libs/domain/tasks';
import {
  AddEvidenceCommand,
  InvestigationInput,
  addEvidenceUpdate,
} from '#libs/messages/investigation';
import { AgencyProfile, cite } from '#libs/profiles/index';
import { CaseEntity } from '#libs/persistence/entities/case.entity';
import { AvFileEntity, CaseDefectEntity, EvidenceRecordEntity } from '#libs/persistence/entities/evidence.entity';
import { TaskEntity } from '#libs/persistence/entities/task.entity';
import { UserEntity } from '#libs/persistence/entities/user.entity';
import { escalationRules } from '#libs/domain/escalation';
import { CalendarStore } from '../calendar/calendar.store';
import { CaseRefs } from '../cases/case-refs';
import { CasesService } from '../cases/cases.service';
import { ApiException } from '../common/api.exception';
import { derivedUuid } from '../common/idempotency';
import { notBefore, notInFuture } from '../common/times';
import { CaseWorkflowsClient } from '../temporal/case-workflows.client';
import { toRef } from '../tasks/tasks.mapper';
import { AvStorage } from './av-storage';
import { AvRecordDto, WrittenRecordDto } from './investigation.dto';
import { toDefectView, toEvidenceView } from './investigation.mapper';

const UNDER_INVESTIGATION = ['initiated', 'emergency_started'];

@Injectable()
export class InvestigationService {
  constructor(
    private readonly cases: CasesService,
    private readonly refs: CaseRefs,
    private readonly calendar: CalendarStore,
    private readonly workflows: CaseWorkflowsClient,
    private readonly storage: AvStorage,
    @InjectRepository(EvidenceRecordEntity) private readonly records: Repository<EvidenceRecordEntity>,
    @InjectRepository(AvFileEntity) private readonly files: Repository<AvFileEntity>,
    @InjectRepository(CaseDefectEntity) private readonly defects: Repository<CaseDefectEntity>,
    @InjectRepository(TaskEntity) private readonly tasks: Repository<TaskEntity>,
    @InjectRepository(UserEntity) private readonly users: Repository<UserEntity>,
  ) {}

  /** A written record: two certified officers, rights told and the audiovisual duty checked against the case's profile. */
  async addWritten(actor: Actor, caseId: string, dto: WrittenRecordDto, key?: string) {
    notInFuture(dto, 'recordedAt');
    const { c, profile } = await this.underInvestigation(actor, caseId);
    const input = { ...dto, avRecordIds: dto.avRecordIds ?? [] };
    const av = checkAudiovisual(profile, input);
    const errors = [
      ...checkOfficers(profile, input),
      ...checkRightsTold(profile, input),
      ...av.errors,
      ...(await this.checkCertificates(c.agencyId, dto.officers)),
      ...(await this.checkLinks(caseId, input.avRecordIds, dto.corrects)),
    ];
    if (errors.length) throw new ApiException('RECORD_INVALID', errors);
    const rule = av.verdict.status === 'defect' ? profile.investigation.audiovisual.mandatory.find((m) => m.activity === (av.verdict as { activity: string }).activity)! : undefined;
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
      handling: dto.kind === 'registered_preservation_list'
        ? { period: profile.investigation.registeredPreservation.period, legalBasis: cite(profile.regulation.title, profile.investigation.registeredPreservation.source) }
        : undefined,
      defect: rule && {
        kind: 'av_missing',
        description: `${label}「${dto.title}」未按规定同步进行音像记录`,
        legalBasis: cite(profile.regulation.title, rule.source),
      },
    });
  }

  /** An audiovisual record's description; its file follows through `upload` within the profile's period. */
  async addAv(actor: Actor, caseId: string, dto: AvRecordDto, key?: string) {
    notInFuture(dto, 'recordedAt', 'activityEndedAt', 'returnedAt');
    // The activity ends, and the officer returns to the office, after the recording began.
    notBefore(dto, 'activityEndedAt', { label: '记录时间', at: dto.recordedAt });
    notBefore(dto, 'returnedAt', { label: '记录时间', at: dto.recordedAt });
    const { c, profile } = await this.underInvestigation(actor, caseId);
    const rules = profile.investigation.audiovisual;
    const metadata = Object.fromEntries(Object.entries({ ...dto.metadata }).filter(([, v]) => v !== undefined)) as Record<string, string>;
    const errors: RuleError[] = [
      ...checkAvMetadata(profile, { method: dto.method, usedAsEvidence: dto.usedAsEvidence, atSea: !!dto.atSea, interrupted: !!dto.interrupted, metadata }),
      ...(await this.checkLinks(caseId, [], dto.corrects)),
    ];
    if (errors.length) throw new ApiException('RECORD_INVALID', errors);
    const away = dto.awayFromOffice && rules.uploadAfterReturn;
    const upload = away
      ? { from: dto.returnedAt!, period: rules.uploadAfterReturn!.period, legalBasis: cite(profile.regulation.title, rules.uploadAfterReturn!.source) }
      : {
          from: rules.upload.startsAt === 'activity_ended' ? dto.activityEndedAt ?? dto.recordedAt : dto.recordedAt,
          period: rules.upload.period,
          legalBasis: cite(profile.regulation.title, rules.upload.source),
        };
    const id = this.recordId(actor, caseId, key);
    return this.append(actor, c, profile, {
      record: {
        ...this.base(actor, caseId, id, dto),
        category: 'audiovisual',
        kind: dto.method,
        content: { activityEndedAt: dto.activityEndedAt ?? null, awayFromOffice: !!dto.awayFromOffice, returnedAt: dto.returnedAt ?? null, atSea: !!dto.atSea, interrupted: !!dto.interrupted },
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
      summary: `${actor.name}制作音像记录「${dto.title}」${beforeCase(c, dto)}（${Object.keys(metadata).map((f) => AV_METADATA_LABELS[f as keyof typeof AV_METADATA_LABELS]).join('、') || '无说明事项'}）`,
      upload,
    });
  }

  /**
   * Stores an audiovisual file by its SHA-256 and completes the producer's upload task. The same
   * file sent again is answered as before; another file for a stored record is refused. What can be
   * refused without the body is refused first; the body goes to a temporary file that is moved into
   * place only once the workflow accepted and recorded the completion, so a refused upload leaves no bytes.
   */
  async upload(actor: Actor, caseId: string, recordId: string, req: Request) {
    const c = await this.cases.findForActor(actor, caseId);
    const record = await this.records.findOneBy({ id: recordId, caseId, category: 'audiovisual' });
    if (!record?.uploadTaskId) throw new ApiException('RECORD_NOT_FOUND');
    const task = await this.tasks.findOneByOrFail({ id: record.uploadTaskId });
    const mediaType = avMediaType(req.headers['content-type']);
    if (!mediaType) {
      throw new ApiException('AV_MEDIA_TYPE_NOT_ALLOWED', [
        { field: 'Content-Type', code: 'AV_MEDIA_TYPE_NOT_ALLOWED', message: '请以视频、音频或图片格式上传（如 video/mp4、audio/mpeg、image/jpeg），类型不明时用 application/octet-stream' },
      ]);
    }
    const announced = announcedSha256(req.headers['content-digest'] as string | undefined);
    if (announced === null) throw new ApiException('VALIDATION_FAILED', [{ field: 'Content-Digest', code: 'DIGEST_UNSUPPORTED', message: '摘要须为 sha-256=:<Base64>:（RFC 9530）' }]);
    // Refuse before reading the body: only the producer stores the file of their record, and not while the case is suspended.
    const refusal = task.status === 'open' && completionRefusal(toRef(task), actor, { decision: 'uploaded', opinion: '', file: { sha256: '', size: 0, mediaType } });
    if (refusal) throw new ApiException(refusal);
    if (task.status === 'open' && c.clock.suspended) throw new ApiException('CASE_SUSPENDED');
    const staged = await this.storage.receive(req);
    try {
      if (announced && announced !== staged.sha256) {
        throw new ApiException('AV_DIGEST_MISMATCH', [{ field: 'Content-Digest', code: 'AV_DIGEST_MISMATCH', message: `收到的文件 SHA-256 为 ${staged.sha256}，与声明的不符` }]);
      }
      const file = { sha256: staged.sha256, size: staged.size, mediaType };
      if (task.status === 'completed') {
        const stored = await this.files.findOneBy({ recordId });
        if (stored?.sha256 !== file.sha256) throw new ApiException('AV_ALREADY_STORED');
        await staged.keep(); // the same file again: in place already, or put back if it went missing
        return this.view(recordId);
      }
      // Refused (the loser of parallel uploads, a case suspended meanwhile…): throws, nothing is kept.
      // Should the API stop between the completion and `keep`, sending the same file again puts it in place.
      await this.workflows.completeTask(task, actor, { decision: 'uploaded', opinion: `已存储音像文件（${file.size}字节）`, file }, file.sha256);
      await staged.keep();
      return this.view(recordId);
    } finally {
      await staged.discard();
    }
  }

  async listDefects(actor: Actor, caseId: string) {
    await this.cases.findForActor(actor, caseId);
    // The same items the supervisor's accountability list shows for this case (a late recording included).
    const rows = await this.defects.query(
      `SELECT id, record_id, person_id, kind, description, legal_basis, at FROM accountability_items WHERE case_id = $1 ORDER BY at, id`,
      [caseId],
    );
    return rows.map(toDefectView);
  }

  private async view(id: string) {
    const r = await this.records.findOneByOrFail({ id });
    return toEvidenceView(r, (await this.files.findOneBy({ recordId: id })) ?? undefined);
  }

  async underInvestigation(actor: Actor, caseId: string): Promise<{ c: CaseEntity; profile: AgencyProfile }> {
    const c = await this.cases.findForActor(actor, caseId);
    if (!UNDER_INVESTIGATION.includes(c.status)) throw new ApiException('CASE_NOT_UNDER_INVESTIGATION');
    return { c, profile: this.cases.profileOf(c) };
  }

  recordId(actor: Actor, caseId: string, key?: string): string {
    return key ? derivedUuid(actor.id, 'evidence', caseId, key) : randomUUID();
  }

  private base(actor: Actor, caseId: string, id: string, dto: { title: string; recordedAt: string; corrects?: string; correctionReason?: string }) {
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

  /** Each officer is an active officer of the agency holding that certificate (行政处罚法 42). */
  private async checkCertificates(agencyId: string, officers: { userId: string; certificateNo: string }[]): Promise<RuleError[]> {
    const found = await this.users.findBy({ id: In(officers.map((o) => o.userId)) });
    return officers.flatMap((o, i) => {
      const u = found.find((x) => x.id === o.userId);
      const valid = u && u.active && u.role === 'officer' && u.agencyId === agencyId && u.certificateNo === o.certificateNo;
      return valid ? [] : [{ field: `officers[${i}].certificateNo`, code: 'CERTIFICATE_INVALID', message: '执法证件编号与该执法人员不符，或该人员不是本机关的执法人员' }];
    });
  }

  /** Linked audiovisual records and the corrected record are this case's own (CaseRefs). */
  private checkLinks(caseId: string, avIds: string[], corrects?: string): Promise<RuleError[]> {
    return this.refs.unknownRecords(caseId, [
      { field: 'avRecordIds', ids: avIds, category: 'audiovisual', code: 'AV_RECORD_UNKNOWN', message: '本案没有该音像记录' },
      { field: 'corrects', ids: corrects, code: 'RECORD_UNKNOWN', message: '本案没有要更正的记录' },
    ]);
  }

  private async append(actor: Actor, c: CaseEntity, profile: AgencyProfile, cmd: AddEvidenceCommand) {
    await this.throughWorkflow(c, profile, addEvidenceUpdate, cmd, `evidence-${cmd.record.id}`);
    return this.view(cmd.record.id);
  }

  /** Through the case's investigation workflow (started by the first record or measure), so timers and records stay in step. */
  async throughWorkflow<R, A>(c: CaseEntity, profile: AgencyProfile, update: UpdateDefinition<R, [A]>, arg: A, updateId: string): Promise<R> {
    const input: InvestigationInput = {
      caseId: c.id,
      agencyId: c.agencyId,
      status: c.status,
      profile: { id: profile.id, version: profile.version, regulationTitle: profile.regulation.title, investigation: profile.investigation },
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
