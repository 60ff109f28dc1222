import 'reflect-metadata';
import type { DiscoveryService } from '@nestjs/core';
import { MetadataScanner, Reflector } from '@nestjs/core';
import { describe, expect, it } from 'vitest';
import { Public, RequirePermission } from '../common/access/access.decorators';
import { AccessRegistry, MissingPermissionError } from './access-registry';

/** A resolver method as @nestjs/graphql marks it (its metadata keys), without Nest around it. */
function asQuery(target: object, key: string) {
  Reflect.defineMetadata('graphql:resolver_type', 'Query', (target as Record<string, object>)[key]);
  Reflect.defineMetadata('graphql:resolver_name', key, (target as Record<string, object>)[key]);
}

class Guarded {
  @RequirePermission('data:view') lines() {
    return [];
  }
  @Public() version() {
    return '1';
  }
}
asQuery(Guarded.prototype, 'lines');
asQuery(Guarded.prototype, 'version');

class Forgotten {
  secrets() {
    return [];
  }
}
asQuery(Forgotten.prototype, 'secrets');

function registry(...classes: (new () => object)[]) {
  const providers = classes.map((cls) => ({ instance: new cls(), metatype: cls }));
  const discovery = { getProviders: () => providers, getControllers: () => [] } as unknown as DiscoveryService;
  return new AccessRegistry(discovery, new MetadataScanner(), new Reflector());
}

describe('deny by default', () => {
  it('lists every operation with the permission it declares', () => {
    const r = registry(Guarded);
    r.onModuleInit();
    expect(r.operations()).toEqual([
      { operation: 'Query.lines', kind: 'query', name: 'lines', permission: 'data:view' },
      { operation: 'Query.version', kind: 'query', name: 'version', permission: 'public' },
    ]);
  });

  it('stops start-up when a resolver declares no permission, naming it', () => {
    expect(() => registry(Guarded, Forgotten).onModuleInit()).toThrow(MissingPermissionError);
    expect(() => registry(Guarded, Forgotten).onModuleInit()).toThrow(/Query\.secrets/);
  });
});
