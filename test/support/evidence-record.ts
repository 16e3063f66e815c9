import { randomUUID } from 'node:crypto';
import type { EvidenceRow } from '#libs/messages/investigation';

/**
 * A record of the case as the API would hand it to the workflow: unsigned, listing no recordings,
 * correcting nothing, used as evidence — unless `over` says otherwise.
 */
export function evidenceRecord(
  over: Pick<EvidenceRow, 'caseId' | 'category' | 'kind' | 'title' | 'producerId' | 'recordedAt'> & Partial<EvidenceRow>,
): EvidenceRow {
  return {
    id: randomUUID(),
    content: {},
    officers: [],
    signatures: null,
    rightsTold: null,
    avRecordIds: [],
    avOmissionReason: null,
    avVerdict: null,
    metadata: {},
    usedAsEvidence: true,
    retentionUntil: null,
    legalBasis: null,
    correctsId: null,
    correctionReason: null,
    createdBy: over.producerId,
    ...over,
  };
}
