import type { ExecutionView, RemedyView } from '#libs/messages/execution';
import { Bool, Day, Instant, Int, Nested, OneOf, Text, Uuid } from '../common/responses';
import { DueTimesResponse, mapDueTimes } from '../common/stage-responses';

const STATES = ['performing', 'paid', 'overdue', 'applied_to_court', 'ended'] as const;
const REMEDY_OUTCOMES = ['upheld', 'revoked', 'modified', 'withdrawn'] as const;

export class PaymentStateResponse {
  @Instant({ description: '缴纳罚款的期限' }) dueAt: string;
  @Day({ description: '缴纳期限的最后一日' }) lastDay: string;
  @Instant({ nullable: true, description: '缴纳时间' }) paidAt: string | null;
  @Int({ nullable: true, description: '缴纳金额（分）' }) amountFen: number | null;
  @Text({ nullable: true, description: '缴款票据号' }) receipt: string | null;
}

export class SurchargeResponse {
  @Int({ description: '加处罚款的天数' }) days: number;
  @Int({ description: '加处罚款金额（分）' }) amountFen: number;
  @Bool({ description: '已达罚款数额（不得超出）' }) capped: boolean;
  @Instant({ description: '计算时间' }) on: string;
}

export class RemedyResponse {
  @Instant({ description: '可以申请或起诉的最后时间' }) endsAt: string;
  @Instant({ nullable: true, description: '申请或起诉时间' }) filedAt: string | null;
  @Instant({ nullable: true, description: '结束时间' }) endedAt: string | null;
  @OneOf(REMEDY_OUTCOMES, { nullable: true, description: '结果' }) outcome: RemedyView['outcome'];
}

export class RemediesResponse {
  @Nested(() => RemedyResponse, { description: '行政复议' }) review: RemedyResponse;
  @Nested(() => RemedyResponse, { description: '行政诉讼' }) lawsuit: RemedyResponse;
}

export class DemandNoticeStateResponse {
  @Text({ description: '催告书内容' }) content: string;
  @Instant({ description: '制作时间' }) draftedAt: string;
  @Bool({ description: '负责人已批准' }) approved: boolean;
  @Uuid({ nullable: true, description: '送达' }) serviceId: string | null;
  @Instant({ nullable: true, description: '送达时间' }) servedAt: string | null;
  @Int({ description: '待复核的陈述、申辩' }) statementsPending: number;
}

export class CourtResultResponse {
  @OneOf(['enforce', 'reject'], { description: '裁定' }) ruling: 'enforce' | 'reject';
  @Text({ description: '裁定及执行结果' }) content: string;
  @Instant({ description: '时间' }) at: string;
}

export class CourtStateResponse {
  @Instant({ nullable: true, description: '可以申请人民法院强制执行的最早时间' }) earliest: string | null;
  @Instant({ description: '申请人民法院强制执行的最后时间' }) latest: string;
  @Instant({ nullable: true, description: '申请时间' }) appliedAt: string | null;
  @Text({ nullable: true, description: '受理法院' }) court: string | null;
  @Nested(() => CourtResultResponse, { nullable: true, description: '裁定及执行结果' }) result: CourtResultResponse | null;
}

export class CompulsoryResultResponse {
  @Text({ description: '强制执行实施情况' }) content: string;
  @Instant({ description: '实施完毕时间' }) at: string;
}

export class CompulsoryStateResponse {
  @Instant({ description: '决定时间' }) decidedAt: string;
  @Instant({ description: '实施时间' }) scheduledAt: string;
  @Text({ description: '强制执行方式' }) measure: string;
  @Text({ nullable: true, description: '情况紧急的理由' }) urgentReason: string | null;
  @Nested(() => CompulsoryResultResponse, { nullable: true, description: '实施结果' }) result: CompulsoryResultResponse | null;
}

export class ReinspectionResponse {
  @Instant({ description: '复查时间' }) at: string;
  @Bool({ description: '已改正' }) corrected: boolean;
  @Text({ description: '复查记录' }) record: string;
}

