import { CASE_OPERATIONS, CASE_OPERATION_LABELS, CaseClock, CaseOperationKind, TRANSFER_TARGETS, TransferTarget } from '#libs/domain/case-operations';
import type { CaseOperationEntity, CaseOperationStatus } from '#libs/persistence/entities/case-operation.entity';
import { clockView } from '../cases/cases.mapper';
import { TaskRefResponse } from '../common/responses';
import { BoolOut, EnumOut, InstantOut, NestedListOut, NestedOut, TextOut, UuidOut } from '../common/response-fields';

const STATUSES: readonly CaseOperationStatus[] = ['pending', 'approved', 'rejected', 'completed'];

export class TransferResponse {
  @EnumOut('移送对象类型', TRANSFER_TARGETS) target: TransferTarget;
  @TextOut('接收机关') recipient: string;
}

export class TransferReceiptResponse {
  @TextOut('接收人') receivedBy: string;
  @InstantOut('接收时间') receivedAt: string;
  @TextOut('回执文号') documentNumber: string;
}

/** The request as registered: the chief's task is open. */
export class CaseOperationRequestResponse {
  @UuidOut('操作') operationId: string;
  @EnumOut('操作类型', CASE_OPERATIONS) kind: CaseOperationKind;
  @TextOut('操作类型名称') kindLabel: string;
  @EnumOut('状态', ['pending']) status: 'pending';
  @NestedOut('负责人的审批任务', () => TaskRefResponse, { nullable: true }) task: TaskRefResponse | null;
}

export class CaseOperationResponse {
  @UuidOut('操作') id: string;
  @EnumOut('操作类型', CASE_OPERATIONS) kind: CaseOperationKind;
  @TextOut('操作类型名称') kindLabel: string;
  @TextOut('理由') reason: string;
  @TextOut('法律依据', { nullable: true }) legalBasis: string | null;
  @NestedOut('移送对象', () => TransferResponse, { nullable: true }) transfer: TransferResponse | null;
  @UuidOut('申请人') requestedBy: string;
  @InstantOut('申请时间') requestedAt: string;
  @EnumOut('状态', STATUSES) status: CaseOperationStatus;
  @UuidOut('决定人', { nullable: true }) decidedBy: string | null;
  @InstantOut('决定时间', { nullable: true }) decidedAt: string | null;
  @TextOut('负责人意见', { nullable: true }) opinion: string | null;
  @NestedOut('移送回执', () => TransferReceiptResponse, { nullable: true }) receipt: TransferReceiptResponse | null;
}

export class ClockPauseResponse {
  @InstantOut('中止时间') from: string;
  @InstantOut('恢复时间（仍中止为 null）', { nullable: true }) to: string | null;
}

/** The case clock: whether it stands still (中止), since when and why, and every span it stood still. */
export class CaseClockResponse {
  @BoolOut('案件期限停止计算（中止）') stopped: boolean;
  @InstantOut('中止时间', { optional: true }) since?: string;
  @TextOut('中止原因', { optional: true }) reason?: string;
  @NestedListOut('中止的期间', () => ClockPauseResponse) pauses: ClockPauseResponse[];
}

export class CaseOperationsResponse {
  @NestedOut('案件时钟', () => CaseClockResponse) clock: CaseClockResponse;
  @NestedListOut('操作（新的在前）', () => CaseOperationResponse) items: CaseOperationResponse[];
}

export const mapCaseClock = (clock: CaseClock): CaseClockResponse => ({
  ...clockView(clock),
  pauses: clock.pauses.map(({ from, to }) => ({ from, to: to ?? null })),
});

export const mapCaseOperation = (r: CaseOperationEntity): CaseOperationResponse => ({
  id: r.id, kind: r.kind, kindLabel: CASE_OPERATION_LABELS[r.kind], reason: r.reason, legalBasis: r.legalBasis,
  transfer: r.transfer && { target: r.transfer.target, recipient: r.transfer.recipient },
  requestedBy: r.requestedBy, requestedAt: r.requestedAt.toISOString(), status: r.status, decidedBy: r.decidedBy,
  decidedAt: r.decidedAt?.toISOString() ?? null, opinion: r.opinion,
  receipt: r.receipt && { receivedBy: r.receipt.receivedBy, receivedAt: r.receipt.receivedAt, documentNumber: r.receipt.documentNumber },
});
