import { Controller, Get, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Actor } from '#libs/domain/roles';
import { CurrentActor } from '../auth/auth.decorators';
import { ApiException } from '../common/api.exception';
import { PageQuery } from '../common/paging';
import { CaseListQuery } from './cases.dto';
import { CasePage, CaseResponse, RecordEntryPage } from './cases.response';
import { CasesService } from './cases.service';

export const caseIdPipe = new ParseUUIDPipe({ exceptionFactory: () => new ApiException('CASE_NOT_FOUND') });

@ApiTags('cases 案件')
@ApiBearerAuth()
@Controller('v1/cases')
export class CasesController {
  constructor(private readonly cases: CasesService) {}

  @Get()
  @ApiOkResponse({ type: CasePage })
  list(@CurrentActor() actor: Actor, @Query() q: CaseListQuery) {
    return this.cases.list(actor, q);
  }

  @Get(':id')
  @ApiOkResponse({ type: CaseResponse })
  get(@CurrentActor() actor: Actor, @Param('id', caseIdPipe) id: string) {
    return this.cases.view(actor, id);
  }

  @Get(':id/record')
  @ApiOkResponse({ type: RecordEntryPage })
  record(@CurrentActor() actor: Actor, @Param('id', caseIdPipe) id: string, @Query() q: PageQuery) {
    return this.cases.record(actor, id, q);
  }
}
