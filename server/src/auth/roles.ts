import { ForbiddenException } from '@nestjs/common';
import type { Principal } from './principal';

/** Admin-only operations (settings, keys, replay): an API key is for machines sending data. */
export function requireAdmin(principal: Principal | undefined): asserts principal is Extract<Principal, { kind: 'admin' }> {
  if (principal?.kind !== 'admin')
    throw new ForbiddenException('This operation needs the admin token; API keys may only send data');
}
