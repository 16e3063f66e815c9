import { Body, Controller, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiHeader, ApiTags } from '@nestjs/swagger';
import { Actor } from '#libs/domain/roles';
import { Act, CurrentActor } from '../auth/auth.decorators';
import { CaseResponse } from '../cases/cases.response';
import { idempotencyKey, IdempotencyKeyHeader } from '../common/idempotency';
import { StartCaseDto } from './initiation.dto';
import { InitiationService } from './initiation.service';

@ApiTags('initiation 程序启动')
@ApiBearerAuth()
@Controller('v1/cases')
export class InitiationController {
  constructor(private readonly initiation: InitiationService) {}

  @Post()
  @Act('case.start')
  @ApiCreatedResponse({ type: CaseResponse, description: '启动的案件（与 GET /cases/{id} 相同）' })
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: '重复提交时使用同一值，不会重复立案' })
  start(@CurrentActor() actor: Actor, @Body() dto: StartCaseDto, @IdempotencyKeyHeader() key?: string) {
    return this.initiation.start(actor, dto, idempotencyKey(key));
  }
}
