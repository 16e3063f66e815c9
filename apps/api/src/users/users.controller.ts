import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Actor } from '#libs/domain/roles';
import { CurrentActor } from '../auth/auth.decorators';
import { DirectoryQuery } from './users.dto';
import { ColleaguePage } from './users.response';
import { UsersService } from './users.service';

@ApiTags('users 人员名录')
@ApiBearerAuth()
@Controller('v1/users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  /** Every role reads its own agency's directory (and only its own), to name who else was present. */
  @Get()
  @ApiOkResponse({ type: ColleaguePage })
  directory(@CurrentActor() actor: Actor, @Query() q: DirectoryQuery) {
    return this.users.directory(actor, q);
  }
}
