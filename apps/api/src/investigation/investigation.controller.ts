import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Put, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { AV_MEDIA_TYPES } from '#libs/domain/av-media';
import { Actor } from '#libs/domain/roles';
import { Act, CurrentActor } from '../auth/auth.decorators';
import { caseIdPipe } from '../cases/cases.controller';
import { ApiException } from '../common/api.exception';
import { idempotencyKey, IdempotencyKeyHeader } from '../common/idempotency';
import { PageQuery } from '../common/paging';
import { AvUploadService } from './av-upload.service';
import { AvRecordDto, FlagDto, WrittenRecordDto } from './investigation.dto';
import { DefectPage, EvidencePage, EvidenceReadResponse, EvidenceResponse, FlagsResponse } from './investigation.response';
import { InvestigationService } from './investigation.service';
import { ConfidentialityService } from './confidentiality.service';

const recordIdPipe = new ParseUUIDPipe({ exceptionFactory: () => new ApiException('RECORD_NOT_FOUND') });

@ApiTags('investigation 调查取证')
@ApiBearerAuth()
@Controller('v1/cases/:id')
export class InvestigationController {
  constructor(
    private readonly investigation: InvestigationService,
    private readonly uploads: AvUploadService,
    private readonly confidentiality: ConfidentialityService,
  ) {}

  @Post('records')
  @Act('record.add')
  @ApiCreatedResponse({ type: EvidenceResponse })
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  addWritten(
    @CurrentActor() actor: Actor,
    @Param('id', caseIdPipe) id: string,
    @Body() dto: WrittenRecordDto,
    @IdempotencyKeyHeader() key?: string,
  ) {
    return this.investigation.addWritten(actor, id, dto, idempotencyKey(key));
  }

  @Post('av-records')
  @Act('av.add')
  @ApiCreatedResponse({ type: EvidenceResponse })
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  addAv(@CurrentActor() actor: Actor, @Param('id', caseIdPipe) id: string, @Body() dto: AvRecordDto, @IdempotencyKeyHeader() key?: string) {
    return this.investigation.addAv(actor, id, dto, idempotencyKey(key));
  }

  /**
   * The file itself, streamed as the request body in an audiovisual media type (libs/domain/av-media.ts);
   * stored by SHA-256, checked against `Content-Digest` when the client sends one.
   */
  @Put('av-records/:recordId/file')
  @Act('av.upload')
  @ApiOkResponse({ type: EvidenceResponse })
  @ApiConsumes(...AV_MEDIA_TYPES)
  @ApiHeader({ name: 'Content-Digest', required: false, description: 'sha-256=:<Base64>: (RFC 9530)；与收到的文件不符则拒绝存储' })
  @ApiBody({ schema: { type: 'string', format: 'binary' } })
  upload(
    @CurrentActor() actor: Actor,
    @Param('id', caseIdPipe) id: string,
    @Param('recordId', recordIdPipe) recordId: string,
    @Req() req: Request,
  ) {
    return this.uploads.upload(actor, id, recordId, req);
  }

  /** The case's records; a flagged one is redacted for readers outside its circle, and every read of it recorded. */
  @Get('evidence')
  @ApiOkResponse({ type: EvidencePage })
  list(@CurrentActor() actor: Actor, @Param('id', caseIdPipe) id: string, @Query() q: PageQuery) {
    return this.confidentiality.list(actor, id, q);
  }

  @Get('evidence/:recordId')
  @ApiOkResponse({ type: EvidenceReadResponse })
  one(@CurrentActor() actor: Actor, @Param('id', caseIdPipe) id: string, @Param('recordId', recordIdPipe) recordId: string) {
    return this.confidentiality.one(actor, id, recordId);
  }

  /** 涉密标记: state secret, commercial secret or privacy, with the reason. */
  @Post('evidence/:recordId/flags')
  @Act('evidence.flag')
  @HttpCode(200)
  @ApiOkResponse({ type: FlagsResponse })
  flag(
    @CurrentActor() actor: Actor,
    @Param('id', caseIdPipe) id: string,
    @Param('recordId', recordIdPipe) recordId: string,
    @Body() dto: FlagDto,
  ) {
    return this.confidentiality.flag(actor, id, recordId, dto.flag, dto.reason);
  }

  @Get('defects')
  @ApiOkResponse({ type: DefectPage })
  defects(@CurrentActor() actor: Actor, @Param('id', caseIdPipe) id: string, @Query() q: PageQuery) {
    return this.investigation.listDefects(actor, id, q);
  }
}
