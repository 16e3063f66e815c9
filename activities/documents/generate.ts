import { createHash } from 'node:crypto';
import { EntityManager } from 'typeorm';
import type { Actor } from '#libs/domain/roles';
import { DOCUMENT_KIND_LABELS, type DocumentKind } from '#libs/documents/kinds';
import type { DocDefinition } from '#libs/documents/pdf';
import { appendRecord } from '#libs/persistence/append-record';
import { notePendingDocument } from '#libs/persistence/pending-documents';
import { named } from './named';
import { fontGaps, renderPdf } from './render';
import { storeBytes } from './store';

export interface DocumentToMake {
  caseId: string;
  kind: DocumentKind;
  number: string | null;
  /** The key of the record entry of the step that makes it. */
  stepRef: string;
  /** That entry's time: the document's `created_at` (and the PDF's dates, in the definition). */
  madeAt: string;
  actor: Actor | null;
  definition: DocDefinition;
}

/** A document's id follows from its case, kind, step and version: the same step names the same document. */
export function documentId(caseId: string, kind: DocumentKind, stepRef: string, version: number): string {
  const h = createHash('sha256').update(`${caseId}\n${kind}\n${stepRef}\n${version}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${((parseInt(h[16], 16) & 3) | 8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** A new version of a stored document: the version it replaces (the latest of its step) and why. */
export interface Correction {
  replaces: { id: string; version: number; sha256: string };
  reason: string;
}

/** The version a call made or found, and whether it stored a new one. */
export interface MadeDocument {
  id: string;
  created: boolean;
}

/**
 * Makes a document inside the transaction of the step that makes it: renders it, stores the bytes by
 * SHA-256, adds its row and appends a `document_generated` entry naming kind, number and hash right after
 * the step's entry. The step's entry itself is unchanged (its content was hashed into the chain before the
 * document existed, and its time is in the document). Safe to retry: a document of that step exists → nothing.
 *
 * With a correction, the document is rendered again from the record as it stands and stored as the next
 * version naming the one it `replaces`, never over it; rendering to the same bytes stores nothing and
 * answers the version replaced (the record gives that document still). The caller holds the case's lock.
 */
export async function makeDocument(
  m: EntityManager,
  storageDir: string,
  d: DocumentToMake,
  correction?: Correction,
): Promise<MadeDocument> {
  const version = correction ? correction.replaces.version + 1 : 1;
  const id = documentId(d.caseId, d.kind, d.stepRef, version);
  const [existing] = await m.query('SELECT 1 FROM case_documents WHERE id = $1', [id]);
  if (existing) return { id, created: false };
  // A step called with DOCUMENTS_LATER names its document; `makeStepDocuments` renders it after the caller is
  // answered. Noted in the step's transaction too, so a workflow ended before it does leaves it to be made.
  const later = !correction && named.getStore();
  if (later) {
    const step = { caseId: d.caseId, kind: d.kind, stepRef: d.stepRef, actor: d.actor };
    await notePendingDocument(m, step);
    later.push(step);
    return { id, created: true };
  }
  const bytes = await renderPdf(d.definition);
  const missing = fontGaps(d.definition);
  const { sha256, size } = await storeBytes(storageDir, bytes);
  if (correction && sha256 === correction.replaces.sha256) return { id: correction.replaces.id, created: false };
  const replaces = correction?.replaces.id ?? null;
  await m.query(
    `INSERT INTO case_documents (id, case_id, kind, number, version, sha256, size, created_at, step_ref, replaces, missing_characters)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
    [id, d.caseId, d.kind, d.number, version, sha256, size, d.madeAt, d.stepRef, replaces, missing],
  );
  const label = DOCUMENT_KIND_LABELS[d.kind];
  // A character the font lacks prints blank: said in the record, to be written in by hand on the paper.
  const gap = missing.length ? `；字库缺少“${missing.join('')}”，打印处为空白，须在纸质文书上手写补正` : '';
  const corrected = correction ? `第${version}版，更正第${version - 1}版（${replaces}），理由：${correction.reason}；` : '';
  await appendRecord(m, {
    caseId: d.caseId,
    key: `document:${d.kind}:${d.stepRef}:v${version}`,
    actor: d.actor,
    action: 'document_generated',
    summary: `${correction ? '重新' : ''}生成${label}${d.number ? `（${d.number}）` : ''}，${corrected}SHA-256：${sha256}${gap}`,
    details: {
      documentId: id,
      kind: d.kind,
      number: d.number,
      version,
      sha256,
      size,
      stepRef: d.stepRef,
      missingCharacters: missing,
      ...(correction && { replaces, reason: correction.reason }),
    },
  });
  return { id, created: true };
}
