import { MEASURE_DECISIONS, MEASURE_KINDS } from '#libs/messages/investigation';
import { PageOf } from '../common/paging';
import { Bool, Day, Instant, Ints, Nested, NestedList, OneOf, Text, Uuid } from '../common/responses';

export class MeasurePauseResponse {
  @Instant() from: string;
  @Instant({ nullable: true, description: '恢复计算时间（仍中止时为空）' }) to: string | null;
  @Text() reason: string;
}

export class FamilyNotifiedResponse {
  @Text() method: string;
  @Instant() at: string;
  @Text() recipient: string;
}

/** A coercive measure and its clock: the one shape of every answer about a measure. */
export class MeasureResponse {
  @Uuid() id: string;
  @Uuid() caseId: string;
  @OneOf(MEASURE_KINDS) kind: string;
  @Text() object: string;
  @Instant() takenAt: string;
  @Instant({ nullable: true, description: '期限届满时间（检测、检验等期间中止计算时为空）' }) dueAt: string | null;
  @Day({ nullable: true }) lastDay: string | null;
  @Bool({ description: '为 false 时 dueAt 按周末估算（所涉年度的节假日安排尚未公布）' }) complete: boolean;
  @Ints({ description: '未公布节假日安排的年度' }) missingYears: number[];
  @OneOf(['active', 'paused', 'extension_requested', 'expired', 'decided']) status: string;
  @Bool() extended: boolean;
  @NestedList(() => MeasurePauseResponse) pauses: MeasurePauseResponse[];
  @OneOf(MEASURE_DECISIONS, { nullable: true }) decision: string | null;
  @Uuid({ nullable: true, description: '对应的文字记录' }) recordId: string | null;
  @Nested(() => FamilyNotifiedResponse, { nullable: true, description: '通知家属情况（限制人身自由时）' })
  familyNotified: FamilyNotifiedResponse | null;
}

export class MeasurePage extends PageOf(MeasureResponse) {}
