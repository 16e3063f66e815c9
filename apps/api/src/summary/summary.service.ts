import { Inject, Injectable } from '@nestjs/common';
import { Client, WithStartWorkflowOperation } from '@temporalio/client';
import { randomUUID } from 'node:crypto';
import { Env } from '../../../../libs/config/env';
import { checkAvMetadata } from '../../../../libs/domain/evidence';
import { describePenalties } from '../../../../libs/domain/review';
import { Actor } from '../../../../libs/domain/roles';
import { checkSummary } from '../../../../libs/domain/summary';
import { SummaryInput, summaryRegisteredUpdate, workflowIdForSummary } from '../../../../libs/messages/summary';
import { AgencyProfile, findProfile } from '../../../../libs/profiles';
import { cite } from '../../../../libs/profiles/cite';
import type { summaryWorkflow } from '../../../../workflows/summary/workflows';
import { CalendarStore } from '../calendar/calendar.store';
import { CasesService } from '../cases/cases.service';
import { ApiException } from '../common/api.exception';
import { derivedUuid } from '../common/idempotency';
import { notInFuture } from '../common/times';
import { ENV } from '../env.token';
import { SummaryAvDto, SummaryCaseDto } from './summary.dto';

const defined = (o: object) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Record<string, string>;

@Injectable()
export class SummaryService {
  constructor(
    private readonly temporal: Client,
    private readonly cases: CasesService,
    private readonly calendar: CalendarStore,
    @Inject(ENV) private readonly env: Env,
  ) {}

  /**
   * Records an on-the-spot decision after checking it against the profile (limits, items, AV,
   * collection), and starts its workflow: all-or-nothing (update-with-start), and the same
   * Idempotency-Key names the same case.
   */
  async start(actor: Actor, dto: SummaryCaseDto, key?: string) {
    notInFuture(dto.decidedAt, 'decidedAt');
    if (dto.collection) notInFuture(dto.collection.collectedAt, 'collection.collectedAt');
    const profile = findProfile(actor.agencyId, new Date());
    if (!profile) throw new ApiException('PROFILE_NOT_FOUND');
    const items = defined(dto.items);
    const errors = [
      ...checkSummary(profile, { party: dto.party, penalty: dto.penalty, items, disputed: dto.disputed, hasAudiovisual: !!dto.audiovisual, collection: dto.collection }),
      ...(dto.audiovisual
        ? checkAvMetadata(profile, { method: dto.audiovisual.method, usedAsEvidence: true, atSea: false, interrupted: false, metadata: defined(dto.audiovisual.metadata) }).map((e) => ({ ...e, field: `audiovisual.${e.field}` }))
        : []),
    ];
    if (errors.length) throw new ApiException('RECORD_INVALID', errors);

    const caseId = key ? derivedUuid(actor.id, 'summary-case', key) : randomUUID();
    const penalty = describePenalties([dto.penalty]);
    const input: SummaryInput = {
      caseId,
      agencyId: actor.agencyId,
      profile: { id: profile.id, version: profile.version, regulationTitle: profile.regulation.title, decision: profile.decision, execution: profile.execution },
      calendar: await this.calendar.schedules(),
      officer: actor,
      form: { reason: '适用简易程序当场作出行政处罚决定', caseSource: '现场执法', facts: dto.facts, parties: [{ ...dto.party }], handlerOpinion: `依据${dto.legalBasis}，${penalty}` },
      decision: { documentNumber: dto.documentNumber, decidedAt: dto.decidedAt, place: dto.place, content: dto.facts, summary: penalty, items },
      collection: dto.collection && { ...dto.collection },
      audiovisual: dto.audiovisual && this.audiovisual(actor, caseId, profile, dto, dto.audiovisual),
    };
    await this.temporal.workflow.executeUpdateWithStart(summaryRegisteredUpdate, {
      startWorkflowOperation: new WithStartWorkflowOperation<typeof summaryWorkflow>('summaryWorkflow', {
        workflowId: workflowIdForSummary(caseId),
        taskQueue: this.env.taskQueue,
        args: [input],
        workflowIdConflictPolicy: 'USE_EXISTING',
      }),
    });
    return this.cases.view(actor, caseId);
  }

  /** The disputed procedure's recording as an audiovisual record, its file due per the profile. */
  private audiovisual(actor: Actor, caseId: string, profile: AgencyProfile, dto: SummaryCaseDto, av: SummaryAvDto): SummaryInput['audiovisual'] {
    const rules = profile.investigation.audiovisual;
    return {
      record: {
        id: derivedUuid(caseId, 'summary-av'),
        caseId,
        category: 'audiovisual',
        kind: av.method,
        title: av.title,
        content: { activityEndedAt: dto.decidedAt, awayFromOffice: false, returnedAt: null, atSea: false, interrupted: false },
        producerId: actor.id,
        officers: [],
        signatures: null,
        rightsTold: null,
        avRecordIds: [],
        avOmissionReason: null,
        avVerdict: null,
        metadata: defined(av.metadata),
        usedAsEvidence: true,
        retentionUntil: null,
        legalBasis: null,
        correctsId: null,
        correctionReason: null,
        recordedAt: av.recordedAt,
        createdBy: actor.id,
      },
      upload: {
        from: rules.upload.startsAt === 'activity_ended' ? dto.decidedAt : av.recordedAt,
        period: rules.upload.period,
        legalBasis: cite(profile.regulation.title, rules.upload.source),
      },
    };
  }
}
