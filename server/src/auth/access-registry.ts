import { Injectable, type OnModuleInit } from '@nestjs/common';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import { IS_PUBLIC, REQUIRED_PERMISSION } from '../common/access/access.decorators';
import type { Permission } from '../domain/permissions';

/** @nestjs/graphql's metadata keys on resolver methods (its constants, not exported as a public API). */
const RESOLVER_TYPE = 'graphql:resolver_type';
const RESOLVER_NAME = 'graphql:resolver_name';
const PATH = 'path';

export interface GuardedOperation {
  /** `Query.users`, `Mutation.createUser`, or `POST api/v1/hops`-like for routes. */
  operation: string;
  kind: 'query' | 'mutation' | 'route';
  name: string;
  permission: Permission | 'public';
}

export class MissingPermissionError extends Error {}

/**
 * Every resolver and route, with the permission it declared. A handler with neither a permission
 * nor @Public() stops start-up: denied by default means nobody can forget.
 */
@Injectable()
export class AccessRegistry implements OnModuleInit {
  private ops: GuardedOperation[] = [];

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
    private readonly reflector: Reflector,
  ) {}

  onModuleInit(): void {
    const ops: GuardedOperation[] = [];
    const missing: string[] = [];
    for (const wrapper of [...this.discovery.getProviders(), ...this.discovery.getControllers()]) {
      const instance = wrapper.instance as object | undefined;
      if (!instance || typeof instance !== 'object' || !wrapper.metatype) continue;
      const cls = wrapper.metatype as abstract new (...args: never[]) => unknown;
      const proto = Object.getPrototypeOf(instance) as Record<string, (...a: unknown[]) => unknown>;
      const isController = this.discovery.getControllers().includes(wrapper);
      for (const method of this.scanner.getAllMethodNames(proto)) {
        const handler = proto[method];
        const type = Reflect.getMetadata(RESOLVER_TYPE, handler) as string | undefined;
        const isRoute = isController && Reflect.getMetadata(PATH, handler) !== undefined;
        if (type !== 'Query' && type !== 'Mutation' && !isRoute) continue;
        const name = type
          ? ((Reflect.getMetadata(RESOLVER_NAME, handler) as string | undefined) ?? method)
          : `${cls.name}.${method}`;
        const isPublic = this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [handler, cls]);
        const permission = this.reflector.getAllAndOverride<Permission | undefined>(REQUIRED_PERMISSION, [handler, cls]);
        if (!isPublic && !permission) missing.push(type ? `${type}.${name}` : name);
        ops.push({
          operation: type ? `${type}.${name}` : name,
          kind: type === 'Query' ? 'query' : type === 'Mutation' ? 'mutation' : 'route',
          name,
          permission: isPublic ? 'public' : (permission as Permission),
        });
      }
    }
    if (missing.length) {
      throw new MissingPermissionError(
        `These handlers declare no permission and are not @Public(): ${missing.join(', ')}. Add @RequirePermission(...) (domain/permissions.ts).`,
      );
    }
    this.ops = ops.sort((a, b) => a.operation.localeCompare(b.operation));
  }

  operations(): readonly GuardedOperation[] {
    return this.ops;
  }
}
