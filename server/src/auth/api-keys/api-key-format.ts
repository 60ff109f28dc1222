import { createHash, randomBytes } from 'node:crypto';

/** `sl_<12 hex key id>_<43 char secret>`: the id finds the record, only the secret's hash is stored. */
const KEY_FORMAT = /^sl_([0-9a-f]{12})_([A-Za-z0-9_-]{43})$/;

export function newApiKey(): { keyId: string; secret: string; token: string } {
  const keyId = randomBytes(6).toString('hex');
  const secret = randomBytes(32).toString('base64url');
  return { keyId, secret, token: `sl_${keyId}_${secret}` };
}

export function parseApiKey(token: string): { keyId: string; secret: string } | undefined {
  const m = KEY_FORMAT.exec(token);
  return m ? { keyId: m[1], secret: m[2] } : undefined;
}

export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}
