import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { InitiationForm } from '#libs/domain/case';
import { Actor } from '#libs/domain/roles';
import { InitiationInput, caseRegisteredUpdate } from '#libs/messages/initiation';
import { pinnedForInitiation } from '#libs/profiles/index';
import { escalationRules } from '#libs/domain/escalation';
import { CalendarStore } from '../calendar/calendar.store';
import { CaseResponse } from '../cases/cases.response';
import { CasesService } from '../cases/cases.service';
import { OfficerCertificates } from '../cases/officer-certificates';
import { ApiException } from '../common/api.exception';
import { derivedUuid } from '../common/idempotency';
import { notInFuture } from '../common/times';
import { ProfileRegistry } from '../profiles/profile-registry';
import { CaseWorkflowsClient } from '../temporal/case-workflows.client';
import { StartCaseDto } from './initiation.dto';

@Injectable()
export class InitiationService {
  constructor(
    private readonly workflows: CaseWorkflowsClient,
    private readonly cases: CasesService,
    private readonly calendar: CalendarStore,
    private readonly profiles: ProfileRegistry,
    private readonly certificates: OfficerCertificates,
  ) {}

  /**
   * Starts the case's workflow and answers once its row and first record entries are committed
   * (update-with-start), so nothing is half-written: either the workflow started and wrote the
   * case, or neither happened. The same Idempotency-Key names the same case. The case pins the
   * profile version in force today and the calendar known today; later changes reach it only by
   * a new profile version (never) or a calendar signal (estimated deadlines only).
   */
  async start(actor: Actor, dto: StartCaseDto, key?: string): Promise<CaseResponse> {
    notInFuture(dto, 'application.receivedAt');
    const profile = await this.profiles.forNewCase(actor.agencyId);
    const emergency = dto.emergency ?? false;
    if (emergency && dto.source !== 'ex_officio') throw new ApiException('EMERGENCY_EX_OFFICIO_ONLY');
    if (emergency && !profile.initiation.emergencyStart.allowed) throw new ApiException('EMERGENCY_NOT_ALLOWED');
    // The one starting the case becomes its handling officer (承办人): a valid certificate today.
    await this.certificates.assertHolds(actor.id, new Date(), 'handlingOfficer');

    const caseId = key ? derivedUuid(actor.id, 'start-case', key) : randomUUID();
    const input: InitiationInput = {
      caseId,
      agencyId: actor.agencyId,
      profile: pinnedForInitiation(profile),
      calendar: await this.calendar.schedules(),
      escalation: escalationRules(profile),
      source: dto.source,
      emergency,
      officer: actor,
      form: toForm(dto),
    };
    await this.workflows.updateWithStart('initiation', input, caseRegisteredUpdate);
    return this.cases.view(actor, caseId);
  }
}

function toForm(dto: StartCaseDto): InitiationForm {
  const form: InitiationForm = {
    reason: dto.reason,
    caseSource: dto.caseSource,
    facts: dto.facts,
    parties: dto.parties.map((p) => ({ ...p })),
    handlerOpinion: dto.handlerOpinion,
  };
  if (dto.source === 'complaint') {
    form.complainant = { ...dto.complainant! };
    form.complaintContent = dto.complaintContent;
  }
  if (dto.source === 'application') form.application = { ...dto.application! };
  return form;
}
