import type { DecisionDeadlineView, NoticeView } from '#libs/messages/decision';
import type { CaseDeadlineEntity, DeadlineEnd } from '#libs/persistence/entities/case-deadline.entity';
import { DueTimesResponse, mapDueTimes } from '../common/responses';
import { BoolOut, DateOut, EnumOut, InstantOut, IntListOut, IntOut, NestedOut, TextListOut, TextOut, UuidOut } from '../common/response-fields';

const DEADLINE_STATES = ['running', 'paused', 'overdue', 'met', 'stopped'] as const;
const DEADLINE_ENDS: readonly DeadlineEnd[] = ['met', 'met_late', 'terminated', 'transferred'];

/** A case-level deadline (the decision deadline, 行政处罚法 60) with its state and how it ended. */
export class CaseDeadlineResponse {
  @TextOut('期限种类（decision 作出处理决定的期限）') kind: string;
  @InstantOut('到期时间') dueAt: string;
  @BoolOut('到期时间是否确定（否：估算）') complete: boolean;
  @IntListOut('未公布节假日安排的年度') missingYears: number[];
  @BoolOut('已延长') extended: boolean;
  @EnumOut('状态（paused 案件中止；stopped 案件终结或移送）', DEADLINE_STATES) state: CaseDeadlineEntity['state'];
  @EnumOut('如何结束（未结束为 null）', DEADLINE_ENDS, { nullable: true }) ended: DeadlineEnd | null;
  @InstantOut('结束时间', { nullable: true }) endedAt: string | null;
}

export const mapCaseDeadline = (d: CaseDeadlineEntity): CaseDeadlineResponse => ({
  kind: d.kind, dueAt: d.dueAt.toISOString(), complete: d.dueComplete, missingYears: d.dueMissingYears, extended: d.extended, state: d.state,
  ended: d.ended, endedAt: d.endedAt?.toISOString() ?? null,
});

/** The decision deadline as its workflow keeps it. */
export class DecisionDeadlineResponse {
  @InstantOut('到期时间（中止时为中止前的到期时间）') dueAt: string;
  @DateOut('最后一日', { nullable: true }) lastDay: string | null;
  @BoolOut('到期时间是否确定（否：估算）') complete: boolean;
  @IntListOut('未公布节假日安排的年度', { optional: true }) missingYears?: number[];
  @BoolOut('已延长') extended: boolean;
  @BoolOut('已申请延长') extensionRequested: boolean;
  @EnumOut('状态', ['running', 'paused', 'overdue', 'met']) state: DecisionDeadlineView['state'];
}

export const mapDecisionDeadline = (d: DecisionDeadlineView): DecisionDeadlineResponse => ({
  dueAt: d.dueAt, lastDay: d.lastDay, complete: d.complete, missingYears: d.missingYears && [...d.missingYears], extended: d.extended,
  extensionRequested: d.extensionRequested, state: d.state,
});

export class WaivedResponse {
  @BoolOut('已放弃陈述、申辩') statement: boolean;
  @BoolOut('已放弃听证') hearing: boolean;
}

export class HearingStateResponse {
  @InstantOut('听证通知送达时间') notifiedAt: string;
  @InstantOut('听证时间') at: string;
  @TextOut('听证地点') place: string;
  @InstantOut('听证举行时间', { nullable: true }) heldAt: string | null;
  @BoolOut('听证报告已提交') reported: boolean;
}

/** The pre-decision notice (事先告知) and what the party did with it. */
export class NoticeResponse {
  @InstantOut('送达时间（未送达为 null）', { nullable: true }) servedAt: string | null;
  @UuidOut('送达中的送达', { optional: true, nullable: true }) serviceId?: string | null;
  @TextListOut('告知的权利') rights: string[];
  @InstantOut('陈述、申辩的期限', { nullable: true }) statementDueAt: string | null;
  @InstantOut('申请听证的期限', { nullable: true }) hearingRequestDueAt: string | null;
  @NestedOut('放弃的权利', () => WaivedResponse) waived: WaivedResponse;
  @BoolOut('已申请听证') hearingRequested: boolean;
  @NestedOut('听证', () => HearingStateResponse, { nullable: true }) hearing: HearingStateResponse | null;
  @IntOut('待复核的陈述、申辩') statementsPending: number;
  @BoolOut('已作出决定') decided: boolean;
  @NestedOut('期限（statement、hearing_request）', () => DueTimesResponse, { optional: true }) deadlines?: DueTimesResponse;
}

export function mapNotice(n: NoticeView): NoticeResponse {
  const h = n.hearing;
  return {
    servedAt: n.servedAt, serviceId: n.serviceId, rights: [...n.rights], statementDueAt: n.statementDueAt, hearingRequestDueAt: n.hearingRequestDueAt,
    waived: { statement: n.waived.statement, hearing: n.waived.hearing }, hearingRequested: n.hearingRequested,
    hearing: h && { notifiedAt: h.notifiedAt, at: h.at, place: h.place, heldAt: h.heldAt, reported: h.reported },
    statementsPending: n.statementsPending, decided: n.decided, deadlines: n.deadlines && mapDueTimes(n.deadlines),
  };
}
