import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Actor } from '#libs/domain/roles';
import { Act, CurrentActor } from '../auth/auth.decorators';
import { caseIdPipe } from '../cases/cases.controller';
import { ApiException } from '../common/api.exception';
import { idempotencyKey, IdempotencyKeyHeader } from '../common/idempotency';
import { PageQuery } from '../common/paging';
import { ExtensionRequestDto, MeasureDecisionDto, PauseMeasureDto, ResumeMeasureDto, TakeMeasureDto } from './measures.dto';
import { MeasurePage, MeasureResponse } from './measures.response';
import { MeasuresService } from './measures.service';

const measureIdPipe = new ParseUUIDPipe({ exceptionFactory: () => new ApiException('MEASURE_NOT_FOUND') });

@ApiTags('investigation 行政强制措施')
@ApiBearerAuth()
@Controller('v1/cases/:id/measures')
export class MeasuresController {
  constructor(private readonly measures: MeasuresService) {}

  @Post()
  @Act('measure.apply')
  @ApiCreatedResponse({ type: MeasureResponse })
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  take(
    @CurrentActor() actor: Actor,
    @Param('id', caseIdPipe) id: string,
    @Body() dto: TakeMeasureDto,
    @IdempotencyKeyHeader() key?: string,
  ) {
    return this.measures.take(actor, id, dto, idempotencyKey(key));
  }

  @Get()
  @ApiOkResponse({ type: MeasurePage })
  list(@CurrentActor() actor: Actor, @Param('id', caseIdPipe) id: string, @Query() q: PageQuery) {
    return this.measures.list(actor, id, q);
  }

  @Post(':measureId/pauses')
  @Act('measure.pause')
  @HttpCode(200)
  @ApiOkResponse({ type: MeasureResponse })
  pause(
    @CurrentActor() actor: Actor,
    @Param('id', caseIdPipe) id: string,
    @Param('measureId', measureIdPipe) mid: string,
    @Body() dto: PauseMeasureDto,
  ) {
    return this.measures.pause(actor, id, mid, dto);
  }

  @Post(':measureId/resumption')
  @Act('measure.resume')
  @HttpCode(200)
  @ApiOkResponse({ type: MeasureResponse })
  resume(
    @CurrentActor() actor: Actor,
    @Param('id', caseIdPipe) id: string,
    @Param('measureId', measureIdPipe) mid: string,
    @Body() dto: ResumeMeasureDto,
  ) {
    return this.measures.resume(actor, id, mid, dto);
  }

  /** Opens the chief's task to approve the one extension (行政强制法 25 第二款). */
  @Post(':measureId/extension-request')
  @Act('measure.extend')
  @HttpCode(200)
  @ApiOkResponse({ type: MeasureResponse })
  extend(
    @CurrentActor() actor: Actor,
    @Param('id', caseIdPipe) id: string,
    @Param('measureId', measureIdPipe) mid: string,
    @Body() dto: ExtensionRequestDto,
  ) {
    return this.measures.requestExtension(actor, id, mid, dto);
  }

  @Post(':measureId/decision')
  @Act('measure.decide')
  @HttpCode(200)
  @ApiOkResponse({ type: MeasureResponse })
  decide(
    @CurrentActor() actor: Actor,
    @Param('id', caseIdPipe) id: string,
    @Param('measureId', measureIdPipe) mid: string,
    @Body() dto: MeasureDecisionDto,
  ) {
    return this.measures.decide(actor, id, mid, dto);
  }
}
