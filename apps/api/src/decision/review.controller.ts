import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Actor } from '#libs/domain/roles';
import { Act, CurrentActor } from '../auth/auth.decorators';
import { caseIdPipe } from '../cases/cases.controller';
import { CollectiveDiscussionDto, DraftDecisionDto, ExpertReviewDto } from './review.dto';
import { ReviewResponse } from './review.response';
import { ReviewService } from './review.service';

@ApiTags('decision 审查决定')
@ApiBearerAuth()
@Controller('v1/cases/:id')
export class ReviewController {
  constructor(private readonly review: ReviewService) {}

  /** Where the draft is in the chain, and which gates (法制审核, 集体讨论) the case must pass and why. */
  @Get('review')
  @ApiOkResponse({ type: ReviewResponse })
  state(@CurrentActor() actor: Actor, @Param('id', caseIdPipe) id: string) {
    return this.review.view(actor, id);
  }

  /** 承办人处理意见: submitted by the handling officer; a returned draft is submitted again. */
  @Post('draft-decision')
  @ApiOkResponse({ type: ReviewResponse })
  @Act('draft.submit')
  @HttpCode(200)
  draft(@CurrentActor() actor: Actor, @Param('id', caseIdPipe) id: string, @Body() dto: DraftDecisionDto) {
    return this.review.draft(actor, id, dto);
  }

  /** 集体讨论 minutes, recorded by the chief or the legal affairs unit that keeps them. */
  @Post('collective-discussions')
  @ApiOkResponse({ type: ReviewResponse })
  @Act('review.collective')
  @HttpCode(200)
  discussion(@CurrentActor() actor: Actor, @Param('id', caseIdPipe) id: string, @Body() dto: CollectiveDiscussionDto) {
    return this.review.collectiveDiscussion(actor, id, dto);
  }

  /** 专家论证 record, where the profile has one. */
  @Post('expert-reviews')
  @ApiOkResponse({ type: ReviewResponse })
  @Act('review.expert')
  @HttpCode(200)
  expert(@CurrentActor() actor: Actor, @Param('id', caseIdPipe) id: string, @Body() dto: ExpertReviewDto) {
    return this.review.expertReview(actor, id, dto);
  }
}
