import { DraftDecision, describeDraft } from './draft';
import type { ArchiveForm } from '../messages/archiving';
import type { AttemptInput } from './service';
import type { TransferReceipt } from './case-operations';
import { FINDING_LABELS, RETURN_STEP_LABELS, ReturnStep, ReviewFinding } from './review';
import { Actor, Role } from './roles';
import type { TaskRefusal } from './refusals/tasks';

/** Human tasks of the initiation stage; later stages add their kinds here. */
export const TASK_KINDS = [
  'back_report',
  'application_acceptance',
  'unit_head_review',
  'chief_approval',
  'decline_notification',
  'av_upload',
  'preservation_handling',
  'measure_extension',
  'measure_approval',
  'decision_extension',
  'statement_review',
  'draft_decision',
  'draft_review',
  'legal_review',
  'decision_approval',
  'summary_filing',
  'cash_hand_in',
  'service_attempt',
  'demand_notice_approval',
  'reinspection',
  'archive_file',
  'access_request',
  'case_operation_approval',
  'transfer_receipt',
] as const;
export type TaskKind = (typeof TASK_KINDS)[number];

interface TaskSpec {
  role: Role;
  label: string;
  decisions: readonly string[];
  /** Completed through its own endpoint (storing a file, submitting a draft), not a plain completion. */
  via?: 'upload' | 'draft' | 'service' | 'archive';
}

export const TASK_SPECS: Record<TaskKind, TaskSpec> = {
  back_report: { role: 'officer', label: '补报程序启动审批表', decisions: ['submit'] },
  application_acceptance: { role: 'officer', label: '申请受理审查', decisions: ['accept', 'reject'] },
  unit_head_review: { role: 'unit_head', label: '承办机构审核意见', decisions: ['agree', 'disagree'] },
  chief_approval: { role: 'chief', label: '负责人审批', decisions: ['approve', 'reject'] },
  decline_notification: { role: 'officer', label: '告知不予启动情况', decisions: ['notified'] },
  av_upload: { role: 'officer', label: '存储音像记录', decisions: ['uploaded'], via: 'upload' },
  preservation_handling: { role: 'officer', label: '先行登记保存物品处理决定', decisions: ['decided'] },
  measure_extension: { role: 'chief', label: '批准延长查封、扣押或冻结期限', decisions: ['approve', 'reject'] },
  measure_approval: { role: 'chief', label: '补办当场实施强制措施的批准手续', decisions: ['approve', 'reject'] },
  decision_extension: { role: 'chief', label: '批准延长作出处理决定的期限', decisions: ['approve', 'reject'] },
  statement_review: { role: 'officer', label: '复核当事人陈述、申辩', decisions: ['adopted', 'partly_adopted', 'not_adopted'] },
  draft_decision: { role: 'officer', label: '拟定处理意见', decisions: ['submit'], via: 'draft' },
  draft_review: { role: 'unit_head', label: '承办机构审核处理意见', decisions: ['agree', 'return'] },
  legal_review: { role: 'legal_reviewer', label: '法制审核', decisions: ['pass', 'fail'] },
  decision_approval: { role: 'chief', label: '负责人审批处理决定', decisions: ['approve', 'reject', 'return'] },
  summary_filing: { role: 'unit_head', label: '简易程序处罚决定备案', decisions: ['filed'] },
  cash_hand_in: { role: 'officer', label: '上缴当场收缴的罚款', decisions: ['handed_in'] },
  service_attempt: { role: 'officer', label: '送达文书', decisions: ['attempted'], via: 'service' },
  demand_notice_approval: { role: 'chief', label: '批准催告书', decisions: ['approve', 'reject'] },
  reinspection: { role: 'officer', label: '复查责令改正情况', decisions: ['corrected', 'not_corrected'] },
  archive_file: { role: 'archivist', label: '案卷归档', decisions: ['archived'], via: 'archive' },
  access_request: { role: 'chief', label: '当事人查阅、复制执法记录申请', decisions: ['granted', 'refused'] },
  case_operation_approval: { role: 'chief', label: '审批案件中止、恢复、终结或移送', decisions: ['approve', 'reject'] },
  transfer_receipt: { role: 'officer', label: '登记案件移送回执', decisions: ['received'] },
};

/**
 * How someone is told (告知); stored names. 'public_notice' here is 公示告知 (told by a public posting),
 * not 公告送达, the method of service that has the same stored name (SERVICE_METHODS in service.ts).
 */
export const NOTIFICATION_METHODS = ['in_person', 'phone', 'sms', 'letter', 'email', 'public_notice'] as const;
export type NotificationMethod = (typeof NOTIFICATION_METHODS)[number];

/** How and when someone was told (告知), e.g. a real-name complainant of a declined start. */
export interface Notification {
  method: NotificationMethod;
  notifiedAt: string;
  recipient: string;
  note?: string;
}

export interface TaskRef {
  id: string;
  caseId: string;
  agencyId: string;
  kind: TaskKind;
  role: Role;
  assigneeId?: string;
  dueAt?: string;
  /** False while `dueAt` is an estimate: the period reaches a year whose schedule is not loaded. */
  dueComplete?: boolean;
  dueMissingYears?: number[];
  openedAt: string;
}

/** A file stored by content hash (an audiovisual record). */
export interface StoredFile {
  sha256: string;
  size: number;
  mediaType: string;
}

/** A deputy signing for the chief (受委托签批): whom for, and on what basis. */
export interface Delegation {
  onBehalfOf: string;
  basis: string;
}

