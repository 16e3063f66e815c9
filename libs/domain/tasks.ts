import { Actor, Role } from './roles';

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
] as const;
export type TaskKind = (typeof TASK_KINDS)[number];

interface TaskSpec {
  role: Role;
  label: string;
  decisions: readonly string[];
  /** Completed by storing a file through its own endpoint, not by a plain completion. */
  byUpload?: true;
}

export const TASK_SPECS: Record<TaskKind, TaskSpec> = {
  back_report: { role: 'officer', label: '补报程序启动审批表', decisions: ['submit'] },
  application_acceptance: { role: 'officer', label: '申请受理审查', decisions: ['accept', 'reject'] },
  unit_head_review: { role: 'unit_head', label: '承办机构审核意见', decisions: ['agree', 'disagree'] },
  chief_approval: { role: 'chief', label: '负责人审批', decisions: ['approve', 'reject'] },
  decline_notification: { role: 'officer', label: '告知不予启动情况', decisions: ['notified'] },
  av_upload: { role: 'officer', label: '存储音像记录', decisions: ['uploaded'], byUpload: true },
  preservation_handling: { role: 'officer', label: '先行登记保存物品处理决定', decisions: ['decided'] },
  measure_extension: { role: 'chief', label: '批准延长查封、扣押或冻结期限', decisions: ['approve', 'reject'] },
  measure_approval: { role: 'chief', label: '补办当场实施强制措施的批准手续', decisions: ['approve', 'reject'] },
  decision_extension: { role: 'chief', label: '批准延长作出处理决定的期限', decisions: ['approve', 'reject'] },
  statement_review: { role: 'officer', label: '复核当事人陈述、申辩', decisions: ['adopted', 'partly_adopted', 'not_adopted'] },
};

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

export interface CompletionInput {
  decision: string;
  opinion: string;
  notification?: Notification;
  file?: StoredFile;
}

export interface Completion extends CompletionInput {
  taskId: string;
  by: Actor;
  at: string;
  /** The task's due time when it was completed, if it had one. */
  dueAt?: string;
}

/** Why a completion is refused: a stable code and the Chinese message shown to the person. */
export const TASK_REFUSALS = {
  TASK_NOT_OPEN: '该任务已办结或不存在，不能重复办理',
  TASK_WRONG_ROLE: '当前角色无权办理该任务',
  TASK_WRONG_AGENCY: '不能办理其他机关的任务',
  TASK_NOT_ASSIGNEE: '该任务已指派给其他人员',
  TASK_DECISION_INVALID: '办理结果不在该任务允许的范围内',
  TASK_NOTIFICATION_REQUIRED: '须记录告知的方式、时间和告知对象',
  TASK_NEEDS_UPLOAD: '该任务须通过上传音像文件办理',
} as const;
export type TaskRefusal = keyof typeof TASK_REFUSALS;

/**
 * Pure check of a completion against an open task: used by the workflow's Update validator
 * (the authority) and by the API to answer early with a clear error.
 */
export function refuseCompletion(task: TaskRef | undefined, actor: Actor, input: CompletionInput): TaskRefusal | null {
  if (!task) return 'TASK_NOT_OPEN';
  if (actor.agencyId !== task.agencyId) return 'TASK_WRONG_AGENCY';
  if (actor.role !== task.role) return 'TASK_WRONG_ROLE';
  if (task.assigneeId && task.assigneeId !== actor.id) return 'TASK_NOT_ASSIGNEE';
  if (!TASK_SPECS[task.kind].decisions.includes(input.decision)) return 'TASK_DECISION_INVALID';
  if (task.kind === 'decline_notification' && !input.notification) return 'TASK_NOTIFICATION_REQUIRED';
  if (TASK_SPECS[task.kind].byUpload && !input.file) return 'TASK_NEEDS_UPLOAD';
  return null;
}

const DECISION_LABELS: Record<string, string> = {
  submit: '已补报',
  accept: '予以受理',
  agree: '同意',
  disagree: '不同意',
  approve: '批准启动',
  reject: '不予批准',
  notified: '已告知',
  uploaded: '已存储',
  decided: '已作出处理决定',
  adopted: '采纳',
  partly_adopted: '部分采纳',
  not_adopted: '不予采纳',
};

const METHOD_LABELS: Record<NotificationMethod, string> = {
  in_person: '当面告知',
  phone: '电话告知',
  sms: '短信告知',
  letter: '书面告知',
  email: '电子邮件告知',
  public_notice: '公示告知',
};

/** The Chinese line the record shows for a completed task. */
export function describeCompletion(kind: TaskKind, c: Completion): string {
  const base = `${c.by.name}办理「${TASK_SPECS[kind].label}」：${DECISION_LABELS[c.decision] ?? c.decision}。意见：${c.opinion}`;
  const n = c.notification;
  return n ? `${base}。于${n.notifiedAt}${METHOD_LABELS[n.method]}${n.recipient}` : base;
}
