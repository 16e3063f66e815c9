import type { DecisionDeadlineView, PreDecisionNoticeView } from '#libs/messages/decision';
import type { CaseDeadlineEntity, DeadlineEnd } from '#libs/persistence/entities/case-deadline.entity';
import { PageOf } from '../common/paging';
import { Bool, Day, Instant, Int, Ints, Nested, OneOf, Text, Texts, Uuid } from '../common/responses';
import { DueTimesResponse, mapDueTimes } from '../common/stage-responses';

const DEADLINE_STATES = ['running', 'paused', 'overdue', 'met', 'stopped'] as const;
const DEADLINE_ENDS: readonly DeadlineEnd[] = ['met', 'met_late', 'terminated', 'transferred'];

/** A case-level deadline (the decision deadline, 行政处罚法 60) with its state and how it ended. */
export class CaseDeadlineResponse {
  @Text({ description: '期限种类（decision 作出处理决定的期限）' }) kind: string;
  @Instant({ description: '到期时间' }) dueAt: string;
  @Bool({ description: '到期时间是否确定（否：估算）' }) complete: boolean;
  @Ints({ description: '未公布节假日安排的年度' }) missingYears: number[];
  @Bool({ description: '已延长' }) extended: boolean;
  @OneOf(DEADLINE_STATES, { description: '状态（paused 案件中止；stopped 案件终结或移送）' }) state: CaseDeadlineEntity['state'];
  @OneOf(DEADLINE_ENDS, { nullable: true, description: '如何结束（未结束为 null）' }) ended: DeadlineEnd | null;
  @Instant({ nullable: true, description: '结束时间' }) endedAt: string | null;
}

export class CaseDeadlinePage extends PageOf(CaseDeadlineResponse) {}

export const mapCaseDeadline = (d: CaseDeadlineEntity): CaseDeadlineResponse => ({
  kind: d.kind,
  dueAt: d.dueAt.toISOString(),
  complete: d.dueComplete,
  missingYears: d.dueMissingYears,
  extended: d.extended,
  state: d.state,
  ended: d.ended,
  endedAt: d.endedAt?.toISOString() ?? null,
});

/** The decision deadline as its workflow keeps it. */
export class DecisionDeadlineResponse {
  @Instant({ description: '到期时间（中止时为中止前的到期时间）' }) dueAt: string;
  @Day({ nullable: true, description: '最后一日' }) lastDay: string | null;
  @Bool({ description: '到期时间是否确定（否：估算）' }) complete: boolean;
  @Ints({ optional: true, description: '未公布节假日安排的年度' }) missingYears?: number[];
  @Bool({ description: '已延长' }) extended: boolean;
  @Bool({ description: '已申请延长' }) extensionRequested: boolean;
  @OneOf(['running', 'paused', 'overdue', 'met'], { description: '状态' }) state: DecisionDeadlineView['state'];
}

export const mapDecisionDeadline = (d: DecisionDeadlineView): DecisionDeadlineResponse => ({
  dueAt: d.dueAt,
  lastDay: d.lastDay,
  complete: d.complete,
  missingYears: d.missingYears && [...d.missingYears],
  extended: d.extended,
  extensionRequested: d.extensionRequested,
  state: d.state,
});

export class WaivedResponse {
  @Bool({ description: '已放弃陈述、申辩' }) statement: boolean;
  @Bool({ description: '已放弃听证' }) hearing: boolean;
}

export class HearingStateResponse {
  @Instant({ description: '听证通知送达时间' }) notifiedAt: string;
  @Instant({ description: '听证时间' }) at: string;
  @Text({ description: '听证地点' }) place: string;
  @Instant({ nullable: true, description: '听证举行时间' }) heldAt: string | null;
  @Bool({ description: '听证报告已提交' }) reported: boolean;
}

/** The pre-decision notice (事先告知) and what the party did with it. */
export class NoticeResponse {
  @Instant({ nullable: true, description: '送达时间（未送达为 null）' }) servedAt: string | null;
  @Uuid({ optional: true, nullable: true, description: '送达中的送达' }) serviceId?: string | null;
  @Texts({ description: '告知的权利' }) rights: string[];
  @Instant({ nullable: true, description: '陈述、申辩的期限' }) statementDueAt: string | null;
  @Instant({ nullable: true, description: '申请听证的期限' }) hearingRequestDueAt: string | null;
  @Nested(() => WaivedResponse, { description: '放弃的权利' }) waived: WaivedResponse;
  @Bool({ description: '已申请听证' }) hearingRequested: boolean;
  @Nested(() => HearingStateResponse, { nullable: true, description: '听证' }) hearing: HearingStateResponse | null;
  @Int({ description: '待复核的陈述、申辩' }) statementsPending: number;
  @Bool({ description: '已作出决定' }) decided: boolean;
  @Nested(() => DueTimesResponse, { optional: true, description: '期限（statement、hearing_request）' }) deadlines?: DueTimesResponse;
}

export function mapNotice(n: PreDecisionNoticeView): NoticeResponse {
  const h = n.hearing;
  return {
    servedAt: n.servedAt,
    serviceId: n.serviceId,
    rights: [...n.rights],
    statementDueAt: n.statementDueAt,
    hearingRequestDueAt: n.hearingRequestDueAt,
    waived: { statement: n.waived.statement, hearing: n.waived.hearing },
    hearingRequested: n.hearingRequested,
    hearing: h && { notifiedAt: h.notifiedAt, at: h.at, place: h.place, heldAt: h.heldAt, reported: h.reported },
    statementsPending: n.statementsPending,
    decided: n.decided,
    deadlines: n.deadlines && mapDueTimes(n.deadlines),
  };
}
