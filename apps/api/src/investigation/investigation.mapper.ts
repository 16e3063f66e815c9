import { AV_METADATA_LABELS, WRITTEN_LABELS, WrittenKind } from '#libs/domain/evidence';
import { DEFECT_LABELS } from '#libs/domain/defects';
import { AvFileEntity, EvidenceRecordEntity } from '#libs/persistence/entities/evidence.entity';
import { AccountabilityItemEntity } from '#libs/persistence/entities/supervision-views.entity';
import { DefectResponse, EvidenceOfficerResponse, EvidenceResponse } from './investigation.response';

const AV_LABELS: Record<string, string> = { photo: '照相', audio: '录音', video: '录像', surveillance: '视频监控' };

export function toEvidenceView(r: EvidenceRecordEntity, file: AvFileEntity | undefined): EvidenceResponse {
  return {
    id: r.id,
    category: r.category,
    kind: r.kind,
    kindLabel: r.category === 'written' ? WRITTEN_LABELS[r.kind as WrittenKind] : AV_LABELS[r.kind],
    title: r.title,
    content: r.content,
    producerId: r.producerId,
    officers: r.officers as EvidenceOfficerResponse[],
    signatures: r.signatures,
    rightsTold: r.rightsTold,
    avRecordIds: r.avRecordIds,
    avOmissionReason: r.avOmissionReason,
    avVerdict: r.avVerdict,
    metadata:
      r.metadata &&
      Object.entries(r.metadata).map(([field, value]) => ({
        field,
        label: AV_METADATA_LABELS[field as keyof typeof AV_METADATA_LABELS],
        value,
      })),
    usedAsEvidence: r.usedAsEvidence,
    upload:
      r.category === 'audiovisual'
        ? {
            taskId: r.uploadTaskId,
            dueAt: r.uploadDueAt?.toISOString() ?? null,
            storedAt: file?.storedAt.toISOString() ?? null,
            onTime: file ? file.onTime : null,
            sha256: file?.sha256 ?? null,
            size: file ? Number(file.size) : null,
          }
        : null,
    retentionUntil: r.retentionUntil,
    legalBasis: r.legalBasis,
    corrects: r.correctsId,
    correctionReason: r.correctionReason,
    recordedAt: r.recordedAt.toISOString(),
    createdAt: r.createdAt.toISOString(),
  };
}

/** An item of `accountability_items` for this case: recorded defects and those derived (late or missing files, late archiving). */
export function toDefectView(d: AccountabilityItemEntity): DefectResponse {
  return {
    id: d.id,
    recordId: d.recordId,
    personId: d.personId,
    kind: d.kind,
    kindLabel: DEFECT_LABELS[d.kind] ?? d.kind,
    description: d.description,
    legalBasis: d.legalBasis,
    flaggedAt: d.at?.toISOString() ?? null,
  };
}
