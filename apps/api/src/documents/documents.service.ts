import { Inject, Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { Env } from '#libs/config/env';
import { Actor } from '#libs/domain/roles';
import { contentPath } from '#libs/documents/files';
import { documentPreview } from '#activities/documents/preview';
import { renderPdf } from '#activities/documents/render';
import { DOCUMENT_KIND_LABELS, type DocumentKind, MADE_BY, documentFileNames, documentPossible } from '#libs/documents/kinds';
import { PREVIEW_MARK, type PreviewKind } from '#libs/documents/preview';
import { CaseDocumentsRepository } from '#libs/persistence/repositories/case-documents.repository';
import { CasesService } from '../cases/cases.service';
import { ApiException } from '../common/api.exception';
import { pageOf, skipOf } from '../common/paging';
import { ENV } from '../env.token';
import { DocumentListQuery, DocumentPreviewQuery } from './documents.dto';
import { toDocumentView } from './documents.mapper';
import { DocumentPage } from './documents.response';

export interface DocumentFile {
  names: { name: string; ascii: string };
  bytes: Buffer;
}

/** A case's generated documents, read under the case's read rules (CasesService.findForActor). */
@Injectable()
export class DocumentsService {
  constructor(
    private readonly cases: CasesService,
    private readonly documents: CaseDocumentsRepository,
    @Inject(ENV) private readonly env: Env,
  ) {}

  /**
   * The case's documents in the order the record made them. Asked for one kind the case cannot have yet
   * (a 决定书 before the decision is issued): 409 DOCUMENT_NOT_YET, not an empty list that reads as "lost".
   */
  async list(actor: Actor, caseId: string, q: DocumentListQuery): Promise<DocumentPage> {
    await this.cases.findForActor(actor, caseId);
    const kind = q.kind as DocumentKind | undefined;
    if (kind && !documentPossible(kind, await this.documents.recordedSteps(caseId, MADE_BY[kind]))) {
      throw new ApiException('DOCUMENT_NOT_YET', [{ field: 'kind', code: 'DOCUMENT_NOT_YET', message: notYet(kind) }]);
    }
    const [rows, total] = await this.documents.page(caseId, kind, skipOf(q), q.pageSize);
    return pageOf(rows.map(toDocumentView), total, q);
  }

  /** The stored PDF, checked against its hash: a file that no longer matches is not handed out as the document. */
  async file(actor: Actor, caseId: string, documentId: string): Promise<DocumentFile> {
    await this.cases.findForActor(actor, caseId);
    const d = await this.documents.findInCase(caseId, documentId);
    if (!d) throw new ApiException('DOCUMENT_NOT_FOUND');
    const bytes = await readFile(contentPath(this.env.storageDir, d.sha256)).catch(() => null);
    if (!bytes || createHash('sha256').update(bytes).digest('hex') !== d.sha256) throw new ApiException('DOCUMENT_FILE_ALTERED');
    return { names: documentFileNames(d.kind, d.number, d.sha256), bytes };
  }

  /**
   * The document as its step will generate it (activities/documents/preview.ts: the same reading of the
   * record and the same template), rendered now and marked 预览稿; nothing is stored or recorded. Nothing to
   * show yet (no draft): 409 DOCUMENT_NOT_YET on `kind`.
   */
  async preview(actor: Actor, caseId: string, q: DocumentPreviewQuery): Promise<DocumentFile> {
    await this.cases.findForActor(actor, caseId);
    const kind = q.kind as PreviewKind;
    const definition = await this.documents.readRecord((m) => documentPreview(m, caseId, kind, new Date()));
    if (!definition)
      throw new ApiException('DOCUMENT_NOT_YET', [{ field: 'kind', code: 'DOCUMENT_NOT_YET', message: NOTHING_TO_PREVIEW[kind] }]);
    const name = `${DOCUMENT_KIND_LABELS[kind]}（${PREVIEW_MARK}）.pdf`;
    return { names: { name, ascii: `${kind}-preview.pdf` }, bytes: await renderPdf(definition) };
  }
}

const STEP_LABELS: Record<DocumentKind, string> = {
  initiation_approval: '立案',
  pre_decision_notice: '送达行政处罚事先告知书',
  decision: '作出处罚决定',
  service_receipt: '开始送达',
  demand_notice: '送达催告书',
  legal_review_opinion: '完成法制审核',
  collective_discussion_record: '记录集体讨论',
  court_application: '申请人民法院强制执行',
};
const NOTHING_TO_PREVIEW: Record<PreviewKind, string> = {
  decision: '本案承办人尚未提交处理意见（决定书草稿），暂无可预览的行政处罚决定书',
  pre_decision_notice: '本案承办人尚未提交处理意见，暂无可预览的行政处罚事先告知书',
};
const notYet = (kind: DocumentKind) => `本案尚未${STEP_LABELS[kind]}，还没有该种文书`;
