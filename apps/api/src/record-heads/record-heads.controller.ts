import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Actor } from '#libs/domain/roles';
import { CurrentActor, Roles } from '../auth/auth.decorators';
import { RecordHeadsResponse } from './record-heads.response';
import { VerifyQuery } from './record-heads.dto';
import { RecordHeadsService } from './record-heads.service';

@ApiTags('record 记录完整性')
@ApiBearerAuth()
@Controller('v1/record-heads')
export class RecordHeadsController {
  constructor(private readonly heads: RecordHeadsService) {}

  /**
   * Is the record intact across cases? The day heads (first broken day named) over every case chain,
   * from the last intact verification on; `full=true` reads everything again (the auditor's check).
   */
  @Get('verify')
  @ApiOkResponse({ type: RecordHeadsResponse })
  @Roles('supervisor', 'admin')
  verify(@CurrentActor() actor: Actor, @Query() q: VerifyQuery) {
    return this.heads.verify(actor, q.full === 'true');
  }
}
