import { renameSync, rmSync, writeFileSync } from 'node:fs';
import type { TestSystem } from './system';

/**
 * Asked to correct a document of an unchanged record, the API renders it again to the bytes stored: 200 with
 * the version as it is, no new version (a correction stores a version only when the record changed).
 */
export async function regeneratesUnchanged(
  sys: TestSystem,
  caseId: string,
  d: { id: string; sha256: string; version?: number },
  user: string,
) {
  const again = await sys.call('POST', `/api/v1/cases/${caseId}/documents/${d.id}/regenerate`, {
    token: await sys.token(user),
    body: { reason: '核对' },
  });
  expect(again).toMatchObject({ status: 200, body: { id: d.id, version: d.version ?? 1, sha256: d.sha256 } });
}

/**
 * A record's actions with the documents set aside, and how many there are. Since 'documents-after-step' a
 * document is rendered once its step's caller was answered: its `document_generated` entry follows the
 * step's, but other entries of the case may come between.
 */
export function stepsAndDocuments(actions: string[]): { steps: string[]; documents: number } {
  const steps = actions.filter((a) => a !== 'document_generated');
  return { steps, documents: actions.length - steps.length };
}

/**
 * Makes the file storage unusable (a file where its folder was): a document cannot be stored, its making
 * fails and is retried. Returns what puts it back (once, however often called).
 */
export function unstorable(storageDir: string): () => void {
  renameSync(storageDir, `${storageDir}.away`);
  writeFileSync(storageDir, '');
  let restored = false;
  return () => {
    if (restored) return;
    restored = true;
    rmSync(storageDir);
    renameSync(`${storageDir}.away`, storageDir);
  };
}
