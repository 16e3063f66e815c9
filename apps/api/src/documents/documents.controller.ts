import { Controller, Get, Param, ParseUUIDPipe, Query, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Actor } from '#libs/domain/roles';
import { CurrentActor } from '../auth/auth.decorators';
import { caseIdPipe } from '../cases/cases.controller';
import { ApiException } from '../common/api.exception';
import { DocumentListQuery, DocumentPreviewQuery } from './documents.dto';
import { DocumentPage } from './documents.response';
import { DocumentsService } from './documents.service';
import { contentDisposition } from './content-disposition';

const documentIdPipe = new ParseUUIDPipe({ exceptionFactory: () => new ApiException('DOCUMENT_NOT_FOUND') });

@ApiTags('documents 执法文书')
@ApiBearerAuth()
@Controller('v1/cases/:id/documents')
export class DocumentsController {
  constructor(private readonly documents: DocumentsService) {}

  /** The documents generated from the case's record, in the order their steps happened. */
  @Get()
  @ApiOkResponse({ type: DocumentPage })
  list(@CurrentActor() actor: Actor, @Param('id', caseIdPipe) id: string, @Query() q: DocumentListQuery) {
    return this.documents.list(actor, id, q);
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

  /** The document's PDF, byte for byte as generated (its SHA-256 is in the list and in the record). */
  @Get(':documentId/file')
  @ApiProduces('application/pdf')
  @ApiOkResponse({ description: 'PDF 文件（文件名为文书名称及编号）', schema: { type: 'string', format: 'binary' } })
  async file(
    @CurrentActor() actor: Actor,
    @Param('id', caseIdPipe) id: string,
    @Param('documentId', documentIdPipe) documentId: string,
  ): Promise<StreamableFile> {
    const f = await this.documents.file(actor, id, documentId);
    return new StreamableFile(f.bytes, {
      type: 'application/pdf',
      disposition: contentDisposition(f.names.name, f.names.ascii),
      length: f.bytes.length,
    });
  }
}
