import { Injectable } from '@nestjs/common';
import { Actor } from '#libs/domain/roles';
import { recordCollectiveDiscussionUpdate, recordExpertReviewUpdate, reviewQuery } from '#libs/messages/review';
import { CaseRefs } from '../cases/case-refs';
import { ApiException } from '../common/api.exception';
import { derivedUuid } from '../common/idempotency';
import { notInFuture } from '../common/times';
import { CaseWorkflowsClient } from '../temporal/case-workflows.client';
import { DecisionService } from './decision.service';
import { CollectiveDiscussionDto, DraftDecisionDto, ExpertReviewDto } from './review.dto';
import { ReviewResponse, mapReview } from './review.response';

/** The review chain of a case: the draft, expert review, collective discussion, and its state. */
@Injectable()
export class ReviewService {
  constructor(
    private readonly decision: DecisionService,
    private readonly workflows: CaseWorkflowsClient,
    private readonly refs: CaseRefs,
  ) {}

  /**
   * Completes the open drafting task with the draft. The evidence must be this case's records; the
   * workflow checks the rest (the assignee, the discretion benchmark where the profile wants it).
   */
  async draft(actor: Actor, caseId: string, dto: DraftDecisionDto): Promise<ReviewResponse> {
    await this.decision.ensureStarted(actor, caseId);
    const task = await this.workflows.openTask(caseId, 'draft_decision');
    if (!task) throw new ApiException('DRAFT_NOT_OPEN');
    const unknown = await this.refs.unknownRecords(caseId, [
      { field: 'evidenceIds', ids: dto.evidenceIds, code: 'EVIDENCE_NOT_IN_CASE', message: '该证据不属于本案' },
    ]);
    if (unknown.length) throw new ApiException('RECORD_INVALID', unknown);
    await this.workflows.completeTask(task, actor, { decision: 'submit', opinion: dto.opinion, draft: { ...dto } }, JSON.stringify(dto));
    return mapReview(await this.workflows.read({ kind: 'decision', caseId }, reviewQuery));
  }

  async view(actor: Actor, caseId: string): Promise<ReviewResponse> {
    await this.decision.ensureStarted(actor, caseId);
    return mapReview(await this.workflows.read({ kind: 'decision', caseId }, reviewQuery));
  }

  async collectiveDiscussion(actor: Actor, caseId: string, dto: CollectiveDiscussionDto): Promise<ReviewResponse> {
    notInFuture(dto, 'heldAt');
    await this.decision.ensureStarted(actor, caseId);
    const updateId = derivedUuid(actor.id, 'collective-discussion', caseId, JSON.stringify(dto));
    return mapReview(
      await this.workflows.update({ kind: 'decision', caseId }, recordCollectiveDiscussionUpdate, { ...dto, by: actor }, updateId),
    );
  }

  async expertReview(actor: Actor, caseId: string, dto: ExpertReviewDto): Promise<ReviewResponse> {
    notInFuture(dto, 'heldAt');
    await this.decision.ensureStarted(actor, caseId);
    const updateId = derivedUuid(actor.id, 'expert-review', caseId, JSON.stringify(dto));
    return mapReview(await this.workflows.update({ kind: 'decision', caseId }, recordExpertReviewUpdate, { ...dto, by: actor }, updateId));
  }
}
