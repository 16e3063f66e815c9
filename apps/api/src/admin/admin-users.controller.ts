import { Body, Controller, Get, Param, Patch, Post, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { Actor } from '#libs/domain/roles';
import { Act, CurrentActor, Roles } from '../auth/auth.decorators';
import { AdminUserQuery, ChangeUserDto, CreateUserDto } from './admin-users.dto';
import { AdminUserPage, AdminUserResponse } from './admin-users.response';
import { AdminUsersService } from './admin-users.service';

@ApiTags('admin 人员与科室管理')
@ApiBearerAuth()
@Controller('v1/admin/users')
export class AdminUsersController {
  constructor(private readonly users: AdminUsersService) {}

  /** The system administrator reads every agency's people (or one's, `agencyId`); an agency administrator its own. */
  @Get()
  @Roles('admin', 'agency_admin')
  @ApiOkResponse({ type: AdminUserPage })
  list(@CurrentActor() actor: Actor, @Query() q: AdminUserQuery) {
    return this.users.list(actor, q);
  }

  /** 201 with the user; the user must change the password at first login. */
  @Post()
  @Act('user.create')
  @ApiCreatedResponse({ type: AdminUserResponse })
  create(@CurrentActor() actor: Actor, @Body() dto: CreateUserDto, @Req() req: Request) {
    return this.users.create(actor, dto, req);
  }

  @Patch(':id')
  @Act('user.change')
  @ApiOkResponse({ type: AdminUserResponse })
  change(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() dto: ChangeUserDto, @Req() req: Request) {
    return this.users.change(actor, id, dto, req);
  }
}
