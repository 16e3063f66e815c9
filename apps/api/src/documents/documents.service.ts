import { Inject, Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { documentFromRecord, regenerateDocument } from '#activities/documents/from-record';
import { documentPreview } from '#activities/documents/preview';
import { renderPdf } from '#activities/documents/render';
import { Env } from '#libs/config/env';
import { Actor } from '#libs/domain/roles';
import type { DocumentCopy } from '#libs/documents/confidential';
import { contentPath } from '#libs/documents/files';
import { DOCUMENT_KIND_LABELS, type DocumentKind, MADE_BY, documentFileNames, documentPossible } from '#libs/documents/kinds';
import { PREVIEW_MARK, type PreviewKind } from '#libs/documents/preview';
import { workflowIdForAccessRequest } from '#libs/messages/access';
import { CaseDocumentEntity } from '#libs/persistence/entities/case-document.entity';
import { CaseDocumentsRepository } from '#libs/persistence/repositories/case-documents.repository';
import { CaseRecordRepository } from '#libs/persistence/repositories/case-record.repository';
import { TasksRepository } from '#libs/persistence/repositories/tasks.repository';
import { CasesService } from '../cases/cases.service';
import { ApiException } from '../common/api.exception';
import { pageOf, skipOf } from '../common/paging';
import { ENV } from '../env.token';
import { ConfidentialityService } from '../investigation/confidentiality.service';
import { DocumentFileQuery, DocumentListQuery, DocumentPreviewQuery } from './documents.dto';
import { toDocumentView } from './documents.mapper';
import { DocumentPage, DocumentResponse, PendingDocumentList } from './documents.response';

export interface DocumentFile {
  names: { name: string; ascii: string };
  bytes: Buffer;
  sha256: string;
}

/** A case's generated documents, read under the case's read rules (CasesService.findForActor). */
@Injectable()
export class DocumentsService {
  constructor(
    private readonly cases: CasesService,
    private readonly documents: CaseDocumentsRepository,
    private readonly tasks: TasksRepository,
    private readonly record: CaseRecordRepository,
    private readonly confidentiality: ConfidentialityService,
    @Inject(ENV) private readonly env: Env,
  ) {}

  /**
   * The case's documents in the order the record made them, every version, each naming the one it replaces
   * and the one that replaced it. Asked for one kind the case cannot have yet (a 决定书 before the decision
   * is issued): 409 DOCUMENT_NOT_YET, not an empty list that reads as "lost".
   */
  async list(actor: Actor, caseId: string, q: DocumentListQuery): Promise<DocumentPage> {
    await this.cases.findForActor(actor, caseId);
    const kind = q.kind as DocumentKind | undefined;
    if (kind && !documentPossible(kind, await this.documents.recordedSteps(caseId, MADE_BY[kind]))) {
      throw new ApiException('DOCUMENT_NOT_YET', [{ field: 'kind', code: 'DOCUMENT_NOT_YET', message: notYet(kind) }]);
    }
    const [rows, total] = await this.documents.page(caseId, kind, skipOf(q), q.pageSize);
    const replacedBy = await this.documents.replacedBy(rows.map((r) => r.id));
    return pageOf(
      rows.map((r) => toDocumentView(r, replacedBy.get(r.id) ?? null)),
      total,
      q,
    );
  }

  async pending(actor: Actor, caseId: string): Promise<PendingDocumentList> {
    await this.cases.findForActor(actor, caseId);
    const rows = await this.documents.pending(caseId);
    return { items: rows.map((r) => ({ ...r, kindLabel: DOCUMENT_KIND_LABELS[r.kind], namedAt: r.namedAt.toISOString() })) };
  }

  /**
   * The stored PDF of any version, checked against its hash: a file that no longer matches is not handed
   * out as the document. A party's copy is rendered now from the record with confidential content withheld
   * (libs/documents/confidential.ts): not stored, not a version; its own hash goes with it, and it is made
   * on a granted access request only, the handing over recorded (`partyCopy`). The original of a 笔录 made
   * from a written record (its step is `evidence:<recordId>`) is read as that record: a flagged one only
   * within its circle (ConfidentialityService); its party copy withholds the record's content.
   */
  async file(actor: Actor, caseId: string, documentId: string, q: DocumentFileQuery = {}): Promise<DocumentFile> {
    const c = await this.cases.findForActor(actor, caseId);
    const d = await this.documents.findInCase(caseId, documentId);
    if (!d) throw new ApiException('DOCUMENT_NOT_FOUND');
    if ((q.copy as DocumentCopy | undefined) === 'party') return this.partyCopy(actor, d, q.request!);
    if (d.stepRef.startsWith(RECORD_STEP)) await this.confidentiality.readingRecordDocument(actor, c, d.stepRef.slice(RECORD_STEP.length));
    const bytes = await readFile(contentPath(this.env.storageDir, d.sha256)).catch(() => null);
    if (!bytes || sha256Of(bytes) !== d.sha256) throw new ApiException('DOCUMENT_FILE_ALTERED');
    return { names: documentFileNames(d.kind, d.number, d.sha256), bytes, sha256: d.sha256 };
  }

  /**
   * A correction: the document's step rendered again from the record as it stands, stored as the next
   * version when the bytes differ (`created`), else the current version answered as it is. Idempotent: a
   * retry renders the same bytes as the version it made.
   */
  async regenerate(
    actor: Actor,
    caseId: string,
    documentId: string,
    reason: string,
  ): Promise<{ document: DocumentResponse; created: boolean }> {
    await this.cases.findForActor(actor, caseId);
    const asked = await this.documents.findInCase(caseId, documentId);
    if (!asked) throw new ApiException('DOCUMENT_NOT_FOUND');
    const made = await this.documents.withCaseLocked(caseId, async (m) => {
      const latest = (await this.documents.latestOf(asked, m))!;
      return regenerateDocument(m, this.env.storageDir, latest, actor, reason);
    });
    if (!made) throw new ApiException('DOCUMENT_NOT_REGENERABLE');
    const d = (await this.documents.findInCase(caseId, made.id))!;
    const replacedBy = await this.documents.replacedBy([d.id]);
    return { document: toDocumentView(d, replacedBy.get(d.id) ?? null), created: made.created };
  }

  /**
   * A copy for a party is what an access request grants (行政处罚法 50 keeps the secrets out of it): whether
   * the party may read or copy is decided per request, by the chief where the profile wants the chief's
   * consent, by the officer per the 政府信息公开条例 elsewhere (workflows/access). So the copy names a
   * request of this case that was granted, and handing it over is an entry of the record: who, which
   * version, the copy's SHA-256. The entry's key holds request, document, person and hash: a retry, or the
   * same copy asked again, appends nothing; a different copy (the record changed since) is a new entry.
   */
  private async partyCopy(actor: Actor, d: CaseDocumentEntity, requestId: string): Promise<DocumentFile> {
    const decision = await this.tasks.accessDecision(d.caseId, workflowIdForAccessRequest(d.caseId, requestId));
    if (!decision)
      throw new ApiException('ACCESS_REQUEST_NOT_FOUND', [
        { field: 'request', code: 'ACCESS_REQUEST_NOT_FOUND', message: '本案没有该查阅、复制申请' },
      ]);
    if (decision.status !== 'completed' || decision.decision !== 'granted') {
      const message = decision.status === 'open' ? '该申请尚待决定' : '该申请未获准予';
      throw new ApiException('ACCESS_NOT_GRANTED', [{ field: 'request', code: 'ACCESS_NOT_GRANTED', message }]);
    }
    const made = await this.documents.readRecord((m) => documentFromRecord(m, d, null, 'party'));
    if (!made) throw new ApiException('DOCUMENT_NOT_REGENERABLE');
    const bytes = await renderPdf(made.definition);
    const sha256 = sha256Of(bytes);
    const label = `${DOCUMENT_KIND_LABELS[d.kind]}${d.number ? `（${d.number}）` : ''}第${d.version}版`;
    await this.record.append([
      {
        caseId: d.caseId,
        key: `party-copy:${requestId}:${d.id}:${actor.id}:${sha256}`,
        actor,
        action: 'party_copy_made',
        summary: `${actor.name}依查阅、复制申请制作${label}的当事人查阅本（涉密内容隐去），SHA-256：${sha256}`,
        legalBasis: '《中华人民共和国行政处罚法》第五十条',
        details: { requestId, documentId: d.id, kind: d.kind, number: d.number, version: d.version, sha256 },
      },
    ]);
    const names = documentFileNames(d.kind, d.number, sha256);
    const copyName = (n: string, mark: string) => n.replace(/(-[0-9a-f]{8}\.pdf)$/, `${mark}$1`);
    return { names: { name: copyName(names.name, '（当事人查阅本）'), ascii: copyName(names.ascii, '-party-copy') }, bytes, sha256 };
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
    const bytes = await renderPdf(definition);
    return { names: { name, ascii: `${kind}-preview.pdf` }, bytes, sha256: sha256Of(bytes) };
  }
}

const sha256Of = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/** The key of a written record's entry, which makes its 笔录. */
const RECORD_STEP = 'evidence:';

const STEP_LABELS: Record<DocumentKind, string> = {
  initiation_approval: '立案',
  pre_decision_notice: '送达行政处罚事先告知书',
  decision: '作出处罚决定',
  service_receipt: '开始送达',
  demand_notice: '送达催告书',
  inquiry_transcript: '制作询问笔录',
  on_site_inspection_transcript: '制作现场检查（勘验）笔录',
  on_the_spot_decision: '适用简易程序当场作出处罚决定',
  public_notice: '公告送达',
  hearing_notice: '安排听证',
  legal_review_opinion: '完成法制审核',
  collective_discussion_record: '记录集体讨论',
  court_application: '申请人民法院强制执行',
};
const NOTHING_TO_PREVIEW: Record<PreviewKind, string> = {
  decision: '本案承办人尚未提交处理意见（决定书草稿），暂无可预览的行政处罚决定书',
  pre_decision_notice: '本案承办人尚未提交处理意见，暂无可预览的行政处罚事先告知书',
};
const notYet = (kind: DocumentKind) => `本案尚未${STEP_LABELS[kind]}，还没有该种文书`;
