import { Body, Controller, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiHeader, ApiTags } from '@nestjs/swagger';
import { Actor } from '#libs/domain/roles';
import { Act, CurrentActor } from '../auth/auth.decorators';
import { CaseResponse } from '../cases/cases.response';
import { idempotencyKey, IdempotencyKeyHeader } from '../common/idempotency';
import { SummaryCaseDto } from './summary.dto';
import { SummaryService } from './summary.service';

@ApiTags('summary 简易程序')
@ApiBearerAuth()
@Controller('v1/summary-cases')
export class SummaryController {
  constructor(private readonly summary: SummaryService) {}

  /** An on-the-spot decision: checked against the profile, recorded, filing and hand-in tasks opened. */
  @Post()
  @Act('summary.decide')
  @ApiCreatedResponse({ type: CaseResponse, description: '登记的案件（与 GET /cases/{id} 相同）' })
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: '重复提交时使用同一值，不会重复登记' })
  start(@CurrentActor() actor: Actor, @Body() dto: SummaryCaseDto, @IdempotencyKeyHeader() key?: string) {
    return this.summary.start(actor, dto, idempotencyKey(key));
  }
}
