import type { CatalogueEntry } from '#libs/domain/case-file';
import type { ArchiveEntity } from '#libs/persistence/entities/archive.entity';
import { Bool, Day, Instant, Int, Json, Nested, NestedList, OneOf, Text, Texts, Uuid } from '../common/responses';
import { TaskRefResponse } from '../common/stage-responses';

export class StoredFileResponse {
  @Text({ description: '文件的 SHA-256' }) sha256: string;
  @Text({ description: '存放位置' }) location: string;
}

/** One entry of the catalogue (卷内文件目录). */
export class CatalogueEntryResponse {
  @Int({ description: '序号（从 1 起）' }) position: number;
  @OneOf(['record', 'written', 'audiovisual'], { description: '类别：记录中的文书、文字记录或音像记录' }) kind: CatalogueEntry['kind'];
  @Text({ description: '题名' }) title: string;
  @Instant({ description: '时间' }) at: string;
  @Nested(() => StoredFileResponse, { optional: true, nullable: true, description: '音像记录的文件（未上传为 null）' })
  storage?: StoredFileResponse | null;
  @Json({ optional: true, nullable: true, description: '音像记录应当记录的事项' }) metadata?: Record<string, string> | null;
  @Uuid({ optional: true, description: '对应的文字或音像记录' }) recordId?: string;
  @Texts({ optional: true, description: '保密标记' }) confidentiality?: string[];
  @Text({ optional: true, description: '不向本读者显示内容时的说明' }) redacted?: string;
}

/** The archived case file: the archive fields (003), catalogue, what was missing and why it was closed anyway. */
export class ArchiveResponse {
  @Uuid({ description: '案件' }) caseId: string;
  @Text({ nullable: true, description: '归档编号' }) archiveNumber: string | null;
  @Text({ nullable: true, description: '类别' }) category: string | null;
  @Text({ nullable: true, description: '保管期限' }) retentionPeriod: string | null;
  @Day({ nullable: true, description: '起始日期' }) startDate: string | null;
  @Day({ nullable: true, description: '终止日期' }) endDate: string | null;
  @Text({ description: '存放位置' }) location: string;
  @NestedList(() => CatalogueEntryResponse, { description: '卷内文件目录' }) catalogue: CatalogueEntryResponse[];
  @Texts({ description: '归档时缺少的文书' }) missing: string[];
  @Text({ nullable: true, description: '案卷不完整的原因' }) incompleteReason: string | null;
  @Uuid({ description: '归档人' }) archivedBy: string;
  @Instant({ description: '归档时间' }) archivedAt: string;
  @Bool({ description: '在规定期限内归档' }) onTime: boolean;
}

/** The archived file (`archive`), or the file as it would be archived now (`catalogue`, `missing`). */
export class CaseFileResponse {
  @OneOf(['archived', 'ready', 'open'], { description: 'archived 已归档；ready 案件已终结、可归档；open 案件未终结' }) status:
    'archived' | 'ready' | 'open';
  /** The cover (案卷封面) names the case by its numbers. */
  @Text({ nullable: true, description: '案号（未立案的简易程序案件为空）' }) caseNumber: string | null;
  @Text({ nullable: true, description: '处罚决定书文号' }) decisionNumber: string | null;
  @NestedList(() => CatalogueEntryResponse, { optional: true, description: '卷内文件目录（未归档时）' })
  catalogue?: CatalogueEntryResponse[];
  @Texts({ optional: true, description: '缺少的文书（未归档时）' }) missing?: string[];
  @Nested(() => ArchiveResponse, { optional: true, description: '归档的案卷（已归档时）' }) archive?: ArchiveResponse;
}

export class BrokenEntryResponse {
  @Int({ description: '记录序号' }) seq: number;
  @Text({ description: '记录键' }) key: string;
  @Text({ description: '原因' }) reason: string;
}

export class AvFileCheckResponse {
  @Uuid({ description: '音像记录' }) recordId: string;
  @Bool({ description: '文件与存储的哈希值一致' }) intact: boolean;
}

/** The record's SM3 chain (first broken entry named) and every audio-video file's SHA-256. */
export class VerifyResponse {
  @Uuid({ description: '案件' }) caseId: string;
  @Bool({ description: '记录和文件均完整' }) intact: boolean;
  @Int({ description: '记录条数' }) entries: number;
  @Nested(() => BrokenEntryResponse, { nullable: true, description: '第一条不完整的记录' }) firstBroken: BrokenEntryResponse | null;
  @NestedList(() => AvFileCheckResponse, { description: '音像文件' }) avFiles: AvFileCheckResponse[];
}

/** A party's request to read or copy, as registered: who decides it, and the task opened for it. */
export class AccessRequestResponse {
  @Uuid({ description: '申请' }) requestId: string;
  @OneOf(['chief', 'officer'], { description: '决定人：chief 负责人同意；officer 执法人员办理' }) decidedBy: 'chief' | 'officer';
  @Nested(() => TaskRefResponse, { nullable: true, description: '开启的任务' }) task: TaskRefResponse | null;
}

export const mapCatalogueEntry = (e: CatalogueEntry): CatalogueEntryResponse => ({
  position: e.position,
  kind: e.kind,
  title: e.title,
  at: e.at,
  storage: e.storage && { sha256: e.storage.sha256, location: e.storage.location },
  metadata: e.metadata,
  recordId: e.recordId,
  confidentiality: e.confidentiality,
  redacted: e.redacted,
});

/** The archive row in camelCase, its catalogue as this reader may see it. */
export const mapArchive = (a: ArchiveEntity, catalogue: CatalogueEntry[]): ArchiveResponse => ({
  caseId: a.caseId,
  archiveNumber: a.archiveNumber,
  category: a.category,
  retentionPeriod: a.retentionPeriod,
  startDate: a.startDate,
  endDate: a.endDate,
  location: a.location,
  catalogue: catalogue.map(mapCatalogueEntry),
  missing: [...a.missing],
  incompleteReason: a.incompleteReason,
  archivedBy: a.archivedBy,
  archivedAt: a.archivedAt.toISOString(),
  onTime: a.onTime,
});
