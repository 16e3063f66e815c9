import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Client } from '@temporalio/client';
import { Repository } from 'typeorm';
import { Actor } from '#libs/domain/roles';
import { completeTaskUpdate } from '#libs/messages/tasks';
import { workflowIdForDecision } from '#libs/messages/decision';
import { ReviewView, recordCollectiveDiscussionUpdate, recordExpertReviewUpdate, reviewQuery } from '#libs/messages/review';
import { TaskEntity } from '#libs/persistence/entities/task.entity';
import { CaseRefs } from '../cases/case-refs';
import { ApiException } from '../common/api.exception';
import { derivedUuid } from '../common/idempotency';
import { notInFuture } from '../common/times';
import { DecisionService } from './decision.service';
import { CollectiveDiscussionDto, DraftDecisionDto, ExpertReviewDto } from './review.dto';

/** The review chain of a case: the draft, expert review, collective discussion, and its state. */
@Injectable()
export class ReviewService {
  constructor(
    private readonly decision: DecisionService,
    private readonly temporal: Client,
    private readonly refs: CaseRefs,
    @InjectRepository(TaskEntity) private readonly tasks: Repository<TaskEntity>,
  ) {}

  /**
   * Completes the open drafting task with the draft. The evidence must be this case's records; the
   * workflow checks the rest (the assignee, the discretion benchmark where the profile wants it).
   */
  async draft(actor: Actor, caseId: string, dto: DraftDecisionDto): Promise<ReviewView> {
    await this.decision.ensureStarted(actor, caseId);
    const task = await this.tasks.findOneBy({ caseId, kind: 'draft_decision', status: 'open' });
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
    return handle.query(reviewQuery);
  }

  async view(actor: Actor, caseId: string): Promise<ReviewView> {
    await this.decision.ensureStarted(actor, caseId);
    return this.temporal.workflow.getHandle(workflowIdForDecision(caseId)).query(reviewQuery);
  }

  async collectiveDiscussion(actor: Actor, caseId: string, dto: CollectiveDiscussionDto): Promise<ReviewView> {
    notInFuture(dto, 'heldAt');
    await this.decision.ensureStarted(actor, caseId);
    return this.temporal.workflow.getHandle(workflowIdForDecision(caseId)).executeUpdate(recordCollectiveDiscussionUpdate, {
      args: [{ ...dto, by: actor }],
      updateId: derivedUuid(actor.id, 'collective-discussion', caseId, JSON.stringify(dto)),
    });
  }

  async expertReview(actor: Actor, caseId: string, dto: ExpertReviewDto): Promise<ReviewView> {
    notInFuture(dto, 'heldAt');
    await this.decision.ensureStarted(actor, caseId);
    return this.temporal.workflow.getHandle(workflowIdForDecision(caseId)).executeUpdate(recordExpertReviewUpdate, {
      args: [{ ...dto, by: actor }],
      updateId: derivedUuid(actor.id, 'expert-review', caseId, JSON.stringify(dto)),
    });
  }
}
