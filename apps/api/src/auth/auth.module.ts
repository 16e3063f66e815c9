import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { ThrottlerModule } from '@nestjs/throttler';
import { createSecretKey } from 'node:crypto';
import { Env } from '#libs/config/env';
import { ENV } from '../env.token';
import { AuthController } from './auth.controller';
import { AuthGuard } from './auth.guard';
import { PermissionGuard } from './permission.guard';
import { AuthService } from './auth.service';
import { LOGIN_THROTTLERS } from './login-throttle.guard';
import { Sessions } from './sessions';

@Module({
  imports: [
    ThrottlerModule.forRootAsync({ inject: [ENV], useFactory: (env: Env) => ({ throttlers: LOGIN_THROTTLERS(env) }) }),
    JwtModule.registerAsync({
      inject: [ENV],
      // A working day's session: staff log in each morning. The secret as a KeyObject: given a string,
      // jsonwebtoken first tries it as a public key on every request (0.5 ms, 12 % of the API's CPU
      // in the bench, bench/README.md) before treating it as the HMAC secret it is. The algorithm is
      // pinned both ways: a token signed with anything but HS256 (HS512, `none`) is refused.
      useFactory: (env: Env) => ({
        secret: createSecretKey(Buffer.from(env.jwtSecret)),
        signOptions: { expiresIn: '8h', algorithm: 'HS256' },
        verifyOptions: { algorithms: ['HS256'] },
      }),
    }),
  ],
  controllers: [AuthController],
  providers: [AuthService, Sessions, { provide: APP_GUARD, useClass: AuthGuard }, { provide: APP_GUARD, useClass: PermissionGuard }],
  exports: [Sessions],
})
export class AuthModule {}
