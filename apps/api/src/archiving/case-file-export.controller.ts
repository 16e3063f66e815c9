import { Controller, Get, Param, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Actor } from '#libs/domain/roles';
import { CurrentActor } from '../auth/auth.decorators';
import { caseIdPipe } from '../cases/cases.controller';
import { contentDisposition } from '../documents/content-disposition';
import { CaseFileExportService, ExportFile } from './case-file-export.service';

const download = (f: ExportFile, type: string) =>
  new StreamableFile(f.bytes, { type, disposition: contentDisposition(f.name, f.ascii), length: f.bytes.length });

@ApiTags('archiving 归档')
@ApiBearerAuth()
@Controller('v1/cases/:id/case-file')
export class CaseFileExportController {
  constructor(private readonly exports: CaseFileExportService) {}

  /** The 案卷 as one PDF: cover, 卷内文件目录, the documents with continuous 页号, 备考表 (a draft before archiving). */
  @Get('pdf')
  @ApiProduces('application/pdf')
  @ApiOkResponse({ description: '案卷 PDF（归档前为草稿；文件名为“行政执法案卷（案号）”）', schema: { type: 'string', format: 'binary' } })
  async pdf(@CurrentActor() actor: Actor, @Param('id', caseIdPipe) id: string): Promise<StreamableFile> {
    return download(await this.exports.pdf(actor, id), 'application/pdf');
  }

  /** The export package: the 案卷 PDF, each document, each audio-video file, and manifest.json with the SM3 chain. */
  @Get('package')
  @ApiProduces('application/zip')
  @ApiOkResponse({
    description: '案卷导出包（ZIP：案卷 PDF、各文书、各音像文件及 manifest.json；可用 npm run verify -- --package 离线校验）',
    schema: { type: 'string', format: 'binary' },
  })
  async package(@CurrentActor() actor: Actor, @Param('id', caseIdPipe) id: string): Promise<StreamableFile> {
    return download(await this.exports.package(actor, id), 'application/zip');
  }
}
