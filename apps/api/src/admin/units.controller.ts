import { Body, Controller, Get, Param, Patch, Post, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { Actor } from '#libs/domain/roles';
import { Act, CurrentActor, Roles } from '../auth/auth.decorators';
import { ChangeUnitDto, CreateUnitDto, UnitQuery } from './units.dto';
import { UnitPage, UnitResponse } from './units.response';
import { UnitsService } from './units.service';

@ApiTags('admin 人员与科室管理')
@ApiBearerAuth()
@Controller('v1/admin/units')
export class UnitsController {
  constructor(private readonly units: UnitsService) {}

  /** The system administrator reads every agency's units (or one's, `agencyId`); an agency administrator its own. */
  @Get()
  @Roles('admin', 'agency_admin')
  @ApiOkResponse({ type: UnitPage })
  list(@CurrentActor() actor: Actor, @Query() q: UnitQuery) {
    return this.units.list(actor, q);
  }

  @Post()
  @Act('unit.create')
  @ApiCreatedResponse({ type: UnitResponse })
  create(@CurrentActor() actor: Actor, @Body() dto: CreateUnitDto, @Req() req: Request) {
    return this.units.create(actor, dto, req);
  }

  @Patch(':id')
  @Act('unit.change')
  @ApiOkResponse({ type: UnitResponse })
  change(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() dto: ChangeUnitDto, @Req() req: Request) {
    return this.units.change(actor, id, dto, req);
  }
}
