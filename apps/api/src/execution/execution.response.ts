import type { ExecutionView, RemedyView } from '#libs/messages/execution';
import { DueTimesResponse, mapDueTimes } from '../common/responses';
import { BoolOut, DateOut, EnumOut, InstantOut, IntOut, NestedOut, TextOut, UuidOut } from '../common/response-fields';

const STATES = ['performing', 'paid', 'overdue', 'applied_to_court', 'ended'] as const;
const REMEDY_OUTCOMES = ['upheld', 'revoked', 'modified', 'withdrawn'] as const;

export class PaymentStateResponse {
  @InstantOut('缴纳罚款的期限') dueAt: string;
  @DateOut('缴纳期限的最后一日') lastDay: string;
  @InstantOut('缴纳时间', { nullable: true }) paidAt: string | null;
  @IntOut('缴纳金额（分）', { nullable: true }) amountFen: number | null;
  @TextOut('缴款票据号', { nullable: true }) receipt: string | null;
}

export class SurchargeResponse {
  @IntOut('加处罚款的天数') days: number;
  @IntOut('加处罚款金额（分）') amountFen: number;
  @BoolOut('已达罚款数额（不得超出）') capped: boolean;
  @InstantOut('计算时间') on: string;
}

export class RemedyResponse {
  @InstantOut('可以申请或起诉的最后时间') endsAt: string;
  @InstantOut('申请或起诉时间', { nullable: true }) filedAt: string | null;
  @InstantOut('结束时间', { nullable: true }) endedAt: string | null;
  @EnumOut('结果', REMEDY_OUTCOMES, { nullable: true }) outcome: RemedyView['outcome'];
}

export class RemediesResponse {
  @NestedOut('行政复议', () => RemedyResponse) review: RemedyResponse;
  @NestedOut('行政诉讼', () => RemedyResponse) lawsuit: RemedyResponse;
}

export class DemandNoticeStateResponse {
  @TextOut('催告书内容') content: string;
  @InstantOut('制作时间') draftedAt: string;
  @BoolOut('负责人已批准') approved: boolean;
  @UuidOut('送达', { nullable: true }) serviceId: string | null;
  @InstantOut('送达时间', { nullable: true }) servedAt: string | null;
  @IntOut('待复核的陈述、申辩') statementsPending: number;
}

export class CourtResultResponse {
  @EnumOut('裁定', ['enforce', 'reject']) ruling: 'enforce' | 'reject';
  @TextOut('裁定及执行结果') content: string;
  @InstantOut('时间') at: string;
}

export class CourtStateResponse {
  @InstantOut('可以申请人民法院强制执行的最早时间', { nullable: true }) earliest: string | null;
  @InstantOut('申请人民法院强制执行的最后时间') latest: string;
  @InstantOut('申请时间', { nullable: true }) appliedAt: string | null;
  @TextOut('受理法院', { nullable: true }) court: string | null;
  @NestedOut('裁定及执行结果', () => CourtResultResponse, { nullable: true }) result: CourtResultResponse | null;
}

export class CompulsoryResultResponse {
  @TextOut('强制执行实施情况') content: string;
  @InstantOut('实施完毕时间') at: string;
}

export class CompulsoryStateResponse {
  @InstantOut('决定时间') decidedAt: string;
  @InstantOut('实施时间') scheduledAt: string;
  @TextOut('强制执行方式') measure: string;
  @TextOut('情况紧急的理由', { nullable: true }) urgentReason: string | null;
  @NestedOut('实施结果', () => CompulsoryResultResponse, { nullable: true }) result: CompulsoryResultResponse | null;
}

export class ReinspectionResponse {
  @InstantOut('复查时间') at: string;
  @BoolOut('已改正') corrected: boolean;
  @TextOut('复查记录') record: string;
}

export class CorrectionStateResponse {
  @TextOut('责令改正的内容') content: string;
  @DateOut('改正期限') deadline: string;
  @NestedOut('复查', () => ReinspectionResponse, { nullable: true }) reinspection: ReinspectionResponse | null;
}

/** Execution of a served decision: payment, surcharge, remedy periods, 催告, the court or compulsory execution. */
export class ExecutionResponse {
  @UuidOut('案件') caseId: string;
  @EnumOut('状态', STATES) state: ExecutionView['state'];
  @IntOut('罚款（分）；无罚款为 null', { nullable: true }) fineFen: number | null;
  @NestedOut('缴纳罚款', () => PaymentStateResponse) payment: PaymentStateResponse;
  @NestedOut('加处罚款（计算时间或缴纳时）', () => SurchargeResponse) surcharge: SurchargeResponse;
  @NestedOut('行政复议、行政诉讼的期限', () => RemediesResponse) remedies: RemediesResponse;
  @InstantOut('两种救济期限均届满且无未决救济的时间') remediesEndedAt: string;
  @NestedOut('催告书', () => DemandNoticeStateResponse, { nullable: true }) demandNotice: DemandNoticeStateResponse | null;
  @NestedOut('申请人民法院强制执行', () => CourtStateResponse) court: CourtStateResponse;
  @NestedOut('强制执行决定（行政强制法第三十七条）', () => CompulsoryStateResponse, { nullable: true }) compulsory: CompulsoryStateResponse | null;
  @NestedOut('责令改正及复查', () => CorrectionStateResponse, { nullable: true }) correction: CorrectionStateResponse | null;
  @InstantOut('执行终结时间', { nullable: true }) endedAt: string | null;
  @NestedOut('期限（payment、review、lawsuit、court_window、court_earliest）', () => DueTimesResponse, { optional: true }) deadlines?: DueTimesResponse;
}

const mapRemedy = (r: RemedyView): RemedyResponse => ({ endsAt: r.endsAt, filedAt: r.filedAt, endedAt: r.endedAt, outcome: r.outcome });

export function mapExecution(v: ExecutionView): ExecutionResponse {
  const { payment: p, surcharge: s, demandNotice: d, court: c, compulsory: k, correction: r } = v;
  return {
    caseId: v.caseId, state: v.state, fineFen: v.fineFen,
    payment: { dueAt: p.dueAt, lastDay: p.lastDay, paidAt: p.paidAt, amountFen: p.amountFen, receipt: p.receipt },
    surcharge: { days: s.days, amountFen: s.amountFen, capped: s.capped, on: s.on },
    remedies: { review: mapRemedy(v.remedies.review), lawsuit: mapRemedy(v.remedies.lawsuit) },
    remediesEndedAt: v.remediesEndedAt,
    demandNotice: d && { content: d.content, draftedAt: d.draftedAt, approved: d.approved, serviceId: d.serviceId, servedAt: d.servedAt, statementsPending: d.statementsPending },
    court: {
      earliest: c.earliest, latest: c.latest, appliedAt: c.appliedAt, court: c.court,
      result: c.result && { ruling: c.result.ruling, content: c.result.content, at: c.result.at },
    },
    compulsory: k && {
      decidedAt: k.decidedAt, scheduledAt: k.scheduledAt, measure: k.measure, urgentReason: k.urgentReason,
      result: k.result && { content: k.result.content, at: k.result.at },
    },
    correction: r && {
      content: r.content, deadline: r.deadline,
      reinspection: r.reinspection && { at: r.reinspection.at, corrected: r.reinspection.corrected, record: r.reinspection.record },
    },
    endedAt: v.endedAt,
    deadlines: v.deadlines && mapDueTimes(v.deadlines),
  };
}
