import { Global, Module, type DynamicModule } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ApiKeysResolver } from './api-keys/api-keys.resolver';
import { ApiKeysService } from './api-keys/api-keys.service';
import { AuthGuard } from './auth.guard';
import { AuthService } from './auth.service';
import { ADMIN_TOKEN } from './auth.tokens';

@Global()
@Module({})
export class AuthModule {
  static forRoot(adminToken: string): DynamicModule {
    return {
      module: AuthModule,
      providers: [
        { provide: ADMIN_TOKEN, useValue: adminToken },
        ApiKeysService,
        ApiKeysResolver,
        AuthService,
        { provide: APP_GUARD, useClass: AuthGuard },
      ],
      exports: [AuthService, ApiKeysService],
    };
  }
}
