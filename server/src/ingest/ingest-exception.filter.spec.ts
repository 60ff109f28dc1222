import { describe, expect, it } from 'vitest';
import { PlantScope } from '../domain/plant-scope';
import type { Principal } from '../domain/principal';
import { refusedKeyLabel } from './ingest-exception.filter';

const base = { name: 'x', permissions: new Set(), scope: PlantScope.all() } as const;

describe('the key label of a refused ingest batch', () => {
  it('is the API key id for a key, and a fixed word for everybody else (bounded labels)', () => {
    const key = {
      ...base,
      id: 'k123',
      kind: 'api_key',
      role: null,
      kinds: new Set(),
      rateLimitPerMinute: 1,
    } as unknown as Principal;
    const admin = { ...base, id: 'admin-token', kind: 'admin_token', role: 'admin' } as unknown as Principal;
    const person = { ...base, id: 'ana', kind: 'user', role: 'admin', sessionId: 's', via: 'cookie' } as unknown as Principal;
    expect(refusedKeyLabel(key)).toBe('k123');
    expect(refusedKeyLabel(admin)).toBe('admin');
    expect(refusedKeyLabel(person)).toBe('session');
    expect(refusedKeyLabel(undefined)).toBe('anonymous');
  });
});
