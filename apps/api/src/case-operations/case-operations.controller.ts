import { Body, Controller, Get, Headers, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Actor } from '#libs/domain/roles';
import { Act, CurrentActor } from '../auth/auth.decorators';
import { caseIdPipe } from '../cases/cases.controller';
import { idempotencyKey } from '../common/idempotency';
import { CaseOperationDto } from './case-operations.dto';
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
  request(@CurrentActor() actor: Actor, @Param('id', caseIdPipe) id: string, @Body() dto: CaseOperationDto, @Headers('idempotency-key') key?: string) {
    return this.operations.request(actor, id, dto, idempotencyKey(key));
  }

  @Get()
  list(@CurrentActor() actor: Actor, @Param('id', caseIdPipe) id: string) {
    return this.operations.list(actor, id);
  }
}