export class CorrectionStateResponse {
  @Text({ description: '责令改正的内容' }) content: string;
  @Day({ description: '改正期限' }) deadline: string;
  @Nested(() => ReinspectionResponse, { nullable: true, description: '复查' }) reinspection: ReinspectionResponse | null;
}

/** Execution of a served decision: payment, surcharge, remedy periods, 催告, the court or compulsory execution. */
export class ExecutionResponse {
  @Uuid({ description: '案件' }) caseId: string;
  @OneOf(STATES, { description: '状态' }) state: ExecutionView['state'];
  @Int({ nullable: true, description: '罚款（分）；无罚款为 null' }) fineFen: number | null;
  @Nested(() => PaymentStateResponse, { description: '缴纳罚款' }) payment: PaymentStateResponse;
  @Nested(() => SurchargeResponse, { description: '加处罚款（计算时间或缴纳时）' }) surcharge: SurchargeResponse;
  @Nested(() => RemediesResponse, { description: '行政复议、行政诉讼的期限' }) remedies: RemediesResponse;
  @Instant({ description: '两种救济期限均届满且无未决救济的时间' }) remediesEndedAt: string;
  @Nested(() => DemandNoticeStateResponse, { nullable: true, description: '催告书' }) demandNotice: DemandNoticeStateResponse | null;
  @Nested(() => CourtStateResponse, { description: '申请人民法院强制执行' }) court: CourtStateResponse;
  @Nested(() => CompulsoryStateResponse, { nullable: true, description: '强制执行决定（行政强制法第三十七条）' })
  compulsory: CompulsoryStateResponse | null;
  @Nested(() => CorrectionStateResponse, { nullable: true, description: '责令改正及复查' }) correction: CorrectionStateResponse | null;
  @Instant({ nullable: true, description: '执行终结时间' }) endedAt: string | null;
  @Nested(() => DueTimesResponse, { optional: true, description: '期限（payment、review、lawsuit、court_window、court_earliest）' })
  deadlines?: DueTimesResponse;
}

const mapRemedy = (r: RemedyView): RemedyResponse => ({ endsAt: r.endsAt, filedAt: r.filedAt, endedAt: r.endedAt, outcome: r.outcome });

export function mapExecution(v: ExecutionView): ExecutionResponse {
  const { payment: p, surcharge: s, demandNotice: d, court: c, compulsory: k, correction: r } = v;
  return {
    caseId: v.caseId,
    state: v.state,
    fineFen: v.fineFen,
    payment: { dueAt: p.dueAt, lastDay: p.lastDay, paidAt: p.paidAt, amountFen: p.amountFen, receipt: p.receipt },
    surcharge: { days: s.days, amountFen: s.amountFen, capped: s.capped, on: s.on },
    remedies: { review: mapRemedy(v.remedies.review), lawsuit: mapRemedy(v.remedies.lawsuit) },
    remediesEndedAt: v.remediesEndedAt,
    demandNotice: d && {
      content: d.content,
      draftedAt: d.draftedAt,
      approved: d.approved,
      serviceId: d.serviceId,
      servedAt: d.servedAt,
      statementsPending: d.statementsPending,
    },
    court: {
      earliest: c.earliest,
      latest: c.latest,
      appliedAt: c.appliedAt,
      court: c.court,
      result: c.result && { ruling: c.result.ruling, content: c.result.content, at: c.result.at },
    },
    compulsory: k && {
      decidedAt: k.decidedAt,
      scheduledAt: k.scheduledAt,
      measure: k.measure,
      urgentReason: k.urgentReason,
      result: k.result && { content: k.result.content, at: k.result.at },
    },
    correction: r && {
      content: r.content,
      deadline: r.deadline,
      reinspection: r.reinspection && { at: r.reinspection.at, corrected: r.reinspection.corrected, record: r.reinspection.record },
    },
    endedAt: v.endedAt,
    deadlines: v.deadlines && mapDueTimes(v.deadlines),
  };
}
