import { DataSource } from 'typeorm';
import { type StepDocument, type WithDocuments, isDocumentsLater } from '#libs/messages/documents';
import { documentFromRecord } from './from-record';
import { makeDocument } from './generate';
import { named } from './named';

/**
 * The same activities; one called with DOCUMENTS_LATER as its last argument runs without it and answers
 * `{ value, documents }`: its transaction wrote the step and its record entry, and names the documents
 * the step makes, for `makeStepDocuments` to render after the caller is answered.
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

export function createDocumentActivities(db: DataSource, storageDir: string) {
  return {
    /**
     * Renders and stores the documents a step named, each from the record as the step left it (the same
     * `…FromRecord` the step would have called: the same bytes), with its row and `document_generated`
     * entry. Safe to retry: a document of that step exists → nothing.
     */
    async makeStepDocuments(input: { documents: StepDocument[] }): Promise<void> {
      for (const ref of input.documents) {
        await db.transaction(async (m) => {
          // The case's lock first, as a step's transaction takes it: the document's row (a key share of the
          // case) and then its record entry (the lock) would otherwise deadlock with a step of the same case.
          await m.query('SELECT 1 FROM cases WHERE id = $1 FOR UPDATE', [ref.caseId]);
          const d = await documentFromRecord(m, ref, ref.actor);
          if (d) await makeDocument(m, storageDir, d);
        });
      }
    },
  };
}
