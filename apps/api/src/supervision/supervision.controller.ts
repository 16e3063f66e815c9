import { Controller, Get, Header, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Actor } from '#libs/domain/roles';
import { CurrentActor, Roles } from '../auth/auth.decorators';
import { AccountabilityQuery, DueQuery, ExpiringCertificatesQuery, StatsQuery } from './supervision.dto';
import { AccountabilityPage, DueItemPage, ExpiringCertificatePage, StatsResponse } from './supervision.response';
import { SupervisionService } from './supervision.service';
import { ExpiringCertificatesService } from './certificates.service';

@ApiTags('supervision 监督')
@ApiBearerAuth()
@Controller('v1/supervision')
export class SupervisionController {
  constructor(
    private readonly supervision: SupervisionService,
    private readonly certificatesDue: ExpiringCertificatesService,
  ) {}

  /** Everything due or overdue across the agency, soonest first: by kind, stage, officer, days late. */
  @Get('due')
  @ApiOkResponse({ type: DueItemPage })
  @Roles('supervisor', 'chief')
  due(@CurrentActor() actor: Actor, @Query() q: DueQuery) {
    return this.supervision.due(actor, q);
  }

  /** The same rows as `due` with the same filters, as CSV. */
  @Get('due.csv')
  @ApiProduces('text/csv')
  @ApiOkResponse({ description: '与 due 相同的行（UTF-8 BOM，中文表头）', schema: { type: 'string' } })
  @Roles('supervisor', 'chief')
  @Header('content-type', 'text/csv; charset=utf-8')
  @Header('content-disposition', 'attachment; filename="due.csv"')
  csv(@CurrentActor() actor: Actor, @Query() q: DueQuery) {
    return this.supervision.csv(actor, q);
  }

  /** Defects per case and per person, for 评议考核 (002 第三十四条). */
  @Get('accountability')
  @ApiOkResponse({ type: AccountabilityPage })
  @Roles('supervisor', 'chief')
  accountability(@CurrentActor() actor: Actor, @Query() q: AccountabilityQuery) {
    return this.supervision.accountability(actor, q);
  }

  /** Cases by stage and status; on-time rate per kind of task deadline and month; overdue by unit. */
  @Get('stats')
  @ApiOkResponse({ type: StatsResponse })
  @Roles('supervisor', 'chief')
  stats(@CurrentActor() actor: Actor, @Query() q: StatsQuery) {
    return this.supervision.stats(actor, q);
  }

  /** Active officers' certificates ending within `withinDays` days (default 30), the soonest first. */
  @Get('certificates')
  @ApiOkResponse({ type: ExpiringCertificatePage })
  @Roles('supervisor', 'chief')
  certificates(@CurrentActor() actor: Actor, @Query() q: ExpiringCertificatesQuery) {
    return this.certificatesDue.list(actor, q);
  }
}
