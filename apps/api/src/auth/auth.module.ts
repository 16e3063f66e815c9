import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { ThrottlerModule } from '@nestjs/throttler';
import { TypeOrmModule } from '@nestjs/typeorm';
import { createSecretKey } from 'node:crypto';
import { Env } from '../../../../libs/config/env';
import { UserEntity } from '../../../../libs/persistence/entities/user.entity';
import { ENV } from '../env.token';
import { AuthController } from './auth.controller';
import { AuthGuard } from './auth.guard';
import { AuthService } from './auth.service';

@Module({
  imports: [
    TypeOrmModule.forFeature([UserEntity]),
    ThrottlerModule.forRootAsync({
      inject: [ENV],
      useFactory: (env: Env) => ({ throttlers: [{ name: 'login', ttl: 60_000, limit: env.loginAttemptsPerMinute }] }),
    }),
    JwtModule.registerAsync({
      inject: [ENV],
      // A working day's session: staff log in each morning. The secret as a KeyObject: given a string,
      // jsonwebtoken first tries it as a public key on every request (0.5 ms, 12 % of the API's CPU
      // in the bench, bench/README.md) before treating it as the HMAC secret it is.
      useFactory: (env: Env) => ({ secret: createSecretKey(Buffer.from(env.jwtSecret)), signOptions: { expiresIn: '8h' } }),
    }),
  ],
  controllers: [AuthController],
  providers: [AuthService, { provide: APP_GUARD, useClass: AuthGuard }],
})
export class AuthModule {}
