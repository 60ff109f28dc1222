import { Algorithm, hash, verify } from '@node-rs/argon2';
import { InputError } from '../../common/errors/input-error';

export const PASSWORD_MIN_LENGTH = 12;
/** Long enough for any passphrase; short enough that hashing one is not a way to load the server. */
export const PASSWORD_MAX_LENGTH = 256;
export const PASSWORD_RULES = `at least ${PASSWORD_MIN_LENGTH} and at most ${PASSWORD_MAX_LENGTH} characters, and not the username`;

/** Refuses a password that breaks the rules, saying which rules (never echoing the password). */
export function checkPasswordPolicy(username: string, password: string, field = 'password'): void {
  const problems: string[] = [];
  if ([...password].length < PASSWORD_MIN_LENGTH) problems.push(`is shorter than ${PASSWORD_MIN_LENGTH} characters`);
  if ([...password].length > PASSWORD_MAX_LENGTH) problems.push(`is longer than ${PASSWORD_MAX_LENGTH} characters`);
  if (password.trim().toLowerCase() === username.trim().toLowerCase()) problems.push('is the username');
  if (problems.length) throw new InputError(`${field} ${problems.join(' and ')}: a password must be ${PASSWORD_RULES}`, field);
}

/** argon2id with the library's defaults (OWASP's minimum: 19 MiB, 2 passes, 1 lane). */
export function hashPassword(password: string): Promise<string> {
  return hash(password, { algorithm: Algorithm.Argon2id });
}

export async function verifyPassword(storedHash: string, password: string): Promise<boolean> {
  try {
    return await verify(storedHash, password);
  } catch {
    return false; // a malformed stored hash never signs anybody in
  }
}

/** Verified when the username does not exist, so a wrong username takes as long as a wrong password. */
let decoy: Promise<string> | undefined;
export async function verifyAgainstDecoy(password: string): Promise<false> {
  decoy ??= hashPassword('decoy password that no account has');
  await verifyPassword(await decoy, password);
  return false;
}
