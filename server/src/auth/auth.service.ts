import { Inject, Injectable } from '@nestjs/common';
import { ADMIN_TOKEN } from './auth.tokens';
import { secretsEqual } from './admin-token';
import { ApiKeysService } from './api-keys/api-keys.service';
import type { Principal } from './principal';

@Injectable()
export class AuthService {
  constructor(
    @Inject(ADMIN_TOKEN) private readonly adminToken: string,
    private readonly apiKeys: ApiKeysService,
  ) {}

  /** The principal a bearer credential stands for, or undefined when it is not valid. */
  async authenticate(bearer: string): Promise<Principal | undefined> {
    if (bearer.startsWith('sl_') && !bearer.startsWith('sl_admin_')) return this.apiKeys.authenticate(bearer);
    if (secretsEqual(bearer, this.adminToken)) return { kind: 'admin', id: 'admin' };
    return undefined;
  }
}
