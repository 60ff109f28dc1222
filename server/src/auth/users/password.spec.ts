import { describe, expect, it } from 'vitest';
import { checkPasswordPolicy, hashPassword, verifyPassword } from './password';
import { normalizePlants } from './users.service';

describe('password rules', () => {
  it('accepts 12 characters that are not the username, counting characters rather than bytes', () => {
    expect(() => checkPasswordPolicy('ana', 'twelve chars')).not.toThrow();
    expect(() => checkPasswordPolicy('ana', 'ééééééééééé')).toThrow(/shorter than 12/); // 11 characters, 22 bytes
  });

  it('names every broken rule and never echoes the password', () => {
    try {
      checkPasswordPolicy('ana', 'ANA');
      expect.unreachable();
    } catch (err) {
      expect((err as Error).message).toBe(
        'password is shorter than 12 characters and is the username: a password must be at least 12 and at most 256 characters, and not the username',
      );
    }
  });

  it('hashes with argon2id and verifies only the right password', async () => {
    const hash = await hashPassword('correct horse battery');
    expect(hash).toMatch(/^\$argon2id\$/);
    expect(await verifyPassword(hash, 'correct horse battery')).toBe(true);
    expect(await verifyPassword(hash, 'correct horse batterz')).toBe(false);
    expect(await verifyPassword('not a hash', 'x')).toBe(false);
  });
});

describe('plants per role', () => {
  it('requires a list for plant managers and refuses "*" for them', () => {
    expect(normalizePlants('plant_manager', ['P2', 'P1', 'P1'])).toEqual(['P1', 'P2']);
    expect(() => normalizePlants('plant_manager', [])).toThrow(/needs at least one plant/);
    expect(() => normalizePlants('plant_manager', ['*'])).toThrow(/"\*" is not allowed/);
  });

  it('lets viewers and IT support have every plant, and gives executives and admins every plant with no list', () => {
    expect(normalizePlants('it_support', ['P1', '*'])).toEqual(['*']);
    expect(normalizePlants('executive', [])).toEqual([]);
    expect(() => normalizePlants('admin', ['P1'])).toThrow(/leave plants empty/);
  });

  it('refuses codes that are not plant codes, quoting them', () => {
    expect(() => normalizePlants('viewer', ['P 1'])).toThrow(
      'plants must be plant codes (letters, digits, _ . -, at most 64) or "*"; got "P 1"',
    );
  });
});