export interface CompletionInput {
  decision: string;
  opinion: string;
  notification?: Notification;
  file?: StoredFile;
  draft?: DraftDecision;
  /** Review: what the reviewer found about the case (they only add to the gates) and suggestions. */
  findings?: ReviewFinding[];
  suggestions?: string;
  /** Approval: the signature as signed, when, for whom, and where a returned draft goes next. */
  signature?: string;
  signedAt?: string;
  delegation?: Delegation;
  returnTo?: ReturnStep;
  /** Service: the attempt made (method and what it must record). */
  attempt?: AttemptInput;
  /** Archiving: the case file as closed. */
  archive?: ArchiveForm;
  /** 移送: the receiving authority's receipt. */
  receipt?: TransferReceipt;
}

export interface Completion extends CompletionInput {
  taskId: string;
  by: Actor;
  at: string;
  /** The task's due time when it was completed, if it had one. */
  dueAt?: string;
}

/**
 * Pure check of a completion against an open task: used by the workflow's Update validator
 * (the authority) and by the API to answer early with a clear error.
 */
export function completionRefusal(task: TaskRef | undefined, actor: Actor, input: CompletionInput): TaskRefusal | null {
  if (!task) return 'TASK_NOT_OPEN';
  if (actor.agencyId !== task.agencyId) return 'TASK_WRONG_AGENCY';
  if (actor.role !== task.role) return 'TASK_WRONG_ROLE';
  if (task.assigneeId && task.assigneeId !== actor.id) return 'TASK_NOT_ASSIGNEE';
  if (!TASK_SPECS[task.kind].decisions.includes(input.decision)) return 'TASK_DECISION_INVALID';
  if (task.kind === 'decline_notification' && !input.notification) return 'TASK_NOTIFICATION_REQUIRED';
  if (TASK_SPECS[task.kind].via === 'upload' && !input.file) return 'TASK_NEEDS_UPLOAD';
  if (TASK_SPECS[task.kind].via === 'draft' && !input.draft) return 'TASK_NEEDS_DRAFT';
  if (TASK_SPECS[task.kind].via === 'service' && !input.attempt) return 'TASK_NEEDS_ATTEMPT';
  if (TASK_SPECS[task.kind].via === 'archive' && !input.archive) return 'TASK_NEEDS_ARCHIVE';
  if (task.kind === 'decision_approval' && input.decision === 'return' && !input.returnTo) return 'TASK_RETURN_STEP_REQUIRED';
  if (task.kind === 'transfer_receipt' && !input.receipt) return 'TASK_RECEIPT_REQUIRED';
  return null;
}

const DECISION_LABELS: Record<string, string> = {
  submit: '已补报',
  accept: '予以受理',
  agree: '同意',
  disagree: '不同意',
  approve: '批准',
  reject: '不予批准',
  notified: '已告知',
  uploaded: '已存储',
  decided: '已作出处理决定',
  adopted: '采纳',
  partly_adopted: '部分采纳',
  not_adopted: '不予采纳',
  pass: '审核通过',
  fail: '审核不通过',
  return: '退回',
  filed: '已备案',
  handed_in: '已上缴',
  attempted: '已采用',
  corrected: '已改正',
  not_corrected: '未改正',
  archived: '已归档',
  granted: '准予',
  refused: '不予',
  received: '已接收',
};

/** Labels where a decision word reads differently for one kind of task. */
const KIND_DECISION_LABELS: Partial<Record<TaskKind, Record<string, string>>> = {
  chief_approval: { approve: '批准启动' },
  measure_extension: { approve: '批准延长' },
  decision_extension: { approve: '批准延长' },
  draft_decision: { submit: '提交处理意见' },
  decision_approval: { approve: '批准', reject: '不予批准' },
  case_operation_approval: { approve: '批准', reject: '不予批准' },
};

export const NOTIFICATION_METHOD_LABELS: Record<NotificationMethod, string> = {
  in_person: '当面告知',
  phone: '电话告知',
  sms: '短信告知',
  letter: '书面告知',
  email: '电子邮件告知',
  public_notice: '公示告知',
};

/** A task's decision in Chinese, as the record and the workbench's task forms show it. */
export function decisionLabel(kind: TaskKind, decision: string): string {
  return KIND_DECISION_LABELS[kind]?.[decision] ?? DECISION_LABELS[decision] ?? decision;
}

/** The Chinese line the record shows for a completed task. */
export function describeCompletion(kind: TaskKind, c: Completion): string {
  const decision = decisionLabel(kind, c.decision);
  const parts = [`${c.by.name}办理「${TASK_SPECS[kind].label}」：${decision}。意见：${c.opinion}`];
  const n = c.notification;
  if (n) parts.push(`于${n.notifiedAt}${NOTIFICATION_METHOD_LABELS[n.method]}${n.recipient}`);
  if (c.draft) parts.push(describeDraft(c.draft));
  if (c.findings?.length) parts.push(`认定：${c.findings.map((f) => FINDING_LABELS[f]).join('、')}`);
  if (c.suggestions) parts.push(`建议：${c.suggestions}`);
  if (c.returnTo) parts.push(`退回${RETURN_STEP_LABELS[c.returnTo]}`);
  if (c.signature) parts.push(`签名：${c.signature}`);
  if (c.signedAt) parts.push(`签署时间：${c.signedAt}`);
  if (c.delegation) parts.push(`受${c.delegation.onBehalfOf}委托签批（依据：${c.delegation.basis}）`);
  return parts.join('。');
}
