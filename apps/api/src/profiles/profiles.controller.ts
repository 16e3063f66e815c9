import { Body, Controller, Get, Param, Put, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Actor } from '#libs/domain/roles';
import { Act, CurrentActor } from '../auth/auth.decorators';
import { DateField } from '../common/fields';
import { PageQuery } from '../common/paging';
import { ProfileLoadedResponse, ProfilePage, ProfileResponse } from './profiles.response';
import { ProfilesService } from './profiles.service';

class ProfileQuery {
  @DateField('适用日期', { optional: true }) on?: string;
}

@ApiTags('profiles 机关执法规则')
@ApiBearerAuth()
@Controller('v1/profiles')
export class ProfilesController {
  constructor(private readonly profiles: ProfilesService) {}

  /** The agencies, built-in and loaded (`source`), a page at a time, the built-in ones first in the order of their seeds. */
  @Get()
  @ApiOkResponse({ type: ProfilePage })
  list(@Query() q: PageQuery): Promise<ProfilePage> {
    return this.profiles.list(q);
  }

  /** The rules in force (today, or `on` a China date), every figure with its source and citation. */
  @Get(':id')
  @ApiOkResponse({ type: ProfileResponse })
  get(@Param('id') id: string, @Query() q: ProfileQuery): Promise<ProfileResponse> {
    return this.profiles.get(id, q.on);
  }
}

@ApiTags('profiles 机关执法规则')
@ApiBearerAuth()
@Controller('v1/admin/agencies')
export class AgencyProfilesController {
  constructor(private readonly profiles: ProfilesService) {}

  /**
   * Loads an agency's profile (the schema of libs/profiles/agencies/*.json) as its next version; an
   * unknown agency is created. Every problem at once: 400 PROFILE_INVALID, one field error per JSON path.
   */
  @Put(':agencyId/profile')
  @ApiBody({ description: '执法规则配置文档（与 libs/profiles/agencies/*.json 同一格式）', schema: { type: 'object' } })
  @ApiCreatedResponse({ type: ProfileLoadedResponse, description: '已存为该机关的新版本' })
  @ApiOkResponse({ type: ProfileLoadedResponse, description: '与最新版本相同，未作更改' })
  @Act('agency.profile')
  async load(
    @CurrentActor() actor: Actor,
    @Param('agencyId') agencyId: string,
    @Body() body: Record<string, unknown>,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ProfileLoadedResponse> {
    const answer = await this.profiles.load(actor, agencyId, body, req);
    res.status(answer.stored ? 201 : 200);
    return answer;
  }
}
