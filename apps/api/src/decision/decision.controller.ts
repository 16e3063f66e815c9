import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Actor } from '#libs/domain/roles';
import { Act, CurrentActor } from '../auth/auth.decorators';
import { caseIdPipe } from '../cases/cases.controller';
import { PageQuery } from '../common/paging';
import {
  DecisionExtensionDto,
  HearingRecordDto,
  HearingReportDto,
  HearingRequestDto,
  IssueDecisionDto,
  NoticeServedDto,
  ScheduleHearingDto,
  StatementDto,
  WaiverDto,
} from './decision.dto';
import { CaseDeadlinePage, DecisionDeadlineResponse, NoticeResponse } from './decision.response';
import { DecisionService } from './decision.service';

@ApiTags('decision 审查决定')
@ApiBearerAuth()
@Controller('v1/cases/:id')
export class DecisionController {
  constructor(private readonly decision: DecisionService) {}

  /** Case-level deadlines: the decision deadline (行政处罚法 60) with its state. */
  @Get('deadlines')
  @ApiOkResponse({ type: CaseDeadlinePage })
  deadlines(@CurrentActor() actor: Actor, @Param('id', caseIdPipe) id: string, @Query() q: PageQuery) {
    return this.decision.list(actor, id, q);
  }

  /** Opens the chief's task to extend the decision deadline, where the profile allows it. */
  @Post('decision-deadline/extension-request')
  @ApiOkResponse({ type: DecisionDeadlineResponse })
  @Act('decision.extend')
  @HttpCode(200)
  extend(@CurrentActor() actor: Actor, @Param('id', caseIdPipe) id: string, @Body() dto: DecisionExtensionDto) {
    return this.decision.requestExtension(actor, id, dto);
  }

  /** 行政处罚事先告知书 served: the statement and hearing-request windows start. */
  @Post('pre-decision-notice')
  @ApiOkResponse({ type: NoticeResponse })
  @Act('notice.serve')
  @HttpCode(200)
  notice(@CurrentActor() actor: Actor, @Param('id', caseIdPipe) id: string, @Body() dto: NoticeServedDto) {
    return this.decision.noticeServed(actor, id, dto);
  }

  @Get('pre-decision-notice')
  @ApiOkResponse({ type: NoticeResponse })
  noticeState(@CurrentActor() actor: Actor, @Param('id', caseIdPipe) id: string) {
    return this.decision.notice(actor, id);
  }

  @Post('statements')
  @ApiOkResponse({ type: NoticeResponse })
  @Act('notice.statement')
  @HttpCode(200)
  statement(@CurrentActor() actor: Actor, @Param('id', caseIdPipe) id: string, @Body() dto: StatementDto) {
    return this.decision.statement(actor, id, dto);
  }

  @Post('waivers')
  @ApiOkResponse({ type: NoticeResponse })
  @Act('notice.waiver')
  @HttpCode(200)
  waiver(@CurrentActor() actor: Actor, @Param('id', caseIdPipe) id: string, @Body() dto: WaiverDto) {
    return this.decision.waiver(actor, id, dto);
  }

  @Post('hearing-requests')
  @ApiOkResponse({ type: NoticeResponse })
  @Act('hearing.request')
  @HttpCode(200)
  hearing(@CurrentActor() actor: Actor, @Param('id', caseIdPipe) id: string, @Body() dto: HearingRequestDto) {
    return this.decision.hearingRequest(actor, id, dto);
  }

  /** 听证通知: the hearing at least 7 working days after the notice (行政处罚法 64). */
  @Post('hearing')
  @ApiOkResponse({ type: NoticeResponse })
  @Act('hearing.schedule')
  @HttpCode(200)
  scheduleHearing(@CurrentActor() actor: Actor, @Param('id', caseIdPipe) id: string, @Body() dto: ScheduleHearingDto) {
    return this.decision.scheduleHearing(actor, id, dto);
  }

  @Post('hearing/record')
  @ApiOkResponse({ type: NoticeResponse })
  @Act('hearing.record')
  @HttpCode(200)
  recordHearing(@CurrentActor() actor: Actor, @Param('id', caseIdPipe) id: string, @Body() dto: HearingRecordDto) {
    return this.decision.recordHearing(actor, id, dto);
  }

  @Post('hearing/report')
  @ApiOkResponse({ type: NoticeResponse })
  @Act('hearing.report')
  @HttpCode(200)
  hearingReport(@CurrentActor() actor: Actor, @Param('id', caseIdPipe) id: string, @Body() dto: HearingReportDto) {
    return this.decision.hearingReport(actor, id, dto);
  }

  /** The decision document (文号, date, content), once the chief approved the draft; the case moves to service. */
  @Post('decision')
  @ApiOkResponse({ type: NoticeResponse })
  @Act('decision.issue')
  @HttpCode(200)
  issue(@CurrentActor() actor: Actor, @Param('id', caseIdPipe) id: string, @Body() dto: IssueDecisionDto) {
    return this.decision.issue(actor, id, dto);
  }
}
