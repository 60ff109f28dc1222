import { createHash } from 'node:crypto';
import { SECRET_REF, SECRET_REF_HELP, Secrets } from './secrets';

export type CheckMode = 'postings' | 'lookup';
export const CHECK_MODES: readonly CheckMode[] = ['postings', 'lookup'];
export const METHODS = ['POST', 'PUT', 'PATCH'] as const;

/** Error classes automatic replay may act on: how each is recognised in a failed hop's error. */
export const AUTO_CLASSES: Record<string, RegExp> = {
  timeout: /timeout|timed out|ETIMEDOUT|HTTP_408|HTTP_504|\b408\b|\b504\b/i,
  '429': /429/,
  '503': /503/,
  '5xx': /HTTP_5\d\d|\b5\d\d\b/,
  connection: /ECONNREFUSED|ECONNRESET|EHOSTUNREACH|connection/i,
};

/** The classes in the order people read them (numeric keys of an object come first in JavaScript). */
export const AUTO_CLASS_NAMES = ['timeout', '429', '503', '5xx', 'connection'] as const;

/** Whether a failed hop's error (code and message, as the finding says it) is of one of `classes`. */
export function errorClassMatches(text: string, classes: readonly string[]): boolean {
  return classes.some((c) => AUTO_CLASSES[c]?.test(text));
}

/** Where one flow's messages (optionally of one plant) are re-sent, and how the ERP side is asked first. */
export interface ReplayTargetConfig {
  flow: string;
  /** '' = every plant without a target of its own. */
  plant: string;
  url: string;
  method: (typeof METHODS)[number];
  /** Header name -> secret reference (env:NAME or file:NAME). */
  headers: Record<string, string>;
  timeoutMs: number;
  ratePerSecond: number;
  concurrency: number;
  checkMode: CheckMode;
  /** For checkMode 'lookup': a URL with {businessKey}; 200 with a document id = posted, 404 = not. */
  lookupUrl: string;
  enabled: boolean;
  /** Automatic replay of failed hops of `autoClasses`, at most `autoMax` times per message. */
  autoReplay: boolean;
  autoClasses: string[];
  autoMax: number;
  version: number;
  updatedBy: string;
  updatedAt: string;
}

/** A field that cannot be right, and what is allowed. */
export interface FieldProblem {
  field: string;
  message: string;
}

const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]{1,64}$/;
const RESERVED_HEADERS = new Set([
  'content-type',
  'content-length',
  'idempotency-key',
  'host',
  'connection',
  'transfer-encoding',
]);

function httpUrl(value: string): boolean {
  try {
    const u = new URL(value);
    return (u.protocol === 'http:' || u.protocol === 'https:') && !!u.hostname;
  } catch {
    return false;
  }
}

/** Every problem of a target before it is saved: empty when it can work. */
export function targetProblems(
  t: Omit<ReplayTargetConfig, 'version' | 'updatedBy' | 'updatedAt'>,
  knownFlows: readonly string[],
  secrets: Secrets,
): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const bad = (field: string, message: string) => problems.push({ field, message });
  if (!knownFlows.includes(t.flow)) bad('flow', `unknown flow "${t.flow}"; flows with rules: ${knownFlows.join(', ')}`);
  if (t.plant.length > 64) bad('plant', 'plant must be at most 64 characters ("" for every plant)');
  if (!httpUrl(t.url) || t.url.length > 2048) bad('url', 'url must be an http:// or https:// URL (at most 2,048 characters)');
  if (!METHODS.includes(t.method)) bad('method', `method must be one of ${METHODS.join(', ')}`);
  if (Object.keys(t.headers).length > 20) bad('headers', 'at most 20 headers');
  for (const [name, ref] of Object.entries(t.headers)) {
    if (!HEADER_NAME.test(name)) bad(`headers.${name}`, "a header name is letters, digits and -!#$%&'*+.^_`|~ (at most 64)");
    else if (RESERVED_HEADERS.has(name.toLowerCase())) bad(`headers.${name}`, `${name} is set by Syncline itself`);
    else if (!SECRET_REF.test(ref))
      // Likely the secret itself typed in clear: never quoted (this message reaches the audit trail).
      bad(`headers.${name}`, `header ${name} takes a secret reference, never the secret itself: ${SECRET_REF_HELP}`);
    else {
      const problem = secrets.problem(ref);
      if (problem) bad(`headers.${name}`, problem);
    }
  }
  if (!Number.isInteger(t.timeoutMs) || t.timeoutMs < 100 || t.timeoutMs > 120_000)
    bad('timeoutMs', 'timeoutMs must be a whole number from 100 to 120,000');
  if (!Number.isFinite(t.ratePerSecond) || t.ratePerSecond <= 0 || t.ratePerSecond > 10_000)
    bad('ratePerSecond', 'ratePerSecond must be more than 0 and at most 10,000');
  if (!Number.isInteger(t.concurrency) || t.concurrency < 1 || t.concurrency > 100)
    bad('concurrency', 'concurrency must be a whole number from 1 to 100');
  if (!CHECK_MODES.includes(t.checkMode)) bad('checkMode', `checkMode must be one of ${CHECK_MODES.join(', ')}`);
  const unknown = t.autoClasses.filter((c) => !(c in AUTO_CLASSES));
  if (unknown.length) bad('autoClasses', `unknown error class ${unknown.join(', ')}; allowed: ${AUTO_CLASS_NAMES.join(', ')}`);
  else if (t.autoReplay && t.autoClasses.length === 0) bad('autoClasses', 'automatic replay needs at least one error class');
  if (!Number.isInteger(t.autoMax) || t.autoMax < 1 || t.autoMax > 20)
    bad('autoMax', 'autoMax must be a whole number from 1 to 20');
  if (
    t.checkMode === 'lookup' &&
    (!httpUrl(t.lookupUrl.replaceAll('{businessKey}', 'k')) || !t.lookupUrl.includes('{businessKey}'))
  )
    bad('lookupUrl', 'lookupUrl must be an http:// or https:// URL containing {businessKey}');
  return problems;
}

/** A target's key: its BullMQ queue is `replay-<key>` (letters and digits only). */
export function targetKey(flow: string, plant: string): string {
  return createHash('sha256').update(`${flow.length}:${flow}|${plant}`).digest('hex').slice(0, 16);
}

/** The target for a message: its plant's own, else the flow's for every plant; enabled only. */
export function targetFor(targets: readonly ReplayTargetConfig[], flow: string, plant: string): ReplayTargetConfig | undefined {
  return (
    targets.find((t) => t.enabled && t.flow === flow && t.plant === plant) ??
    targets.find((t) => t.enabled && t.flow === flow && t.plant === '')
  );
}

/** A rate in messages per second as BullMQ's limiter (at most `max` jobs per `duration` ms). */
export function limiterOf(ratePerSecond: number): { max: number; duration: number } {
  return ratePerSecond >= 1
    ? { max: Math.max(1, Math.round(ratePerSecond)), duration: 1000 }
    : { max: 1, duration: Math.round(1000 / ratePerSecond) };
}
