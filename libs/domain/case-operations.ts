import type { Pause } from '../calendar/period';
import type { CaseStatus } from './case';
import type { CaseOperationRefusal } from './refusals/case-operations';

/**
 * Case-level operations (案件中止、恢复、终结、移送), each approved by the chief. They are not in
 * the five seeds; the readings follow national law: 行政强制法 第三十九条 (中止执行, resumed when the
 * cause ends), 第四十条 (终结执行), 行政处罚法 第二十七条 (移送司法机关) and 第八十二条 (移送 and its receipt).
 */
export const CASE_OPERATIONS = ['suspension', 'resumption', 'termination', 'transfer'] as const;
export type CaseOperationKind = (typeof CASE_OPERATIONS)[number];

export const CASE_OPERATION_LABELS: Record<CaseOperationKind, string> = {
  suspension: '中止办理',
  resumption: '恢复办理',
  termination: '终结办理',
  transfer: '移送',
};

export const CASE_OPERATION_BASIS: Record<CaseOperationKind, string> = {
  suspension: '《中华人民共和国行政强制法》第三十九条；中止期间不计入办理期限',
  resumption: '《中华人民共和国行政强制法》第三十九条第二款',
  termination: '《中华人民共和国行政强制法》第四十条',
  transfer: '《中华人民共和国行政处罚法》第二十七条、第八十二条',
};

/** Where a case is transferred (移送): another agency with jurisdiction, or the judicial authorities. */
export const TRANSFER_TARGETS = ['agency', 'judicial'] as const;
export type TransferTarget = (typeof TRANSFER_TARGETS)[number];
export const TRANSFER_TARGET_LABELS: Record<TransferTarget, string> = { agency: '有管辖权的行政机关', judicial: '司法机关' };

/** The receipt (回执) of a transferred case: who received it, when, under which document number. */
export interface TransferReceipt {
  receivedBy: string;
  receivedAt: string;
  documentNumber: string;
}

/**
 * The case clock every stage obeys: the spans it stood still (中止), the open one last, and why it
 * stands still now. Sent whole, so a repeated signal changes nothing.
 */
export interface CaseClock {
  pauses: (Pause & { operationId: string })[];
  suspended: { since: string; reason: string } | null;
}

export const RUNNING_CLOCK: CaseClock = { pauses: [], suspended: null };

/** Statuses of a case still being handled: the only ones an operation can change. */
const HANDLED: readonly CaseStatus[] = ['emergency_started', 'initiated', 'decided'];

/** Whether `kind` may be requested on a case in this state (the workflow checks again on approval). */
export function operationRefusal(
  kind: CaseOperationKind,
  c: { status: CaseStatus; suspended: boolean; pendingOperation: boolean },
): CaseOperationRefusal | null {
  if (!HANDLED.includes(c.status)) return 'CASE_NOT_IN_HANDLING';
  if (c.pendingOperation) return 'CASE_OPERATION_PENDING';
  if (kind === 'suspension' && c.suspended) return 'CASE_ALREADY_SUSPENDED';
  if (kind === 'resumption' && !c.suspended) return 'CASE_NOT_SUSPENDED';
  return null;
}

/** The clock after an approved suspension or resumption at `at`. Pure and idempotent per operation. */
export function nextClock(clock: CaseClock, op: { id: string; kind: 'suspension' | 'resumption'; at: string; reason: string }): CaseClock {
  if (op.kind === 'suspension') {
    if (clock.pauses.some((p) => p.operationId === op.id)) return clock;
    return { pauses: [...clock.pauses, { from: op.at, operationId: op.id }], suspended: { since: op.at, reason: op.reason } };
  }
  const open = clock.pauses.find((p) => !p.to);
  if (!open) return clock;
  return { pauses: clock.pauses.map((p) => (p === open ? { ...p, to: op.at } : p)), suspended: null };
}
