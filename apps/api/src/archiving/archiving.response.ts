import type { CatalogueEntry } from '#libs/domain/case-file';
import type { ArchiveEntity } from '#libs/persistence/entities/archive.entity';
import { TaskRefResponse } from '../common/responses';
import {
  BoolOut, DateOut, EnumOut, InstantOut, IntOut, NestedListOut, NestedOut, TextListOut, TextMapOut, TextOut, UuidOut,
} from '../common/response-fields';

export class StoredFileResponse {
  @TextOut('文件的 SHA-256') sha256: string;
  @TextOut('存放位置') location: string;
}

/** One entry of the catalogue (卷内文件目录). */
export class CatalogueEntryResponse {
  @IntOut('序号（从 1 起）') position: number;
  @EnumOut('类别：记录中的文书、文字记录或音像记录', ['record', 'written', 'audiovisual']) kind: CatalogueEntry['kind'];
  @TextOut('题名') title: string;
  @InstantOut('时间') at: string;
  @NestedOut('音像记录的文件（未上传为 null）', () => StoredFileResponse, { optional: true, nullable: true }) storage?: StoredFileResponse | null;
  @TextMapOut('音像记录应当记录的事项', { optional: true, nullable: true }) metadata?: Record<string, string> | null;
  @UuidOut('对应的文字或音像记录', { optional: true }) recordId?: string;
  @TextListOut('保密标记', { optional: true }) confidentiality?: string[];
  @TextOut('不向本读者显示内容时的说明', { optional: true }) redacted?: string;
}

/** The archived case file: the archive fields (003), catalogue, what was missing and why it was closed anyway. */
export class ArchiveResponse {
  @UuidOut('案件') caseId: string;
  @TextOut('归档编号', { nullable: true }) archiveNumber: string | null;
  @TextOut('类别', { nullable: true }) category: string | null;
  @TextOut('保管期限', { nullable: true }) retentionPeriod: string | null;
  @DateOut('起始日期', { nullable: true }) startDate: string | null;
  @DateOut('终止日期', { nullable: true }) endDate: string | null;
  @TextOut('存放位置') location: string;
  @NestedListOut('卷内文件目录', () => CatalogueEntryResponse) catalogue: CatalogueEntryResponse[];
  @TextListOut('归档时缺少的文书') missing: string[];
  @TextOut('案卷不完整的原因', { nullable: true }) incompleteReason: string | null;
  @UuidOut('归档人') archivedBy: string;
  @InstantOut('归档时间') archivedAt: string;
  @BoolOut('在规定期限内归档') onTime: boolean;
}

/** The archived file (`archive`), or the file as it would be archived now (`catalogue`, `missing`). */
export class CaseFileResponse {
  @EnumOut('archived 已归档；ready 案件已终结、可归档；open 案件未终结', ['archived', 'ready', 'open']) status: 'archived' | 'ready' | 'open';
  @NestedListOut('卷内文件目录（未归档时）', () => CatalogueEntryResponse, { optional: true }) catalogue?: CatalogueEntryResponse[];
  @TextListOut('缺少的文书（未归档时）', { optional: true }) missing?: string[];
  @NestedOut('归档的案卷（已归档时）', () => ArchiveResponse, { optional: true }) archive?: ArchiveResponse;
}

export class BrokenEntryResponse {
  @IntOut('记录序号') seq: number;
  @TextOut('记录键') key: string;
  @TextOut('原因') reason: string;
}

export class AvFileCheckResponse {
  @UuidOut('音像记录') recordId: string;
  @BoolOut('文件与存储的哈希值一致') intact: boolean;
}

/** The record's SM3 chain (first broken entry named) and every audio-video file's SHA-256. */
export class VerifyResponse {
  @UuidOut('案件') caseId: string;
  @BoolOut('记录和文件均完整') intact: boolean;
  @IntOut('记录条数') entries: number;
  @NestedOut('第一条不完整的记录', () => BrokenEntryResponse, { nullable: true }) firstBroken: BrokenEntryResponse | null;
  @NestedListOut('音像文件', () => AvFileCheckResponse) avFiles: AvFileCheckResponse[];
}

/** A party's request to read or copy, as registered: who decides it, and the task opened for it. */
export class AccessRequestResponse {
  @UuidOut('申请') requestId: string;
  @EnumOut('决定人：chief 负责人同意；officer 执法人员办理', ['chief', 'officer']) decidedBy: 'chief' | 'officer';
  @NestedOut('开启的任务', () => TaskRefResponse, { nullable: true }) task: TaskRefResponse | null;
}

export const mapCatalogueEntry = (e: CatalogueEntry): CatalogueEntryResponse => ({
  position: e.position, kind: e.kind, title: e.title, at: e.at,
  storage: e.storage && { sha256: e.storage.sha256, location: e.storage.location },
  metadata: e.metadata, recordId: e.recordId, confidentiality: e.confidentiality, redacted: e.redacted,
});

/** The archive row in camelCase, its catalogue as this reader may see it. */
export const mapArchive = (a: ArchiveEntity, catalogue: CatalogueEntry[]): ArchiveResponse => ({
  caseId: a.caseId, archiveNumber: a.archiveNumber, category: a.category, retentionPeriod: a.retentionPeriod, startDate: a.startDate,
  endDate: a.endDate, location: a.location, catalogue: catalogue.map(mapCatalogueEntry), missing: [...a.missing],
  incompleteReason: a.incompleteReason, archivedBy: a.archivedBy, archivedAt: a.archivedAt.toISOString(), onTime: a.onTime,
});
