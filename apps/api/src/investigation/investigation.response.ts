import { CONFIDENTIALITY } from '#libs/domain/access';
import { PageOf } from '../common/paging';
import { Bool, Day, Instant, Int, Json, Nested, NestedList, OneOf, OneOfList, Text, Uuid, Uuids } from '../common/responses';

export class EvidenceOfficerResponse {
  @Uuid() userId: string;
  @Text() certificateNo: string;
  @Text() shown: string;
}

/** One item of an audiovisual record's description (音像记录说明事项), with its Chinese label. */
export class AvMetadataItemResponse {
  @Text() field: string;
  @Text() label: string;
  @Text() value: string;
}

/** Where an audiovisual record's file stands: due by, stored when, on time or not, by content hash. */
export class UploadResponse {
  @Uuid({ nullable: true, description: '上传任务' }) taskId: string | null;
  @Instant({ nullable: true }) dueAt: string | null;
  @Instant({ nullable: true }) storedAt: string | null;
  @Bool({ nullable: true, description: '是否按时存储（未存储时为空）' }) onTime: boolean | null;
  @Text({ nullable: true }) sha256: string | null;
  @Int({ nullable: true, description: '字节数' }) size: number | null;
}

/** A written or audiovisual record as its maker stored it. */
export class EvidenceResponse {
  @Uuid() id: string;
  @OneOf(['written', 'audiovisual']) category: string;
  @Text({ description: '文书种类或音像记录方式' }) kind: string;
  @Text() kindLabel: string;
  @Text() title: string;
  @Json({ nullable: true, description: '记录内容（涉密记录对无权查阅者隐去）' }) content: Record<string, unknown> | null;
  @Uuid() producerId: string;
  @NestedList(() => EvidenceOfficerResponse) officers: EvidenceOfficerResponse[];
  @Json({ nullable: true }) signatures: Record<string, unknown> | null;
  @Json({ nullable: true }) rightsTold: Record<string, unknown> | null;
  @Uuids() avRecordIds: string[];
  @Text({ nullable: true }) avOmissionReason: string | null;
  @Text({ nullable: true, description: '音像记录义务的核对结果' }) avVerdict: string | null;
  @NestedList(() => AvMetadataItemResponse, { nullable: true }) metadata: AvMetadataItemResponse[] | null;
  @Bool({ nullable: true }) usedAsEvidence: boolean | null;
  @Nested(() => UploadResponse, { nullable: true, description: '音像文件（文字记录为空）' }) upload: UploadResponse | null;
  @Day({ nullable: true, description: '保存期限' }) retentionUntil: string | null;
  @Text({ nullable: true }) legalBasis: string | null;
  @Uuid({ nullable: true, description: '更正的记录' }) corrects: string | null;
  @Text({ nullable: true }) correctionReason: string | null;
  @Instant() recordedAt: string;
  @Instant() createdAt: string;
}

/** A record as a reader sees it: its flags, and — outside the circle that may read it — content hidden. */
export class EvidenceReadResponse extends EvidenceResponse {
  @OneOfList(CONFIDENTIALITY, { description: '涉密标记' }) confidentiality: string[];
  @Text({ optional: true, description: '涉密记录对无权查阅者隐去内容时的说明' }) redacted?: string;
}

export class EvidencePage extends PageOf(EvidenceReadResponse) {}

export class FlagsResponse {
  @Uuid() recordId: string;
  @OneOfList(CONFIDENTIALITY) flags: string[];
}

/** A defect of the case: recorded, or derived (a recording stored late or not at all, late archiving). */
export class DefectResponse {
  @Text() id: string;
  @Uuid({ nullable: true }) recordId: string | null;
  @Uuid({ nullable: true, description: '责任人' }) personId: string | null;
  @Text() kind: string;
  @Text() kindLabel: string;
  @Text() description: string;
  @Text({ nullable: true }) legalBasis: string | null;
  @Instant({ nullable: true }) flaggedAt: string | null;
}

export class DefectPage extends PageOf(DefectResponse) {}
