import { describe, expect, it } from 'vitest';
import { redact, toAuditJson } from './redact';

describe('redact', () => {
  it('replaces secrets at any depth and keeps everything else', () => {
    const value = {
      username: 'ana',
      password: 'correct horse battery',
      nested: { apiToken: 'sl_abc', list: [{ secret_sha256: 'ff', plant: 'P1' }] },
      plants: new Set(['P1']),
    };
    expect(redact(value)).toEqual({
      username: 'ana',
      password: '[redacted]',
      nested: { apiToken: '[redacted]', list: [{ secret_sha256: '[redacted]', plant: 'P1' }] },
      plants: ['P1'],
    });
  });

  it('writes nothing for an absent value and JSON otherwise', () => {
    expect(toAuditJson(undefined)).toBe('');
    expect(toAuditJson({ role: 'viewer', password_hash: '$argon2id$...' })).toBe(
      '{"role":"viewer","password_hash":"[redacted]"}',
    );
  });
});
