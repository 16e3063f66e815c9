import { DOCUMENT_KIND_LABELS } from '#libs/documents/kinds';
import { CaseDocumentEntity } from '#libs/persistence/entities/case-document.entity';
import { DocumentResponse } from './documents.response';

export function toDocumentView(d: CaseDocumentEntity, replacedBy: string | null): DocumentResponse {
  return {
    id: d.id,
    kind: d.kind,
    kindLabel: DOCUMENT_KIND_LABELS[d.kind],
    number: d.number,
    version: d.version,
    sha256: d.sha256,
    size: d.size,
    createdAt: d.createdAt.toISOString(),
    stepRef: d.stepRef,
    replaces: d.replaces,
    replacedBy,
    missingCharacters: d.missingCharacters,
  };
}
