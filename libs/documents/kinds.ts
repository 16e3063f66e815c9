import type { RecordAction } from '../domain/record';

/** The 执法文书 lawtrail generates from the record, as stored (`case_documents.kind`). */
export const DOCUMENT_KINDS = ['initiation_approval', 'pre_decision_notice', 'decision', 'service_receipt', 'demand_notice'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

export const DOCUMENT_KIND_LABELS: Record<DocumentKind, string> = {
  initiation_approval: '程序启动审批表',
  pre_decision_notice: '行政处罚事先告知书',
  decision: '行政处罚决定书',
  service_receipt: '送达回证',
  demand_notice: '催告书',
};

/** A step of the record: its action, and its key where the action alone does not name it. */
export interface MadeBy {
  action: RecordAction;
  key?: string;
}

/**
 * The step whose record entry makes each document: the case filed (立案: the 程序启动审批表 with its 案号),
 * the pre-decision notice served (行政处罚法 44, 45: the 告知书), the decision issued (行政处罚法 59: the
 * 决定书 with its 文号), a service attempt begun (the 送达回证 the officer takes to the recipient), the
 * 催告书 served (行政强制法 35, 38: its entry sets the court window, hence the key). A case whose record
 * has no such entry cannot have the document yet.
 */
export const MADE_BY: Record<DocumentKind, MadeBy> = {
  initiation_approval: { action: 'case_initiated' },
  pre_decision_notice: { action: 'notice_served' },
  decision: { action: 'decision_issued' },
  service_receipt: { action: 'service_attempted' },
  demand_notice: { action: 'deadline_set', key: 'demand-served' },
};

/** Whether a case whose record holds these entries (action and key) can have documents of this kind. */
export function documentPossible(kind: DocumentKind, recorded: readonly { action: string; key: string }[]): boolean {
  const by = MADE_BY[kind];
  return recorded.some((e) => e.action === by.action && (by.key === undefined || e.key === by.key));
}

/**
 * The names a document is handed out under: its label and its number where it has one, and for clients
 * that read only ASCII its kind; both end with the hash's first characters, so two receipts differ.
 */
export function documentFileNames(kind: DocumentKind, number: string | null, sha256: string): { name: string; ascii: string } {
  const tail = `-${sha256.slice(0, 8)}.pdf`;
  return { name: `${DOCUMENT_KIND_LABELS[kind]}${number ? `（${number}）` : ''}${tail}`, ascii: `${kind}${tail}` };
}
