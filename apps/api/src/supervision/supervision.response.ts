import { STAGES } from '#libs/domain/case';
import { ROLES } from '#libs/domain/roles';
import { PageOf } from '../common/paging';
import { Bool, Day, Instant, Int, Ints, Nested, NestedList, Num, OneOf, Text, Uuid } from '../common/responses';

/** Something due or overdue: whose case, who must act, how late, whether its time is an estimate. */
export class DueItemResponse {
  @Uuid() caseId: string;
  @Text({ nullable: true, description: '案号（未立案时为空）' }) caseNumber: string | null;
  @Text({ description: '期限类型（task:<任务类型>、deadline:decision、measure:<措施>、service、payment、court_application）' })
  kind: string;
  @Text() kindLabel: string;
  @Instant() dueAt: string;
  @Int({ description: '逾期天数' }) daysLate: number;
  @OneOf(STAGES) stage: string;
  @Uuid({ nullable: true, description: '承办人' }) officerId: string | null;
  @Text({ nullable: true }) officerName: string | null;
  @Uuid({ nullable: true, description: '待办人（为空时该角色的任何人均可办理）' }) assigneeId: string | null;
  @Text({ nullable: true }) assigneeName: string | null;
  @OneOf(ROLES, { nullable: true }) role: string | null;
  @Text({ description: '任务、期限、措施或送达的编号' }) ref: string;
  @Bool({ description: '为 false 时 dueAt 按周末估算（所涉年度的节假日安排尚未公布）' }) complete: boolean;
  @Ints({ description: '未公布节假日安排的年度' }) missingYears: number[];
}

/**
 * A page of the due list. `total` is counted up to 1 000 (`totalCapped` then true: at least that many):
 * an exact count would read every row the filters select, the agency's whole list at worst, on each page.
 */
export class DueItemPage extends PageOf(DueItemResponse) {
  @Bool({ description: '为 true 时总条数超过 total（计数到 1000 为止）' }) totalCapped: boolean;
  @Text({ nullable: true, description: '下一页的游标（作为 cursor 传回；为空时已是最后一页）' }) nextCursor: string | null;
}

export class CasesByStageResponse {
  @OneOf(STAGES) stage: string;
  @Text() status: string;
  @Int() cases: number;
}

export class StorageResponse {
  @Int({ description: '音像文件数（相同内容计一次）' }) files: number;
  @Int({ description: '字节数' }) bytes: number;
}

export class OnTimeResponse {
  @Text() kind: string;
  @Text() kindLabel: string;
  @Text({ description: '月份（YYYY-MM，北京时间）' }) month: string;
  @Int() done: number;
  @Int() onTime: number;
  @Num({ nullable: true, description: '按时办结率' }) rate: number | null;
}

/** Open items overdue, per unit (科室) of the case's handling officer. */
export class OverdueByUnitResponse {
  @Text({ nullable: true, description: '承办人所在科室（为空：尚无承办人）' }) unit: string | null;
  @Int({ description: '逾期未办事项数（与 due?state=overdue 的行数相同）' }) overdue: number;
}

export class StatsResponse {
  @NestedList(() => CasesByStageResponse) casesByStage: CasesByStageResponse[];
  @Nested(() => StorageResponse) storage: StorageResponse;
  @NestedList(() => OnTimeResponse) onTime: OnTimeResponse[];
  @NestedList(() => OverdueByUnitResponse) overdueByUnit: OverdueByUnitResponse[];
}

export class AccountabilityItemResponse {
  @Uuid() caseId: string;
  @Text({ nullable: true, description: '案号（未立案时为空）' }) caseNumber: string | null;
  @Uuid({ nullable: true }) personId: string | null;
  @Text({ nullable: true }) personName: string | null;
  @Text() kind: string;
  @Text() kindLabel: string;
  @Instant({ nullable: true }) at: string | null;
  @Text() description: string;
}

export class DefectCountResponse {
  @Uuid({ nullable: true }) personId: string | null;
  @Text({ nullable: true }) personName: string | null;
  @Text() kind: string;
  @Text() kindLabel: string;
  @Int() count: number;
}

/** A page of defects, and the count per person and kind over all of them (评议考核). */
export class AccountabilityPage extends PageOf(AccountabilityItemResponse) {
  @NestedList(() => DefectCountResponse) byPerson: DefectCountResponse[];
}

/** An officer's certificate about to end: whom to remind before they may no longer investigate (行政处罚法 42). */
export class ExpiringCertificateResponse {
  @Uuid() userId: string;
  @Text({ description: '姓名' }) displayName: string;
  @OneOf(ROLES) role: string;
  @Text({ description: '科室' }) unit: string;
  @Text({ description: '执法证件编号' }) certificateNo: string;
  @Text({ nullable: true, description: '发证机关' }) issuer: string | null;
  @Day({ nullable: true, description: '有效期起' }) validFrom: string | null;
  @Day({ description: '有效期至（含当日）' }) validTo: string;
  @Int({ description: '距到期的天数（0：今天是最后一天）' }) daysLeft: number;
}

export class ExpiringCertificatePage extends PageOf(ExpiringCertificateResponse) {}
