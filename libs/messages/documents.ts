import type { DocumentKind } from '#libs/documents/kinds';
import type { Actor } from '#libs/domain/roles';

/** A document a step made: enough to render it again from the record (activities/documents/from-record.ts). */
export interface StepDocument {
  caseId: string;
  kind: DocumentKind;
  stepRef: string;
  actor: Actor | null;
}

/**
 * The last argument a workflow adds to an activity call ('documents-after-step'): the step writes its
 * record and names its documents instead of rendering them; they are rendered after the caller is answered.
 */
export const DOCUMENTS_LATER = { documentsLater: true } as const;

/** What an activity called with DOCUMENTS_LATER answers: its own result, and the documents to make. */
export interface WithDocuments<T = unknown> {
  value: T;
  documents: StepDocument[];
}

export function isDocumentsLater(x: unknown): boolean {
  return typeof x === 'object' && x !== null && (x as { documentsLater?: unknown }).documentsLater === true;
}
