import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { ThrottlerModule } from '@nestjs/throttler';
import { AppConfig } from '@workpoints/config';
import { AccessGuard } from '../access/access.guard';
import { AccessModule } from '../access/access.module';
import { AuthRedisModule } from './auth-redis.module';
import { AuthController } from './auth.controller';
import { AuthGuard } from './auth.guard';
import { AuthService } from './auth.service';
import { OidcController } from './oidc.controller';
import { OidcService } from './oidc.service';
import { PasswordHasher } from './password-hasher.service';
import { RedisThrottlerStorage } from './redis-throttler.storage';
import { SessionEndsService } from './session-ends.service';
import { SessionsService } from './sessions.service';
import { signInThrottlers } from './sign-in-throttler.guard';
import { TicketsService } from './tickets.service';

/** The one algorithm tokens are signed and accepted with: `alg: none` and others are refused. */
const ALGORITHM = 'HS256';

/**
 * Sign-in, sessions and tokens. Global: the guard on every route, the queue board, the inbox
 * stream and the admins' account pages all use its services.
 */
@Global()
@Module({
  imports: [
    AuthRedisModule,
    AccessModule,
    JwtModule.registerAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        secret: config.auth.jwtSecret,
        signOptions: {
          algorithm: ALGORITHM,
          issuer: config.auth.jwtIssuer,
          audience: config.auth.jwtAudience,
          expiresIn: config.auth.accessTokenTtl,
        },
        verifyOptions: {
          algorithms: [ALGORITHM],
          issuer: config.auth.jwtIssuer,
          audience: config.auth.jwtAudience,
        },
      }),
    }),
    ThrottlerModule.forRootAsync({
      imports: [AuthRedisModule],
      inject: [AppConfig, RedisThrottlerStorage],
      useFactory: (config: AppConfig, storage: RedisThrottlerStorage) => ({
        ...signInThrottlers(config),
        storage,
      }),
    }),
  ],
  controllers: [AuthController, OidcController],
  providers: [
    AuthService,
    SessionsService,
    SessionEndsService,
    PasswordHasher,
    TicketsService,
    OidcService,
    // In this order: who is calling (authentication), then what they may call (the access policy).
    { provide: APP_GUARD, useClass: AuthGuard },
    { provide: APP_GUARD, useClass: AccessGuard },
  ],
  exports: [
    AuthService,
    SessionsService,
    SessionEndsService,
    PasswordHasher,
    TicketsService,
    AuthRedisModule,
  ],
})
export class AuthModule {}
