import type { RecordAction } from '../domain/record';
import type { TaskKind } from '../domain/tasks';

/** The 执法文书 lawtrail generates from the record, as stored (`case_documents.kind`). */
export const DOCUMENT_KINDS = [
  'initiation_approval',
  'pre_decision_notice',
  'decision',
  'service_receipt',
  'demand_notice',
  // The review chain and the court (行政处罚法 57, 58; 行政强制法 53–55).
  'legal_review_opinion',
  'collective_discussion_record',
  'court_application',
] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

export const DOCUMENT_KIND_LABELS: Record<DocumentKind, string> = {
  initiation_approval: '程序启动审批表',
  pre_decision_notice: '行政处罚事先告知书',
  decision: '行政处罚决定书',
  service_receipt: '送达回证',
  demand_notice: '催告书',
  legal_review_opinion: '法制审核意见书',
  collective_discussion_record: '集体讨论记录',
  court_application: '强制执行申请书',
};

/**
 * A step of the record: its action, its key where the action alone does not name it, and for a task's
 * completion the kind of task (`details.kind`: every completion is `task_completed`).
 */
export interface MadeBy {
  action: RecordAction;
  key?: string;
  task?: TaskKind;
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
  // The legal reviewer's completion of the legal review, passed or not (行政处罚法 58); the meeting minuted
  // (57 第二款); the application to the court (行政强制法 53–55).
  legal_review_opinion: { action: 'task_completed', task: 'legal_review' },
  collective_discussion_record: { action: 'collective_discussion_recorded' },
  court_application: { action: 'court_application_filed' },
};

/** Whether a case whose record holds these entries (action, key, task kind) can have documents of this kind. */
export function documentPossible(kind: DocumentKind, recorded: readonly { action: string; key: string; task?: string | null }[]): boolean {
  const by = MADE_BY[kind];
  return recorded.some(
    (e) => e.action === by.action && (by.key === undefined || e.key === by.key) && (by.task === undefined || e.task === by.task),
  );
}

/**
 * The names a document is handed out under: its label and its number where it has one, and for clients
 * that read only ASCII its kind; both end with the hash's first characters, so two receipts differ.
 */
export function documentFileNames(kind: DocumentKind, number: string | null, sha256: string): { name: string; ascii: string } {
  const tail = `-${sha256.slice(0, 8)}.pdf`;
  return { name: `${DOCUMENT_KIND_LABELS[kind]}${number ? `（${number}）` : ''}${tail}`, ascii: `${kind}${tail}` };
}
