import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Query, Res, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Actor } from '#libs/domain/roles';
import { Act, CurrentActor } from '../auth/auth.decorators';
import { caseIdPipe } from '../cases/cases.controller';
import { ApiException } from '../common/api.exception';
import { DocumentFileQuery, DocumentListQuery, DocumentPreviewQuery, RegenerateDocumentDto } from './documents.dto';
import { DocumentPage, DocumentResponse, PendingDocumentList } from './documents.response';
import { DocumentsService } from './documents.service';
import { contentDisposition } from './content-disposition';

const documentIdPipe = new ParseUUIDPipe({ exceptionFactory: () => new ApiException('DOCUMENT_NOT_FOUND') });

@ApiTags('documents 执法文书')
@ApiBearerAuth()
@Controller('v1/cases/:id/documents')
export class DocumentsController {
  constructor(private readonly documents: DocumentsService) {}

  /** The documents generated from the case's record, in the order their steps happened, every version. */
  @Get()
  @ApiOkResponse({ type: DocumentPage })
  list(@CurrentActor() actor: Actor, @Param('id', caseIdPipe) id: string, @Query() q: DocumentListQuery) {
    return this.documents.list(actor, id, q);
  }

  /** The documents the case's steps named and that are not made yet; one the database refused says why (`failure`). */
  @Get('pending')
  @ApiOkResponse({ type: PendingDocumentList })
  pending(@CurrentActor() actor: Actor, @Param('id', caseIdPipe) id: string): Promise<PendingDocumentList> {
    return this.documents.pending(actor, id);
  }

  /**
   * The document as it will be generated, before its step (the 决定书 from the draft the chief is asked to
   * approve, the 告知书 from the draft it tells): the same template, the 文号 and date left blank, marked 预览稿.
   */
  @Get('preview')
  @ApiProduces('application/pdf')
  @ApiOkResponse({ description: 'PDF 预览稿（不存储、不记入案件记录）', schema: { type: 'string', format: 'binary' } })
  async preview(
    @CurrentActor() actor: Actor,
    @Param('id', caseIdPipe) id: string,
    @Query() q: DocumentPreviewQuery,
  ): Promise<StreamableFile> {
    const f = await this.documents.preview(actor, id, q);
    return new StreamableFile(f.bytes, {
      type: 'application/pdf',
      disposition: contentDisposition(f.names.name, f.names.ascii).replace(/^attachment/, 'inline'),
      length: f.bytes.length,
    });
  }

  /**
   * The PDF of any version, byte for byte as generated (its SHA-256 is in the list and in the record); with
   * `copy=party`, the copy for a party's granted access request (`request`), confidential content withheld,
   * made now, its handing over recorded.
   */
  @Get(':documentId/file')
  @ApiProduces('application/pdf')
  @ApiOkResponse({
    description: 'PDF 文件（文件名为文书名称及编号）；Content-Digest 为所发文件的 SHA-256（当事人查阅本为其自身的）',
    schema: { type: 'string', format: 'binary' },
  })
  async file(
    @CurrentActor() actor: Actor,
    @Param('id', caseIdPipe) id: string,
    @Param('documentId', documentIdPipe) documentId: string,
    @Query() q: DocumentFileQuery,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    const f = await this.documents.file(actor, id, documentId, q);
    res.setHeader('Content-Digest', `sha-256=:${Buffer.from(f.sha256, 'hex').toString('base64')}:`);
    return new StreamableFile(f.bytes, {
      type: 'application/pdf',
      disposition: contentDisposition(f.names.name, f.names.ascii),
      length: f.bytes.length,
    });
  }

  /**
   * 更正: renders the document's step again from the record as it stands; new bytes are stored as the next
   * version replacing the latest (201), the same bytes answer the latest as it is (200).
   */
  @Post(':documentId/regenerate')
  @Act('document.regenerate')
  @ApiCreatedResponse({ type: DocumentResponse, description: '生成了新版本' })
  @ApiOkResponse({ type: DocumentResponse, description: '依现有记录生成的文书与现行版本相同，未生成新版本' })
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  async regenerate(
    @CurrentActor() actor: Actor,
    @Param('id', caseIdPipe) id: string,
    @Param('documentId', documentIdPipe) documentId: string,
    @Body() dto: RegenerateDocumentDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<DocumentResponse> {
    const { document, created } = await this.documents.regenerate(actor, id, documentId, dto.reason);
    res.status(created ? 201 : 200);
    return document;
  }
}
