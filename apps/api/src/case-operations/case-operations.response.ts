import {
  CASE_OPERATIONS,
  CASE_OPERATION_LABELS,
  CaseClock,
  CaseOperationKind,
  TRANSFER_TARGETS,
  TransferTarget,
} from '#libs/domain/case-operations';
import type { CaseOperationEntity, CaseOperationStatus } from '#libs/persistence/entities/case-operation.entity';
import { clockView } from '../cases/cases.mapper';
import { ClockResponse } from '../cases/cases.response';
import { TaskRefResponse } from '../common/stage-responses';
import { Instant, Nested, NestedList, OneOf, Text, Uuid } from '../common/responses';

const STATUSES: readonly CaseOperationStatus[] = ['pending', 'approved', 'rejected', 'completed'];

export class TransferResponse {
  @OneOf(TRANSFER_TARGETS, { description: '移送对象类型' }) target: TransferTarget;
  @Text({ description: '接收机关' }) recipient: string;
}

export class TransferReceiptResponse {
  @Text({ description: '接收人' }) receivedBy: string;
  @Instant({ description: '接收时间' }) receivedAt: string;
  @Text({ description: '回执文号' }) documentNumber: string;
}

/** The request as registered: the chief's task is open. */
export class CaseOperationRequestResponse {
  @Uuid({ description: '操作' }) operationId: string;
  @OneOf(CASE_OPERATIONS, { description: '操作类型' }) kind: CaseOperationKind;
  @Text({ description: '操作类型名称' }) kindLabel: string;
  @OneOf(['pending'], { description: '状态' }) status: 'pending';
  @Nested(() => TaskRefResponse, { nullable: true, description: '负责人的审批任务' }) task: TaskRefResponse | null;
}

export class CaseOperationResponse {
  @Uuid({ description: '操作' }) id: string;
  @OneOf(CASE_OPERATIONS, { description: '操作类型' }) kind: CaseOperationKind;
  @Text({ description: '操作类型名称' }) kindLabel: string;
  @Text({ description: '理由' }) reason: string;
  @Text({ nullable: true, description: '法律依据' }) legalBasis: string | null;
  @Nested(() => TransferResponse, { nullable: true, description: '移送对象' }) transfer: TransferResponse | null;
  @Uuid({ description: '申请人' }) requestedBy: string;
  @Instant({ description: '申请时间' }) requestedAt: string;
  @OneOf(STATUSES, { description: '状态' }) status: CaseOperationStatus;
  @Uuid({ nullable: true, description: '决定人' }) decidedBy: string | null;
  @Instant({ nullable: true, description: '决定时间' }) decidedAt: string | null;
  @Text({ nullable: true, description: '负责人意见' }) opinion: string | null;
  @Nested(() => TransferReceiptResponse, { nullable: true, description: '移送回执' }) receipt: TransferReceiptResponse | null;
}

export class ClockPauseResponse {
  @Instant({ description: '中止时间' }) from: string;
  @Instant({ nullable: true, description: '恢复时间（仍中止为 null）' }) to: string | null;
}

/** The case clock (as on the case) with every span it stood still. */
export class CaseClockResponse extends ClockResponse {
  @NestedList(() => ClockPauseResponse, { description: '中止的期间' }) pauses: ClockPauseResponse[];
}

export class CaseOperationsResponse {
  @Nested(() => CaseClockResponse, { description: '案件时钟' }) clock: CaseClockResponse;
  @NestedList(() => CaseOperationResponse, { description: '操作（新的在前）' }) items: CaseOperationResponse[];
}

export const mapCaseClock = (clock: CaseClock): CaseClockResponse => ({
  ...clockView(clock),
  pauses: clock.pauses.map(({ from, to }) => ({ from, to: to ?? null })),
});

export const mapCaseOperation = (r: CaseOperationEntity): CaseOperationResponse => ({
  id: r.id,
  kind: r.kind,
  kindLabel: CASE_OPERATION_LABELS[r.kind],
  reason: r.reason,
  legalBasis: r.legalBasis,
  transfer: r.transfer && { target: r.transfer.target, recipient: r.transfer.recipient },
  requestedBy: r.requestedBy,
  requestedAt: r.requestedAt.toISOString(),
  status: r.status,
  decidedBy: r.decidedBy,
  decidedAt: r.decidedAt?.toISOString() ?? null,
  opinion: r.opinion,
  receipt: r.receipt && { receivedBy: r.receipt.receivedBy, receivedAt: r.receipt.receivedAt, documentNumber: r.receipt.documentNumber },
});
