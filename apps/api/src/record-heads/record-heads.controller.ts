import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Actor } from '#libs/domain/roles';
import { CurrentActor, Roles } from '../auth/auth.decorators';
import { RecordHeadsResponse } from './record-heads.response';
import { RecordHeadsService } from './record-heads.service';

@ApiTags('record 记录完整性')
@ApiBearerAuth()
@Controller('v1/record-heads')
export class RecordHeadsController {
  constructor(private readonly heads: RecordHeadsService) {}

  /** Is the record intact across cases? The day heads (first broken day named) over every case chain. */
  @Get('verify')
  @ApiOkResponse({ type: RecordHeadsResponse })
  @Roles('supervisor', 'admin')
  verify(@CurrentActor() actor: Actor) {
    return this.heads.verify(actor);
  }
}
