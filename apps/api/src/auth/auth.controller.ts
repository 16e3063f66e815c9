import { Body, Controller, Get, HttpCode, Post, Req, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { Actor } from '#libs/domain/roles';
import { Act, CurrentActor, OpenBeforePasswordChange, Public } from './auth.decorators';
import { ChangePasswordDto, LoginDto } from './auth.dto';
import { LoginResponse, UserResponse } from './auth.response';
import { AuthService } from './auth.service';
import { LoginThrottleGuard } from './login-throttle.guard';

@ApiTags('auth 登录')
@Controller('v1/auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Public()
  @UseGuards(LoginThrottleGuard)
  @Post('login')
  @HttpCode(200)
  @ApiOkResponse({ type: LoginResponse })
  login(@Body() dto: LoginDto, @Req() req: Request) {
    return this.auth.login(dto, req);
  }

  /** Ends every token of the caller (all devices). */
  @ApiBearerAuth()
  @Post('logout')
  @Act('auth.logout')
  @OpenBeforePasswordChange()
  @HttpCode(204)
  @ApiNoContentResponse({ description: '已退出' })
  async logout(@CurrentActor() actor: Actor): Promise<void> {
    await this.auth.logout(actor);
  }

  /** Changes the caller's password (the password policy applies); every earlier token stops working, the answer carries a new one. */
  @ApiBearerAuth()
  @Post('password')
  @Act('auth.password')
  @OpenBeforePasswordChange()
  @HttpCode(200)
  @ApiOkResponse({ type: LoginResponse })
  password(@CurrentActor() actor: Actor, @Body() dto: ChangePasswordDto) {
    return this.auth.changePassword(actor, dto);
  }

  @ApiBearerAuth()
  @Get('me')
  @OpenBeforePasswordChange()
  @ApiOkResponse({ type: UserResponse })
  me(@CurrentActor() actor: Actor) {
    return this.auth.me(actor);
  }
}
