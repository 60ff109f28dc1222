import { Global, Module, type DynamicModule } from '@nestjs/common';
import { APP_GUARD, DiscoveryModule } from '@nestjs/core';
import { AccessRegistry } from './access-registry';
import { ApiKeysResolver } from './api-keys/api-keys.resolver';
import { ApiKeysService } from './api-keys/api-keys.service';
import { AuthGuard } from './auth.guard';
import { AuthMiddleware } from './auth.middleware';
import { ADMIN_TOKEN } from './auth.tokens';
import { Authenticator } from './authenticator.service';
import { SessionResolver } from './sessions/session.resolver';
import { SessionsService } from './sessions/sessions.service';
import { SignInLimiter } from './sessions/sign-in-limiter.service';
import { UserDirectory } from './users/user-directory.service';
import { UsersRepository } from './users/users.repository';
import { UsersResolver } from './users/users.resolver';
import { UsersService } from './users/users.service';

/** Who is asking and what they may do: people, sessions, API keys, the admin token, the global guard. */
@Global()
@Module({})
export class AuthModule {
  static forRoot(adminToken: string): DynamicModule {
    return {
      module: AuthModule,
      imports: [DiscoveryModule],
      providers: [
        { provide: ADMIN_TOKEN, useValue: adminToken },
        ApiKeysService,
        ApiKeysResolver,
        Authenticator,
        AuthMiddleware,
        SessionsService,
        SessionResolver,
        SignInLimiter,
        UserDirectory,
        UsersRepository,
        UsersService,
        UsersResolver,
        AccessRegistry,
        { provide: APP_GUARD, useClass: AuthGuard },
      ],
      exports: [ApiKeysService, Authenticator, AuthMiddleware, UsersService, AccessRegistry],
    };
  }
}
