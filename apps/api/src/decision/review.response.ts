import { PENALTY_KINDS, PenaltyKind, REVIEW_FINDINGS, ReviewFinding } from '#libs/domain/review';
import type { Gate } from '#libs/domain/review';
import type { CollectiveDiscussion, ExpertReview, ReviewStatus, ReviewView } from '#libs/messages/review';
import { ActorResponse, mapActor } from '../common/responses';
import {
  BoolOut, EnumListOut, EnumOut, InstantOut, IntOut, NestedListOut, NestedOut, TextListOut, TextOut,
} from '../common/response-fields';

const STATUSES: readonly ReviewStatus[] = ['drafting', 'unit_review', 'legal_review', 'awaiting_approval', 'approved'];
const EXPERT_FORMS = ['report', 'written_record', 'minutes', 'expert_opinion'] as const;

export class PenaltyResponse {
  @EnumOut('处罚种类', PENALTY_KINDS) kind: PenaltyKind;
  @IntOut('金额（元）', { optional: true }) amountYuan?: number;
  @TextOut('处罚内容说明', { optional: true }) description?: string;
}

export class DiscretionResponse {
  @TextOut('适用的裁量基准') benchmark: string;
  @TextOut('裁量基准适用情况') application: string;
}

/** 承办人处理意见, one version of it. */
export class DraftResponse {
  @TextOut('违法事实') facts: string;
  @TextListOut('证据') evidenceIds: string[];
  @TextOut('法律依据') legalBasis: string;
  @NestedListOut('拟处罚内容', () => PenaltyResponse) penalties: PenaltyResponse[];
  @TextOut('承办人意见和理由') opinion: string;
  @TextOut('应考虑的有关因素') factors: string;
  @NestedOut('行政裁量权基准适用情况', () => DiscretionResponse, { optional: true }) discretion?: DiscretionResponse;
  @EnumListOut('案件情形', REVIEW_FINDINGS, { optional: true }) findings?: ReviewFinding[];
  @IntOut('版本') version: number;
  @NestedOut('提交人', () => ActorResponse) by: ActorResponse;
  @InstantOut('提交时间') submittedAt: string;
}

export class LegalReviewGateResponse {
  @BoolOut('须经法制审核') required: boolean;
  @TextListOut('理由') reasons: string[];
  @IntOut('通过审核的版本', { nullable: true }) passedVersion: number | null;
}

export class CollectiveDiscussionRecordResponse {
  @InstantOut('讨论时间') heldAt: string;
  @TextListOut('参加人员') participants: string[];
  @TextOut('讨论记录或会议纪要') minutes: string;
  @TextOut('讨论结论') conclusion: string;
  @IntOut('讨论的处理意见版本') draftVersion: number;
  @NestedOut('记录人', () => ActorResponse) by: ActorResponse;
}

export class CollectiveDiscussionGateResponse {
  @BoolOut('须经集体讨论') required: boolean;
  @TextListOut('理由') reasons: string[];
  @NestedOut('讨论记录', () => CollectiveDiscussionRecordResponse, { nullable: true }) recorded: CollectiveDiscussionRecordResponse | null;
}

export class ExpertReviewResponse {
  @InstantOut('论证时间') heldAt: string;
  @TextListOut('专家') experts: string[];
  @EnumOut('记录形式', EXPERT_FORMS) form: ExpertReview['form'];
  @TextOut('论证情况') content: string;
  @NestedOut('记录人', () => ActorResponse) by: ActorResponse;
}

export class ApprovalResponse {
  @NestedOut('批准人', () => ActorResponse) by: ActorResponse;
  @InstantOut('批准时间') at: string;
  @TextOut('签名', { nullable: true }) signature: string | null;
  @InstantOut('签名时间', { nullable: true }) signedAt: string | null;
  @TextOut('代为签批所代表的负责人', { nullable: true }) onBehalfOf: string | null;
}

/** Where the draft is in the chain, the gates (法制审核, 集体讨论) the case must pass and why. */
export class ReviewResponse {
  @EnumOut('审查环节', STATUSES) status: ReviewStatus;
  @NestedOut('当前处理意见', () => DraftResponse, { nullable: true }) draft: DraftResponse | null;
  @EnumListOut('审查中认定的案件情形（各版本累计）', REVIEW_FINDINGS) findings: ReviewFinding[];
  @NestedOut('法制审核', () => LegalReviewGateResponse) legalReview: LegalReviewGateResponse;
  @NestedOut('集体讨论', () => CollectiveDiscussionGateResponse) collectiveDiscussion: CollectiveDiscussionGateResponse;
  @NestedListOut('专家论证', () => ExpertReviewResponse) expertReviews: ExpertReviewResponse[];
  @NestedOut('负责人批准', () => ApprovalResponse, { nullable: true }) approval: ApprovalResponse | null;
}

const gate = (g: Gate) => ({ required: g.required, reasons: [...g.reasons] });

const mapDiscussion = (d: CollectiveDiscussion): CollectiveDiscussionRecordResponse => ({
  heldAt: d.heldAt, participants: [...d.participants], minutes: d.minutes, conclusion: d.conclusion, draftVersion: d.draftVersion, by: mapActor(d.by),
});

export function mapReview(v: ReviewView): ReviewResponse {
  const d = v.draft;
  const a = v.approval;
  return {
    status: v.status,
    draft: d && {
      facts: d.facts, evidenceIds: [...d.evidenceIds], legalBasis: d.legalBasis,
      penalties: d.penalties.map((p) => ({ kind: p.kind, amountYuan: p.amountYuan, description: p.description })),
      opinion: d.opinion, factors: d.factors, discretion: d.discretion && { benchmark: d.discretion.benchmark, application: d.discretion.application },
      findings: d.findings && [...d.findings], version: d.version, by: mapActor(d.by), submittedAt: d.submittedAt,
    },
    findings: [...v.findings],
    legalReview: { ...gate(v.legalReview), passedVersion: v.legalReview.passedVersion },
    collectiveDiscussion: { ...gate(v.collectiveDiscussion), recorded: v.collectiveDiscussion.recorded && mapDiscussion(v.collectiveDiscussion.recorded) },
    expertReviews: v.expertReviews.map((e) => ({ heldAt: e.heldAt, experts: [...e.experts], form: e.form, content: e.content, by: mapActor(e.by) })),
    approval: a && { by: mapActor(a.by), at: a.at, signature: a.signature, signedAt: a.signedAt, onBehalfOf: a.onBehalfOf },
  };
}
