import { createParamDecorator, SetMetadata, type ExecutionContext } from '@nestjs/common';
import type { Permission } from '../../domain/permissions';
import type { Principal } from '../../domain/principal';
import { requestOf } from './request-of';

export const IS_PUBLIC = 'syncline:isPublic';
export const REQUIRED_PERMISSION = 'syncline:permission';

/** Open without credentials. Only probes, metrics, the version and sign-in itself. */
export const Public = () => SetMetadata(IS_PUBLIC, true);

/**
 * The permission a route or resolver needs (domain/permissions.ts). Every handler declares one, or
 * is @Public(): a handler with neither stops Syncline at start-up (auth/access-registry.ts).
 */
export const RequirePermission = (permission: Permission) => SetMetadata(REQUIRED_PERMISSION, permission);

/** The authenticated caller, set by the auth guard; always present on a non-public handler. */
export const CurrentPrincipal = createParamDecorator(
  (_data: unknown, context: ExecutionContext): Principal | undefined => requestOf(context).principal,
);
