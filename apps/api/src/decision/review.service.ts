import { Injectable } from '@nestjs/common';
import { Client } from '@temporalio/client';
import { Actor } from '#libs/domain/roles';
import { completeTaskUpdate } from '#libs/messages/initiation';
import { workflowIdForDecision } from '#libs/messages/decision';
import { recordCollectiveDiscussionUpdate, recordExpertReviewUpdate, reviewQuery } from '#libs/messages/review';
import { CaseRefs } from '../cases/case-refs';
import { ApiException } from '../common/api.exception';
import { derivedUuid } from '../common/idempotency';
import { notInFuture } from '../common/times';
import { DecisionService } from './decision.service';
import { DecisionRepository } from './decision.repository';
import { CollectiveDiscussionDto, DraftDecisionDto, ExpertReviewDto } from './review.dto';
import { ReviewResponse, mapReview } from './review.response';

/** The review chain of a case: the draft, expert review, collective discussion, and its state. */
@Injectable()
export class ReviewService {
  constructor(
    private readonly decision: DecisionService,
    private readonly temporal: Client,
    private readonly refs: CaseRefs,
    private readonly decisions: DecisionRepository,
  ) {}

  /**
   * Completes the open drafting task with the draft. The evidence must be this case's records; the
   * workflow checks the rest (the assignee, the discretion benchmark where the profile wants it).
   */
  async draft(actor: Actor, caseId: string, dto: DraftDecisionDto): Promise<ReviewResponse> {
    await this.decision.ensureStarted(actor, caseId);
    const task = await this.decisions.openTask(caseId, 'draft_decision');
    if (!task) throw new ApiException('DRAFT_NOT_OPEN');
    const unknown = await this.refs.unknownRecords(caseId, [
      { field: 'evidenceIds', ids: dto.evidenceIds, code: 'EVIDENCE_NOT_IN_CASE', message: '该证据不属于本案' },
    ]);
    if (unknown.length) throw new ApiException('RECORD_INVALID', unknown);
    const handle = this.temporal.workflow.getHandle(workflowIdForDecision(caseId));
    await handle.executeUpdate(completeTaskUpdate, {
      args: [{ taskId: task.id, by: actor, decision: 'submit', opinion: dto.opinion, draft: { ...dto } }],
      updateId: derivedUuid(actor.id, task.id, JSON.stringify(dto)),
    });
    return mapReview(await handle.query(reviewQuery));
  }

  async view(actor: Actor, caseId: string): Promise<ReviewResponse> {
    await this.decision.ensureStarted(actor, caseId);
    return mapReview(await this.temporal.workflow.getHandle(workflowIdForDecision(caseId)).query(reviewQuery));
  }

  async collectiveDiscussion(actor: Actor, caseId: string, dto: CollectiveDiscussionDto): Promise<ReviewResponse> {
    notInFuture(dto, 'heldAt');
    await this.decision.ensureStarted(actor, caseId);
    const view = await this.temporal.workflow.getHandle(workflowIdForDecision(caseId)).executeUpdate(recordCollectiveDiscussionUpdate, {
      args: [{ ...dto, by: actor }],
      updateId: derivedUuid(actor.id, 'collective-discussion', caseId, JSON.stringify(dto)),
    });
    return mapReview(view);
  }

  async expertReview(actor: Actor, caseId: string, dto: ExpertReviewDto): Promise<ReviewResponse> {
    notInFuture(dto, 'heldAt');
    await this.decision.ensureStarted(actor, caseId);
    const view = await this.temporal.workflow.getHandle(workflowIdForDecision(caseId)).executeUpdate(recordExpertReviewUpdate, {
      args: [{ ...dto, by: actor }],
      updateId: derivedUuid(actor.id, 'expert-review', caseId, JSON.stringify(dto)),
    });
    return mapReview(view);
  }
}
