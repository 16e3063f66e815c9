import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiHeader, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Actor } from '#libs/domain/roles';
import { Act, CurrentActor } from '../auth/auth.decorators';
import { caseIdPipe } from '../cases/cases.controller';
import { idempotencyKey, IdempotencyKeyHeader } from '../common/idempotency';
import { CaseOperationDto } from './case-operations.dto';
import { CaseOperationRequestResponse, CaseOperationsResponse } from './case-operations.response';
import { CaseOperationsService } from './case-operations.service';

@ApiTags('case operations 中止、恢复、终结、移送')
@ApiBearerAuth()
@Controller('v1/cases/:id/operations')
export class CaseOperationsController {
  constructor(private readonly operations: CaseOperationsService) {}

  /** The handling officer or the unit head asks; the chief decides as a task. */
  @Post()
  @Act('case.operation')
  @HttpCode(202)
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: '重复提交时使用同一值，不会重复申请' })
  @ApiAcceptedResponse({ type: CaseOperationRequestResponse })
  request(
    @CurrentActor() actor: Actor,
    @Param('id', caseIdPipe) id: string,
    @Body() dto: CaseOperationDto,
    @IdempotencyKeyHeader() key?: string,
  ) {
    return this.operations.request(actor, id, dto, idempotencyKey(key));
  }

  @Get()
  @ApiOkResponse({ type: CaseOperationsResponse })
  list(@CurrentActor() actor: Actor, @Param('id', caseIdPipe) id: string) {
    return this.operations.list(actor, id);
  }
}
