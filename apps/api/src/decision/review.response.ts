import { PENALTY_KINDS, PenaltyKind, REVIEW_FINDINGS, ReviewFinding } from '#libs/domain/review';
import type { Gate } from '#libs/domain/review';
import type { CollectiveDiscussion, ExpertReview, ReviewStatus, ReviewView } from '#libs/messages/review';
import { ActorResponse, mapActor } from '../common/stage-responses';
import { Bool, Instant, Int, Nested, NestedList, OneOf, OneOfList, Text, Texts } from '../common/responses';

const STATUSES: readonly ReviewStatus[] = ['drafting', 'unit_review', 'legal_review', 'awaiting_approval', 'approved'];
const EXPERT_FORMS = ['report', 'written_record', 'minutes', 'expert_opinion'] as const;

export class PenaltyResponse {
  @OneOf(PENALTY_KINDS, { description: '处罚种类' }) kind: PenaltyKind;
  @Int({ optional: true, description: '金额（元）' }) amountYuan?: number;
  @Text({ optional: true, description: '处罚内容说明' }) description?: string;
}

export class DiscretionResponse {
  @Text({ description: '适用的裁量基准' }) benchmark: string;
  @Text({ description: '裁量基准适用情况' }) application: string;
}

/** 承办人处理意见, one version of it. */
export class DraftResponse {
  @Text({ description: '违法事实' }) facts: string;
  @Texts({ description: '证据' }) evidenceIds: string[];
  @Text({ description: '法律依据' }) legalBasis: string;
  @NestedList(() => PenaltyResponse, { description: '拟处罚内容' }) penalties: PenaltyResponse[];
  @Text({ description: '承办人意见和理由' }) opinion: string;
  @Text({ description: '应考虑的有关因素' }) factors: string;
  @Nested(() => DiscretionResponse, { optional: true, description: '行政裁量权基准适用情况' }) discretion?: DiscretionResponse;
  @OneOfList(REVIEW_FINDINGS, { optional: true, description: '案件情形' }) findings?: ReviewFinding[];
  @Int({ description: '版本' }) version: number;
  @Nested(() => ActorResponse, { description: '提交人' }) by: ActorResponse;
  @Instant({ description: '提交时间' }) submittedAt: string;
}

export class LegalReviewGateResponse {
  @Bool({ description: '须经法制审核' }) required: boolean;
  @Texts({ description: '理由' }) reasons: string[];
  @Int({ nullable: true, description: '通过审核的版本' }) passedVersion: number | null;
}

export class CollectiveDiscussionRecordResponse {
  @Instant({ description: '讨论时间' }) heldAt: string;
  @Text({ nullable: true, description: '主持人（未记录的为 null）' }) chair: string | null;
  @Texts({ description: '参加人员' }) participants: string[];
  @Text({ description: '讨论记录或会议纪要' }) minutes: string;
  @Text({ description: '讨论结论' }) conclusion: string;
  @Int({ description: '讨论的处理意见版本' }) draftVersion: number;
  @Nested(() => ActorResponse, { description: '记录人' }) by: ActorResponse;
}

export class CollectiveDiscussionGateResponse {
  @Bool({ description: '须经集体讨论' }) required: boolean;
  @Texts({ description: '理由' }) reasons: string[];
  @Nested(() => CollectiveDiscussionRecordResponse, { nullable: true, description: '讨论记录' })
  recorded: CollectiveDiscussionRecordResponse | null;
}

export class ExpertReviewResponse {
  @Instant({ description: '论证时间' }) heldAt: string;
  @Texts({ description: '专家' }) experts: string[];
  @OneOf(EXPERT_FORMS, { description: '记录形式' }) form: ExpertReview['form'];
  @Text({ description: '论证情况' }) content: string;
  @Nested(() => ActorResponse, { description: '记录人' }) by: ActorResponse;
}

export class ApprovalResponse {
  @Nested(() => ActorResponse, { description: '批准人' }) by: ActorResponse;
  @Instant({ description: '批准时间' }) at: string;
  @Text({ nullable: true, description: '签名' }) signature: string | null;
  @Instant({ nullable: true, description: '签名时间' }) signedAt: string | null;
  @Text({ nullable: true, description: '代为签批所代表的负责人' }) onBehalfOf: string | null;
}

/** Where the draft is in the chain, the gates (法制审核, 集体讨论) the case must pass and why. */
export class ReviewResponse {
  @OneOf(STATUSES, { description: '审查环节' }) status: ReviewStatus;
  @Nested(() => DraftResponse, { nullable: true, description: '当前处理意见' }) draft: DraftResponse | null;
  @OneOfList(REVIEW_FINDINGS, { description: '审查中认定的案件情形（各版本累计）' }) findings: ReviewFinding[];
  @Nested(() => LegalReviewGateResponse, { description: '法制审核' }) legalReview: LegalReviewGateResponse;
  @Nested(() => CollectiveDiscussionGateResponse, { description: '集体讨论' }) collectiveDiscussion: CollectiveDiscussionGateResponse;
  @NestedList(() => ExpertReviewResponse, { description: '专家论证' }) expertReviews: ExpertReviewResponse[];
  @Nested(() => ApprovalResponse, { nullable: true, description: '负责人批准' }) approval: ApprovalResponse | null;
}

const gate = (g: Gate) => ({ required: g.required, reasons: [...g.reasons] });

const mapDiscussion = (d: CollectiveDiscussion): CollectiveDiscussionRecordResponse => ({
  heldAt: d.heldAt,
  chair: d.chair ?? null,
  participants: [...d.participants],
  minutes: d.minutes,
  conclusion: d.conclusion,
  draftVersion: d.draftVersion,
  by: mapActor(d.by),
});

export function mapReview(v: ReviewView): ReviewResponse {
  const d = v.draft;
  const a = v.approval;
  return {
    status: v.status,
    draft: d && {
      facts: d.facts,
      evidenceIds: [...d.evidenceIds],
      legalBasis: d.legalBasis,
      penalties: d.penalties.map((p) => ({ kind: p.kind, amountYuan: p.amountYuan, description: p.description })),
      opinion: d.opinion,
      factors: d.factors,
      discretion: d.discretion && { benchmark: d.discretion.benchmark, application: d.discretion.application },
      findings: d.findings && [...d.findings],
      version: d.version,
      by: mapActor(d.by),
      submittedAt: d.submittedAt,
    },
    findings: [...v.findings],
    legalReview: { ...gate(v.legalReview), passedVersion: v.legalReview.passedVersion },
    collectiveDiscussion: {
      ...gate(v.collectiveDiscussion),
      recorded: v.collectiveDiscussion.recorded && mapDiscussion(v.collectiveDiscussion.recorded),
    },
    expertReviews: v.expertReviews.map((e) => ({
      heldAt: e.heldAt,
      experts: [...e.experts],
      form: e.form,
      content: e.content,
      by: mapActor(e.by),
    })),
    approval: a && { by: mapActor(a.by), at: a.at, signature: a.signature, signedAt: a.signedAt, onBehalfOf: a.onBehalfOf },
  };
}
