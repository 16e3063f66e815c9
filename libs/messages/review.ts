import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { DraftDecision } from '../domain/draft';
import type { Gate, ReviewFinding } from '../domain/review';
import type { Actor } from '../domain/roles';

/** Where the draft is in the chain 承办人 → 审核人 → 法制审核 → 负责人 (002 第三十六条). */
export type ReviewStatus = 'drafting' | 'unit_review' | 'legal_review' | 'awaiting_approval' | 'approved';

export interface ExpertReview {
  heldAt: string;
  experts: string[];
  form: 'report' | 'written_record' | 'minutes' | 'expert_opinion';
  content: string;
  by: Actor;
}

/** 集体讨论: a meeting of the agency's leaders on one version of the draft. */
export interface CollectiveDiscussion {
  heldAt: string;
  /** Who chaired the meeting (主持人); absent where it was not recorded. */
  chair?: string;
  participants: string[];
  minutes: string;
  conclusion: string;
  draftVersion: number;
  by: Actor;
}

export interface ReviewView {
  status: ReviewStatus;
  draft: (DraftDecision & { version: number; by: Actor; submittedAt: string }) | null;
  /** Everything anyone in the chain found, over all versions: they only accumulate. */
  findings: ReviewFinding[];
  legalReview: Gate & { passedVersion: number | null };
  collectiveDiscussion: Gate & { recorded: CollectiveDiscussion | null };
  expertReviews: ExpertReview[];
  approval: { by: Actor; at: string; signature: string | null; signedAt: string | null; onBehalfOf: string | null } | null;
}

export const reviewQuery = defineQuery<ReviewView>('review');
export const recordCollectiveDiscussionUpdate = defineUpdate<ReviewView, [Omit<CollectiveDiscussion, 'draftVersion'>]>(
  'recordCollectiveDiscussion',
);
/** 专家论证 where the profile has it: minutes or opinions recorded, not a gate of its own. */
export const recordExpertReviewUpdate = defineUpdate<ReviewView, [ExpertReview]>('recordExpertReview');
