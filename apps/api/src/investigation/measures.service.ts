import { Injectable } from '@nestjs/common';
import type { UpdateDefinition } from '@temporalio/common';
import { Actor } from '#libs/domain/roles';
import {
  MeasureView,
  decideMeasureUpdate,
  pauseMeasureUpdate,
  requestExtensionUpdate,
  resumeMeasureUpdate,
  takeMeasureUpdate,
} from '#libs/messages/investigation';
import { Source, cite } from '#libs/profiles/index';
import { CoerciveMeasuresRepository } from '#libs/persistence/repositories/coercive-measures.repository';
import { CaseRefs } from '../cases/case-refs';
import { CasesService } from '../cases/cases.service';
import { OfficerCertificates } from '../cases/officer-certificates';
import { ApiException } from '../common/api.exception';
import { PageQuery, pageOf, skipOf } from '../common/paging';
import { notBefore, notInFuture } from '../common/times';
import { CaseWorkflowsClient } from '../temporal/case-workflows.client';
import { InvestigationService } from './investigation.service';
import { ExtensionRequestDto, MeasureDecisionDto, PauseMeasureDto, ResumeMeasureDto, TakeMeasureDto } from './measures.dto';
import { toMeasureView } from './measures.mapper';
import { MeasurePage, MeasureResponse } from './measures.response';

/** Coercive measures: the API checks the case and the times; the case's workflow keeps the clock. */
@Injectable()
export class MeasuresService {
  constructor(
    private readonly investigation: InvestigationService,
    private readonly cases: CasesService,
    private readonly refs: CaseRefs,
    private readonly workflows: CaseWorkflowsClient,
    private readonly measures: CoerciveMeasuresRepository,
    private readonly certificates: OfficerCertificates,
  ) {}

  async take(actor: Actor, caseId: string, dto: TakeMeasureDto, key?: string): Promise<MeasureResponse> {
    notInFuture(dto, 'takenAt', 'familyNotified.at');
    // 行政强制法 20(一): the family is told on the spot or at once after, never before.
    notBefore(dto, 'familyNotified.at', { label: '实施时间', at: dto.takenAt });
    const { c, profile } = await this.investigation.underInvestigation(actor, caseId);
    // 行政强制法 18(一)、17: a measure is taken by officers holding a valid certificate on the day.
    await this.certificates.assertHolds(actor.id, new Date(dto.takenAt), 'officer');
    // 行政强制法 24: the measure's written record (现场笔录) is one of this case's; checked here, not by the database.
    const unknown = await this.refs.unknownRecords(caseId, [
      { field: 'recordId', ids: dto.recordId, category: 'written', code: 'RECORD_UNKNOWN', message: '本案没有该文字记录' },
    ]);
    if (unknown.length) throw new ApiException('RECORD_INVALID', unknown);
    const timed =
      dto.kind === 'restrict' ? undefined : dto.kind === 'freeze' ? profile.investigation.freeze : profile.investigation.sealSeize;
    const measureId = this.investigation.recordId(actor, caseId, key);
    const basis = (s: Source) => cite(profile.regulation.title, s);
    const taken = await this.investigation.throughWorkflow(
      c,
      profile,
      takeMeasureUpdate,
      {
        measureId,
        kind: dto.kind,
        object: dto.object,
        takenAt: dto.takenAt,
        recordId: dto.recordId ?? null,
        by: actor,
        period: timed?.period,
        extension: timed?.extension.period,
        legalBasis: basis(timed ? timed.source : profile.investigation.restrictFreedom.source),
        extensionBasis: timed && basis(timed.extension.source),
        familyNotified: dto.familyNotified && { ...dto.familyNotified },
        emergency: dto.emergency
          ? {
              period: profile.investigation.emergencyMeasure.period,
              legalBasis: cite(profile.regulation.title, profile.investigation.emergencyMeasure.source),
            }
          : undefined,
      },
      `measure-${measureId}`,
    );
    return toMeasureView(taken);
  }

  pause(actor: Actor, caseId: string, id: string, dto: PauseMeasureDto) {
    notInFuture(dto, 'at');
    return this.send(actor, caseId, id, pauseMeasureUpdate, { measureId: id, at: dto.at, reason: dto.reason, by: actor }, 'pause');
  }

  resume(actor: Actor, caseId: string, id: string, dto: ResumeMeasureDto) {
    notInFuture(dto, 'at');
    return this.send(actor, caseId, id, resumeMeasureUpdate, { measureId: id, at: dto.at, by: actor }, 'resume');
  }

  requestExtension(actor: Actor, caseId: string, id: string, dto: ExtensionRequestDto) {
    return this.send(actor, caseId, id, requestExtensionUpdate, { measureId: id, reason: dto.reason, by: actor }, 'extension');
  }

  decide(actor: Actor, caseId: string, id: string, dto: MeasureDecisionDto) {
    return this.send(actor, caseId, id, decideMeasureUpdate, { measureId: id, ...dto, by: actor }, 'decision');
  }

  async list(actor: Actor, caseId: string, q: PageQuery): Promise<MeasurePage> {
    await this.cases.findForActor(actor, caseId);
    const [rows, total] = await this.measures.page(caseId, skipOf(q), q.pageSize);
    return pageOf(rows.map(toMeasureView), total, q);
  }

  /** The same request twice is one change (the Update ID derives from person, measure and body). */
  private async send<A extends { by: Actor }>(
    actor: Actor,
    caseId: string,
    id: string,
    update: UpdateDefinition<MeasureView, [A]>,
    arg: A,
    what: string,
  ): Promise<MeasureResponse> {
    await this.cases.findForActor(actor, caseId);
    if (!(await this.measures.exists(caseId, id))) throw new ApiException('MEASURE_NOT_FOUND');
    return toMeasureView(await this.workflows.command({ kind: 'investigation', caseId }, update, arg, what, id));
  }
}
