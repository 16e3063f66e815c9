import { DataSource } from 'typeorm';
import { type StepDocument, type WithDocuments, isDocumentsLater } from '#libs/messages/documents';
import { pendingDocumentDone, pendingDocumentFailed, pendingDocumentsOf } from '#libs/persistence/pending-documents';
import { integrityFailure } from '../integrity';
import { documentFromRecord } from './from-record';
import { makeDocument } from './generate';
import { named } from './named';

/**
 * The same activities; one called with DOCUMENTS_LATER as its last argument runs without it and answers
 * `{ value, documents }`: its transaction wrote the step and its record entry, noted its documents as
 * pending (`pending_documents`) and names them, for `makeStepDocuments` to render after the caller is answered.
 */
export function documentsLater<T extends Record<string, (...args: never[]) => Promise<unknown>>>(activities: T): T {
  const wrapped = Object.entries(activities).map(([name, fn]) => [
    name,
    async (...args: never[]): Promise<unknown> => {
      if (!isDocumentsLater(args.at(-1))) return fn.apply(activities, args);
      const documents: StepDocument[] = [];
      const value = await named.run(documents, () => fn.apply(activities, args.slice(0, -1) as never[]));
      return { value, documents } satisfies WithDocuments;
    },
  ]);
  return Object.fromEntries(wrapped) as T;
}

/**
 * Renders and stores one named document from the record as the step left it (the same `…FromRecord` the
 * step would have called: the same bytes), with its row and `document_generated` entry, and removes it from
 * `pending_documents` in the same transaction. Safe to retry and to run twice at once: a document of that
 * step exists → nothing. A refusal for integrity would be refused again on every retry: it is kept on the
 * pending row with its reason (and not failed, so the workflow still ends; see workflows/documents.ts).
 */
async function makeStepDocument(db: DataSource, storageDir: string, ref: StepDocument): Promise<void> {
  try {
    await db.transaction(async (m) => {
      // The case's lock first, as a step's transaction takes it: the document's row (a key share of the
      // case) and then its record entry (the lock) would otherwise deadlock with a step of the same case.
      await m.query('SELECT 1 FROM cases WHERE id = $1 FOR UPDATE', [ref.caseId]);
      const d = await documentFromRecord(m, ref, ref.actor);
      if (d) await makeDocument(m, storageDir, d);
      await pendingDocumentDone(m, ref);
    });
  } catch (e) {
    const failure = integrityFailure(e);
    if (failure === e) throw e;
    await db.transaction((m) => pendingDocumentFailed(m, ref, e instanceof Error ? e.message : String(e)));
  }
}

/**
 * The case's documents still pending, made here and now (outside any DOCUMENTS_LATER call, which would only
 * name them again): for a case whose workflows were ended (终结, 移送) before they made what their steps
 * named. Safe to retry.
 */
export async function makePendingDocuments(db: DataSource, storageDir: string, caseId: string): Promise<void> {
  await named.exit(async () => {
    for (const ref of await pendingDocumentsOf(db.manager, caseId)) await makeStepDocument(db, storageDir, ref);
  });
}

export function createDocumentActivities(db: DataSource, storageDir: string) {
  return {
    /** Makes the documents a step named (`makeStepDocument`). */
    async makeStepDocuments(input: { documents: StepDocument[] }): Promise<void> {
      for (const ref of input.documents) await makeStepDocument(db, storageDir, ref);
    },
  };
}
