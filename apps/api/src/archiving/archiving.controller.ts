import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Actor } from '#libs/domain/roles';
import { Act, CurrentActor } from '../auth/auth.decorators';
import { caseIdPipe } from '../cases/cases.controller';
import { AccessRequestDto, ArchiveDto } from './archiving.dto';
import { AccessRequestResponse, CaseFileResponse, VerifyResponse } from './archiving.response';
import { ArchivingService } from './archiving.service';

@ApiTags('archiving 归档')
@ApiBearerAuth()
@Controller('v1/cases/:id')
export class ArchivingController {
  constructor(private readonly archiving: ArchivingService) {}

  /** The case file: its catalogue and what is missing, or the archived file. */
  @Get('case-file')
  @ApiOkResponse({ type: CaseFileResponse })
  caseFile(@CurrentActor() actor: Actor, @Param('id', caseIdPipe) id: string) {
    return this.archiving.caseFile(actor, id);
  }

  /** 查阅、复制申请 by the party, recorded and decided as a task (the chief's consent where the profile wants it). */
  @Post('access-requests')
  @ApiOkResponse({ type: AccessRequestResponse })
  @Act('archive.access')
  @HttpCode(200)
  requestAccess(@CurrentActor() actor: Actor, @Param('id', caseIdPipe) id: string, @Body() dto: AccessRequestDto) {
    return this.archiving.requestAccess(actor, id, dto);
  }

  /** Is the record intact? The SM3 chain (first broken entry named) and every audio-video file's hash. */
  @Get('verify')
  @ApiOkResponse({ type: VerifyResponse })
  verify(@CurrentActor() actor: Actor, @Param('id', caseIdPipe) id: string) {
    return this.archiving.verify(actor, id);
  }

  /** The custodian closes the file: archive fields, location, and the reason if anything is missing. */
  @Post('archive')
  @ApiOkResponse({ type: CaseFileResponse })
  @Act('archive.file')
  @HttpCode(200)
  archive(@CurrentActor() actor: Actor, @Param('id', caseIdPipe) id: string, @Body() dto: ArchiveDto) {
    return this.archiving.archive(actor, id, dto);
  }
}
