import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { describePenalties } from '#libs/domain/review';
import { Actor } from '#libs/domain/roles';
import { checkSummary } from '#libs/domain/summary';
import { SummaryInput, summaryRegisteredUpdate } from '#libs/messages/summary';
import { numberingOf } from '#libs/profiles/index';
import { escalationRules } from '#libs/domain/escalation';
import { CalendarStore } from '../calendar/calendar.store';
import { CaseRefs } from '../cases/case-refs';
import { CaseResponse } from '../cases/cases.response';
import { CasesService } from '../cases/cases.service';
import { ApiException } from '../common/api.exception';
import { derivedUuid } from '../common/idempotency';
import { notBefore, notInFuture } from '../common/times';
import { OfficerCertificates } from '../cases/officer-certificates';
import { avEvidence } from '../investigation/av-evidence';
import { ProfileRegistry } from '../profiles/profile-registry';
import { CaseWorkflowsClient } from '../temporal/case-workflows.client';
import { SummaryCaseDto } from './summary.dto';

const defined = (o: object) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Record<string, string>;

@Injectable()
export class SummaryService {
  constructor(
    private readonly workflows: CaseWorkflowsClient,
    private readonly cases: CasesService,
    private readonly refs: CaseRefs,
    private readonly calendar: CalendarStore,
    private readonly profiles: ProfileRegistry,
    private readonly certificates: OfficerCertificates,
  ) {}

  /**
   * Records an on-the-spot decision after checking it against the profile (limits, items, AV,
   * collection), and starts its workflow: all-or-nothing (update-with-start), and the same
   * Idempotency-Key names the same case.
   */
  async start(actor: Actor, dto: SummaryCaseDto, key?: string): Promise<CaseResponse> {
    notInFuture(dto, 'decidedAt', 'collection.collectedAt', 'audiovisual.recordedAt');
    // 行政处罚法 68, 69: the fine is collected on the spot once decided, not before.
    notBefore(dto, 'collection.collectedAt', { label: '当场处罚决定', at: dto.decidedAt });
    const profile = await this.profiles.forNewCase(actor.agencyId);
    // 行政处罚法 52: the officer deciding on the spot shows a certificate valid that day (42).
    await this.certificates.assertHolds(actor.id, new Date(dto.decidedAt), 'handlingOfficer');
    const items = defined(dto.items);
    const caseId = key ? derivedUuid(actor.id, 'summary-case', key) : randomUUID();
    const av =
      dto.audiovisual &&
      avEvidence(
        actor,
        caseId,
        derivedUuid(caseId, 'summary-av'),
        profile,
        { ...dto.audiovisual, metadata: { ...dto.audiovisual.metadata } },
        dto.decidedAt,
        'audiovisual',
      );
    const errors = [
      ...checkSummary(profile, {
        party: dto.party,
        penalty: dto.penalty,
        items,
        disputed: dto.disputed,
        hasAudiovisual: !!dto.audiovisual,
        collection: dto.collection,
      }),
      ...(av?.errors ?? []),
    ];
    if (errors.length) throw new ApiException('RECORD_INVALID', errors);
    const assign = await this.refs.decisionNumbering(actor.agencyId, caseId, numberingOf(profile), 'summary_decision', dto.documentNumber);

    const penalty = describePenalties([dto.penalty]);
    const input: SummaryInput = {
      caseId,
      agencyId: actor.agencyId,
      profile: {
        id: profile.id,
        version: profile.version,
        regulationTitle: profile.regulation.title,
        decision: profile.decision,
        execution: profile.execution,
        archiving: profile.archiving,
        service: profile.service,
        audiovisual: profile.investigation.audiovisual,
      },
      calendar: await this.calendar.schedules(),
      escalation: escalationRules(profile),
      officer: actor,
      form: {
        reason: '适用简易程序当场作出行政处罚决定',
        caseSource: '现场执法',
        facts: dto.facts,
        parties: [{ ...dto.party }],
        handlerOpinion: `依据${dto.legalBasis}，${penalty}`,
      },
      decision: {
        ...(assign ? { assign } : { documentNumber: dto.documentNumber }),
        decidedAt: dto.decidedAt,
        place: dto.place,
        content: dto.facts,
        summary: penalty,
        items,
      },
      collection: dto.collection && { ...dto.collection },
      fineFen: dto.penalty.kind === 'fine' && dto.penalty.amountYuan !== undefined ? Math.round(dto.penalty.amountYuan * 100) : undefined,
      audiovisual: av?.evidence,
    };
    await this.workflows.updateWithStart('summary', input, summaryRegisteredUpdate);
    return this.cases.view(actor, caseId);
  }
}
