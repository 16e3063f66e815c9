import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AUDIT_READERS } from '#libs/domain/access';
import { Actor } from '#libs/domain/roles';
import { CurrentActor, Roles } from '../auth/auth.decorators';
import { AuditQuery } from './audit.query';
import { AuditPage } from './audit.response';
import { AuditService } from './audit.service';

@ApiTags('audit 访问审计')
@ApiBearerAuth()
@Controller('v1/audit')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  @ApiOkResponse({ type: AuditPage })
  @Roles(...AUDIT_READERS)
  list(@CurrentActor() actor: Actor, @Query() q: AuditQuery) {
    return this.audit.list(actor, q);
  }
}
