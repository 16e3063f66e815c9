import type { RecordAction } from '../domain/record';

/** The 执法文书 lawtrail generates from the record, as stored (`case_documents.kind`). */
export const DOCUMENT_KINDS = ['initiation_approval', 'decision', 'service_receipt'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

export const DOCUMENT_KIND_LABELS: Record<DocumentKind, string> = {
  initiation_approval: '程序启动审批表',
  decision: '行政处罚决定书',
  service_receipt: '送达回证',
};

/**
 * The step whose record entry makes each document: the case filed (立案: the 程序启动审批表 with its 案号),
 * the decision issued (行政处罚法 59: the 决定书 with its
 * 文号), a service attempt begun (the 送达回证 the officer takes to the recipient). A case whose record has
 * no such entry cannot have the document yet.
 */
export const MADE_BY: Record<DocumentKind, RecordAction> = {
  initiation_approval: 'case_initiated',
  decision: 'decision_issued',
  service_receipt: 'service_attempted',
};

/** Whether a case whose record holds these actions can have documents of this kind. */
export function documentPossible(kind: DocumentKind, recordedActions: readonly string[]): boolean {
  return recordedActions.includes(MADE_BY[kind]);
}

/**
 * The names a document is handed out under: its label and its number where it has one, and for clients
 * that read only ASCII its kind; both end with the hash's first characters, so two receipts differ.
 */
export function documentFileNames(kind: DocumentKind, number: string | null, sha256: string): { name: string; ascii: string } {
  const tail = `-${sha256.slice(0, 8)}.pdf`;
  return { name: `${DOCUMENT_KIND_LABELS[kind]}${number ? `（${number}）` : ''}${tail}`, ascii: `${kind}${tail}` };
}
