import { readFileSync, statSync } from 'node:fs';

/**
 * Secrets a replay target's headers refer to, never stored in ClickHouse nor shown after saving.
 * `env:NAME` reads the environment variable SYNCLINE_SECRET_NAME (only that prefix: a target cannot
 * be pointed at the engine's password or any other variable of the process); `file:NAME` reads key
 * NAME of the JSON object in SYNCLINE_SECRETS_FILE, read again when it changes on disk (looked at
 * at most once a second).
 */
export const SECRET_REF = /^(env|file):([A-Za-z_][A-Za-z0-9_]{0,63})$/;
export const ENV_PREFIX = 'SYNCLINE_SECRET_';
const FILE_CHECK_MS = 1000;
/** What a secret reference may be, for messages refusing one. */
export const SECRET_REF_HELP = `write env:NAME (environment variable ${ENV_PREFIX}NAME) or file:NAME (key NAME of SYNCLINE_SECRETS_FILE)`;

export class Secrets {
  private cached: { mtimeMs: number; values: Record<string, string> } | undefined;
  private checkedAt = 0;

  constructor(
    private readonly file: string | undefined,
    /** The SYNCLINE_SECRET_* variables, by full name. */
    private readonly env: Readonly<Record<string, string | undefined>>,
  ) {}

  /** The secret's value, or undefined when the reference is malformed or names nothing. */
  value(ref: string): string | undefined {
    const m = SECRET_REF.exec(ref);
    if (!m) return undefined;
    if (m[1] === 'env') return this.env[ENV_PREFIX + m[2]];
    return this.fileValues()[m[2]];
  }

  /**
   * Why `ref` cannot be used, or '' when it can. Text that is not a reference may be the secret itself
   * typed in clear: it is never quoted (the message reaches the client, the audit trail and logs).
   */
  problem(ref: string): string {
    const m = SECRET_REF.exec(ref);
    if (!m) return `not a secret reference (the value is not repeated, it may be a secret): ${SECRET_REF_HELP}`;
    if (this.value(ref) !== undefined) return '';
    return m[1] === 'env'
      ? `secret ${ref} does not exist: environment variable ${ENV_PREFIX}${m[2]} is not set`
      : this.file
        ? `secret ${ref} does not exist: SYNCLINE_SECRETS_FILE has no key "${m[2]}"`
        : `secret ${ref} does not exist: SYNCLINE_SECRETS_FILE is not set`;
  }

  private fileValues(): Record<string, string> {
    if (!this.file) return {};
    // Every send reads its headers' secrets: the file is looked at (stat) at most once a second.
    const now = Date.now();
    if (this.cached && now - this.checkedAt < FILE_CHECK_MS) return this.cached.values;
    this.checkedAt = now;
    try {
      const { mtimeMs } = statSync(this.file);
      if (this.cached?.mtimeMs !== mtimeMs) {
        const parsed = JSON.parse(readFileSync(this.file, 'utf8')) as unknown;
        const values: Record<string, string> = {};
        if (parsed && typeof parsed === 'object')
          for (const [k, v] of Object.entries(parsed)) if (typeof v === 'string') values[k] = v;
        this.cached = { mtimeMs, values };
      }
      return this.cached.values;
    } catch {
      this.cached = undefined;
      return {};
    }
  }
}
