import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { Actor } from '#libs/domain/roles';
import { AttemptInput, OutcomeInput } from '#libs/domain/service';
import { recordServiceOutcomeUpdate } from '#libs/messages/service';
import { CaseEntity } from '#libs/persistence/entities/case.entity';
import { CasesService } from '../cases/cases.service';
import { ApiException } from '../common/api.exception';
import { derivedUuid } from '../common/idempotency';
import { PageQuery, pageOf, skipOf } from '../common/paging';
import { notInFuture } from '../common/times';
import { AvDescription, avEvidence } from '../investigation/av-evidence';
import { AvDescriptionDto } from '../investigation/investigation.dto';
import { CaseWorkflowsClient } from '../temporal/case-workflows.client';
import { AddressConfirmationDto, AttemptDto, OutcomeDto } from './service.dto';
import { ServicesRepository } from '#libs/persistence/repositories/services.repository';
import { ServiceAddressResponse, ServicePage, ServiceResponse, mapService, mapServiceAddress } from './service.response';

/** Service of a case's documents: the list, each attempt, its outcome, and the confirmed address. */
@Injectable()
export class ServiceOfDocuments {
  constructor(
    private readonly cases: CasesService,
    private readonly workflows: CaseWorkflowsClient,
    private readonly services: ServicesRepository,
  ) {}

  async list(actor: Actor, caseId: string, q: PageQuery): Promise<ServicePage> {
    await this.cases.findForActor(actor, caseId);
    const [views, total] = await this.services.page(caseId, skipOf(q), q.pageSize);
    return pageOf(views.map(mapService), total, q);
  }

  /**
   * Completes the service's open attempt task with the attempt. Electronic service uses the email
   * the party confirmed with consent; a postal address defaults to the confirmed address.
   */
  async attempt(actor: Actor, caseId: string, serviceId: string, dto: AttemptDto, key?: string): Promise<ServiceResponse> {
    notInFuture(dto, 'startedAt', 'publicNotice.audiovisual.recordedAt');
    const c = await this.cases.findForActor(actor, caseId);
    const task = await this.workflows.openTask(caseId, 'service_attempt', { kind: 'service', caseId, serviceId });
    if (!task) {
      const s = await this.services.findInCase(caseId, serviceId);
      throw new ApiException(!s ? 'SERVICE_NOT_FOUND' : s.status === 'served' ? 'SERVICE_ALREADY_SERVED' : 'SERVICE_ATTEMPT_PENDING');
    }
    const confirmed = await this.services.lastAddress(caseId);
    const attempt: AttemptInput = { method: dto.method, startedAt: dto.startedAt };
    if (dto.postal) {
      const address = dto.postal.address ?? confirmed?.address;
      if (!address)
        throw new ApiException('RECORD_INVALID', [
          { field: 'postal.address', code: 'REQUIRED', message: '邮寄地址不能为空（当事人未确认送达地址）' },
        ]);
      attempt.postal = { ...dto.postal, address };
    }
    if (dto.via) attempt.via = { ...dto.via };
    if (dto.method === 'electronic') {
      if (!confirmed?.electronicConsent || !confirmed.email) throw new ApiException('SERVICE_ELECTRONIC_NO_CONSENT');
      attempt.electronic = { address: confirmed.email, consentedAt: confirmed.confirmedAt.toISOString() };
    }
    if (dto.publicNotice) {
      const { audiovisual, ...notice } = dto.publicNotice;
      attempt.publicNotice = {
        ...notice,
        audiovisual: audiovisual && (await this.recording(actor, c, audiovisual, dto.startedAt, 'publicNotice.audiovisual')),
      };
    }
    await this.workflows.completeTask(
      task,
      actor,
      { decision: 'attempted', opinion: '采用该方式送达', attempt },
      key ?? JSON.stringify(dto),
    );
    return mapService(await this.services.view(serviceId));
  }

  async outcome(actor: Actor, caseId: string, serviceId: string, dto: OutcomeDto, key?: string): Promise<ServiceResponse> {
    notInFuture(dto, 'at', 'lodged.audiovisual.recordedAt');
    const c = await this.cases.findForActor(actor, caseId);
    if (!(await this.services.findInCase(caseId, serviceId))) throw new ApiException('SERVICE_NOT_FOUND');
    const { lodged, ...rest } = dto;
    const outcome: OutcomeInput = { ...rest };
    if (lodged) {
      const { audiovisual, ...l } = lodged;
      outcome.lodged = { ...l, audiovisual: audiovisual && (await this.recording(actor, c, audiovisual, dto.at, 'lodged.audiovisual')) };
    }
    const view = await this.workflows.update(
      { kind: 'service', caseId, serviceId },
      recordServiceOutcomeUpdate,
      { ...outcome, by: actor },
      derivedUuid(actor.id, serviceId, 'outcome', key ?? JSON.stringify(dto)),
    );
    return mapService(view);
  }

  /** 送达地址确认书: kept with the case and written to its record in one transaction. */
  async confirmAddress(actor: Actor, caseId: string, dto: AddressConfirmationDto): Promise<ServiceAddressResponse> {
    notInFuture(dto, 'confirmedAt');
    await this.cases.findForActor(actor, caseId);
    if (dto.electronicConsent && !dto.email) {
      throw new ApiException('RECORD_INVALID', [{ field: 'email', code: 'REQUIRED', message: '同意电子送达的，须确认电子邮件地址' }]);
    }
    const id = derivedUuid(actor.id, 'service-address', caseId, JSON.stringify(dto));
    const address = {
      id,
      caseId,
      address: dto.address,
      contact: dto.contact ?? null,
      email: dto.email ?? null,
      electronicConsent: dto.electronicConsent,
      confirmedAt: new Date(dto.confirmedAt),
      signedBy: dto.signedBy,
      recordedBy: actor.id,
    };
    await this.services.addAddress(address, {
      caseId,
      key: `service-address:${id}`,
      actor,
      action: 'service_address_confirmed',
      summary: `当事人${dto.signedBy}确认送达地址：${dto.address}${dto.email ? `，电子邮件${dto.email}` : ''}；${dto.electronicConsent ? '同意' : '不同意'}电子送达`,
      details: { addressId: id },
    });
    return mapServiceAddress(id, dto);
  }

  private async recording(actor: Actor, c: CaseEntity, av: AvDescriptionDto, endedAt: string, field: string) {
    const description: AvDescription = { ...av, metadata: { ...av.metadata } };
    const { evidence, errors } = avEvidence(actor, c.id, randomUUID(), await this.cases.profileOf(c), description, endedAt, field);
    if (errors.length) throw new ApiException('RECORD_INVALID', errors);
    return evidence;
  }
}
