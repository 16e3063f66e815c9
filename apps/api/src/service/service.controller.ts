import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiException } from '../common/api.exception';
import { ApiBearerAuth, ApiHeader, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Actor } from '#libs/domain/roles';
import { Act, CurrentActor } from '../auth/auth.decorators';
import { caseIdPipe } from '../cases/cases.controller';
import { idempotencyKey, IdempotencyKeyHeader } from '../common/idempotency';
import { PageQuery } from '../common/paging';
import { AddressConfirmationDto, AttemptDto, OutcomeDto } from './service.dto';
import { ServiceAddressResponse, ServicePage, ServiceResponse } from './service.response';
import { ServiceOfDocuments } from './service-of-documents';

const serviceIdPipe = new ParseUUIDPipe({ exceptionFactory: () => new ApiException('SERVICE_NOT_FOUND') });

@ApiTags('service 送达')
@ApiBearerAuth()
@Controller('v1/cases/:id')
export class ServiceController {
  constructor(private readonly service: ServiceOfDocuments) {}

  /** Every document served or being served, with its attempts and the date of service. */
  @Get('services')
  @ApiOkResponse({ type: ServicePage })
  list(@CurrentActor() actor: Actor, @Param('id', caseIdPipe) id: string, @Query() q: PageQuery) {
    return this.service.list(actor, id, q);
  }

  /** The next attempt (method and what it records); public notice only after the others failed. */
  @Post('services/:serviceId/attempts')
  @ApiOkResponse({ type: ServiceResponse })
  @Act('service.attempt')
  @HttpCode(200)
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  attempt(
    @CurrentActor() actor: Actor,
    @Param('id', caseIdPipe) id: string,
    @Param('serviceId', serviceIdPipe) serviceId: string,
    @Body() dto: AttemptDto,
    @IdempotencyKeyHeader() key?: string,
  ) {
    return this.service.attempt(actor, id, serviceId, dto, idempotencyKey(key));
  }

  /** How the pending attempt ended: served with its receipt (lodged: refusal, witness, AV), or failed. */
  @Post('services/:serviceId/outcome')
  @ApiOkResponse({ type: ServiceResponse })
  @Act('service.outcome')
  @HttpCode(200)
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  outcome(
    @CurrentActor() actor: Actor,
    @Param('id', caseIdPipe) id: string,
    @Param('serviceId', serviceIdPipe) serviceId: string,
    @Body() dto: OutcomeDto,
    @IdempotencyKeyHeader() key?: string,
  ) {
    return this.service.outcome(actor, id, serviceId, dto, idempotencyKey(key));
  }

  /** 送达地址确认书: the address, contact and email the party confirmed, and consent to electronic service. */
  @Post('service-address')
  @ApiOkResponse({ type: ServiceAddressResponse })
  @Act('service.address')
  @HttpCode(200)
  confirmAddress(@CurrentActor() actor: Actor, @Param('id', caseIdPipe) id: string, @Body() dto: AddressConfirmationDto) {
    return this.service.confirmAddress(actor, id, dto);
  }
}
