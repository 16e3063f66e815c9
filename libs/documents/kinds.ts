import type { RecordAction } from '../domain/record';
import type { TaskKind } from '../domain/tasks';

/** The 执法文书 lawtrail generates from the record, as stored (`case_documents.kind`). */
export const DOCUMENT_KINDS = [
  'initiation_approval',
  'pre_decision_notice',
  'decision',
  'service_receipt',
  'demand_notice',
  // Field records, the on-the-spot decision, the 公告 and the 听证通知书.
  'inquiry_transcript',
  'on_site_inspection_transcript',
  'on_the_spot_decision',
  'public_notice',
  'hearing_notice',
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
  // Field records, the on-the-spot decision, the 公告 and the 听证通知书.
  inquiry_transcript: '询问笔录',
  on_site_inspection_transcript: '现场检查（勘验）笔录',
  on_the_spot_decision: '当场行政处罚决定书',
  public_notice: '公告',
  hearing_notice: '听证通知书',
  // The review chain and the court.
  legal_review_opinion: '法制审核意见书',
  collective_discussion_record: '集体讨论记录',
  court_application: '强制执行申请书',
};

/**
 * A step of the record: its action, and its key where the action alone does not name it, or what its
 * details say where no key can (a written record's kind, a service attempt's method, a completed task's
 * kind: every completion is `task_completed`).
 */
export interface MadeBy {
  action: RecordAction;
  key?: string;
  details?: Record<string, string>;
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
  // Keyed: the decision made on the spot (its own kind, below) is a decision_issued entry too.
  decision: { action: 'decision_issued', key: 'decision-issued' },
  service_receipt: { action: 'service_attempted' },
  demand_notice: { action: 'deadline_set', key: 'demand-served' },
  // A written record of that kind added (its entry's details name the kind); the decision made on the
  // spot under the summary procedure (行政处罚法 51–52); a service attempt by public notice (公告送达,
  // its details name the method); the hearing scheduled (行政处罚法 64: the notice precedes it).
  inquiry_transcript: { action: 'evidence_recorded', details: { kind: 'inquiry_transcript' } },
  on_site_inspection_transcript: { action: 'evidence_recorded', details: { kind: 'on_site_inspection_transcript' } },
  on_the_spot_decision: { action: 'decision_issued', key: 'summary-decision' },
  public_notice: { action: 'service_attempted', details: { method: 'public_notice' } },
  hearing_notice: { action: 'hearing_scheduled', key: 'hearing-scheduled' },
  // The legal reviewer's completion of the legal review, passed or not (行政处罚法 58); the meeting minuted
  // (57 第二款); the application to the court (行政强制法 53–55).
  legal_review_opinion: { action: 'task_completed', details: { kind: 'legal_review' satisfies TaskKind } },
  collective_discussion_record: { action: 'collective_discussion_recorded' },
  court_application: { action: 'court_application_filed' },
};

/** An entry as `documentPossible` reads it. */
export interface RecordedStep {
  action: string;
  key: string;
  details?: Record<string, unknown> | null;
}

/** Whether a case whose record holds these entries (action, key, details) can have documents of this kind. */
export function documentPossible(kind: DocumentKind, recorded: readonly RecordedStep[]): boolean {
  const by = MADE_BY[kind];
  const said = (e: RecordedStep) => Object.entries(by.details ?? {}).every(([k, v]) => e.details?.[k] === v);
  return recorded.some((e) => e.action === by.action && (by.key === undefined || e.key === by.key) && said(e));
}

/**
 * The names a document is handed out under: its label and its number where it has one, and for clients
 * that read only ASCII its kind; both end with the hash's first characters, so two receipts differ.
 */
export function documentFileNames(kind: DocumentKind, number: string | null, sha256: string): { name: string; ascii: string } {
  const tail = `-${sha256.slice(0, 8)}.pdf`;
  return { name: `${DOCUMENT_KIND_LABELS[kind]}${number ? `（${number}）` : ''}${tail}`, ascii: `${kind}${tail}` };
}
