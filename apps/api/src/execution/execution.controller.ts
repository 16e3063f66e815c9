import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Actor } from '#libs/domain/roles';
import { Act, CurrentActor } from '../auth/auth.decorators';
import { caseIdPipe } from '../cases/cases.controller';
import {
  CompulsoryExecutionDto,
  CompulsoryResultDto,
  CourtApplicationDto,
  CourtResultDto,
  DemandNoticeDto,
  DemandStatementDto,
  ExecutionQueryDto,
  PaymentDto,
  RemedyDto,
} from './execution.dto';
import { ExecutionResponse } from './execution.response';
import { ExecutionService } from './execution.service';

@ApiTags('execution 执行')
@ApiBearerAuth()
@Controller('v1/cases/:id')
export class ExecutionController {
  constructor(private readonly execution: ExecutionService) {}

  /** Payment due, the surcharge at `on` (default now), remedy periods, 催告 and the court window. */
  @Get('execution')
  @ApiOkResponse({ type: ExecutionResponse })
  view(@CurrentActor() actor: Actor, @Param('id', caseIdPipe) id: string, @Query() q: ExecutionQueryDto) {
    return this.execution.view(actor, id, q.on);
  }

  @Post('payments')
  @ApiOkResponse({ type: ExecutionResponse })
  @Act('execution.payment')
  @HttpCode(200)
  payment(@CurrentActor() actor: Actor, @Param('id', caseIdPipe) id: string, @Body() dto: PaymentDto) {
    return this.execution.payment(actor, id, dto);
  }

  /** A review or lawsuit filed or ended (the surcharge pauses while it is pending). */
  @Post('remedies')
  @ApiOkResponse({ type: ExecutionResponse })
  @Act('execution.remedy')
  @HttpCode(200)
  remedy(@CurrentActor() actor: Actor, @Param('id', caseIdPipe) id: string, @Body() dto: RemedyDto) {
    return this.execution.remedy(actor, id, dto);
  }

  /** 催告书 drafted; the chief approves it as a task, then it is served. */
  @Post('demand-notice')
  @ApiOkResponse({ type: ExecutionResponse })
  @Act('execution.demand')
  @HttpCode(200)
  demandNotice(@CurrentActor() actor: Actor, @Param('id', caseIdPipe) id: string, @Body() dto: DemandNoticeDto) {
    return this.execution.demandNotice(actor, id, dto);
  }

  @Post('demand-notice/statements')
  @ApiOkResponse({ type: ExecutionResponse })
  @Act('execution.demandStatement')
  @HttpCode(200)
  demandStatement(@CurrentActor() actor: Actor, @Param('id', caseIdPipe) id: string, @Body() dto: DemandStatementDto) {
    return this.execution.demandStatement(actor, id, dto);
  }

  /** 申请人民法院强制执行: refused outside the window of 行政强制法 53 and 54. */
  @Post('court-application')
  @ApiOkResponse({ type: ExecutionResponse })
  @Act('execution.courtApplication')
  @HttpCode(200)
  courtApplication(@CurrentActor() actor: Actor, @Param('id', caseIdPipe) id: string, @Body() dto: CourtApplicationDto) {
    return this.execution.courtApplication(actor, id, dto);
  }

  @Post('court-result')
  @ApiOkResponse({ type: ExecutionResponse })
  @Act('execution.courtResult')
  @HttpCode(200)
  courtResult(@CurrentActor() actor: Actor, @Param('id', caseIdPipe) id: string, @Body() dto: CourtResultDto) {
    return this.execution.courtResult(actor, id, dto);
  }

  /** 强制执行决定 by the chief, where a law empowers the agency; never at night or on a holiday unless urgent. */
  @Post('compulsory-execution')
  @ApiOkResponse({ type: ExecutionResponse })
  @Act('execution.compulsory')
  @HttpCode(200)
  compulsory(@CurrentActor() actor: Actor, @Param('id', caseIdPipe) id: string, @Body() dto: CompulsoryExecutionDto) {
    return this.execution.compulsory(actor, id, dto);
  }

  @Post('compulsory-execution/result')
  @ApiOkResponse({ type: ExecutionResponse })
  @Act('execution.compulsoryResult')
  @HttpCode(200)
  compulsoryResult(@CurrentActor() actor: Actor, @Param('id', caseIdPipe) id: string, @Body() dto: CompulsoryResultDto) {
    return this.execution.compulsoryResult(actor, id, dto);
  }
}
