import { EVENT_TYPES, NAME_PATTERN } from '../../domain/vocabulary';
import { InputError } from '../../common/errors/input-error';

export const PRIORITIES = ['critical', 'standard', 'low'] as const;
export type Priority = (typeof PRIORITIES)[number];

/** The rules one flow is reconciled by (one version of them). */
export interface FlowRules {
  flow: string;
  version: number;
  slaSeconds: number;
  graceSeconds: number;
  toleranceAbs: number;
  tolerancePct: number;
  eventTypes: string[];
  postingTypes: string[];
  requiresReference: boolean;
  priority: Priority;
  /** Value at risk from which a finding is one severity level higher. */
  highValue: number;
  /** Quantities are compared per order and time bucket of this many minutes. */
  bucketMinutes: number;
  enabled: boolean;
  updatedBy: string;
  updatedAt: string;
}

const NAME = new RegExp(NAME_PATTERN);
const MAX_SLA_SECONDS = 7 * 86_400;

/**
 * Refuses rules that cannot be right, naming the field and what is allowed; `others` are the other
 * flows' rules in force (an event type may post to one flow only).
 */
export function validateFlowRules(r: Omit<FlowRules, 'version' | 'updatedBy' | 'updatedAt'>, others: readonly FlowRules[]): void {
  const fail = (field: string, message: string) => {
    throw new InputError(`${field} ${message}`, field);
  };
  if (!NAME.test(r.flow)) fail('flow', 'must be lower_snake_case letters, digits and _, starting with a letter (at most 64)');
  if (!Number.isInteger(r.slaSeconds) || r.slaSeconds < 1 || r.slaSeconds > MAX_SLA_SECONDS)
    fail('slaSeconds', `must be a whole number of seconds from 1 to ${MAX_SLA_SECONDS} (7 days); got ${r.slaSeconds}`);
  if (!Number.isInteger(r.graceSeconds) || r.graceSeconds < 0 || r.graceSeconds > MAX_SLA_SECONDS)
    fail('graceSeconds', `must be a whole number of seconds from 0 to ${MAX_SLA_SECONDS}; got ${r.graceSeconds}`);
  if (!Number.isFinite(r.toleranceAbs) || r.toleranceAbs < 0) fail('toleranceAbs', `must be 0 or more; got ${r.toleranceAbs}`);
  if (!Number.isFinite(r.tolerancePct) || r.tolerancePct < 0 || r.tolerancePct > 100)
    fail('tolerancePct', `must be a percentage from 0 to 100; got ${r.tolerancePct}`);
  if (r.eventTypes.length === 0) fail('eventTypes', `must list at least one of ${EVENT_TYPES.join(', ')}`);
  const unknown = r.eventTypes.filter((t) => !(EVENT_TYPES as readonly string[]).includes(t));
  if (unknown.length) fail('eventTypes', `must be among ${EVENT_TYPES.join(', ')}; unknown: ${unknown.join(', ')}`);
  for (const t of r.eventTypes) {
    const owner = others.find((o) => o.flow !== r.flow && o.enabled && o.eventTypes.includes(t));
    if (owner && r.enabled) fail('eventTypes', `${t} already posts to flow ${owner.flow}; an event type posts to one flow`);
  }
  const badPosting = r.postingTypes.filter((t) => !NAME.test(t));
  if (badPosting.length) fail('postingTypes', `must be lower_snake_case names; got ${badPosting.join(', ')}`);
  if (!(PRIORITIES as readonly string[]).includes(r.priority)) fail('priority', `must be one of ${PRIORITIES.join(', ')}`);
  if (!Number.isFinite(r.highValue) || r.highValue < 0) fail('highValue', `must be 0 or more; got ${r.highValue}`);
  // Buckets that tile a day: every flow's buckets then start together at least once a day, so a run
  // over several flows can start on whole buckets of each (reconcile.service.ts).
  if (!Number.isInteger(r.bucketMinutes) || r.bucketMinutes < 1 || r.bucketMinutes > 1440 || 1440 % r.bucketMinutes !== 0)
    fail(
      'bucketMinutes',
      `must be a whole number of minutes that divides a day (1440), such as 15, 30, 45, 60, 120, 240, 480 or 1440; got ${r.bucketMinutes}`,
    );
}

/** How far back a continuous run looks: findings of a flow can still change for 2 x SLA + grace. */
export function windowSeconds(r: Pick<FlowRules, 'slaSeconds' | 'graceSeconds'>): number {
  return 2 * r.slaSeconds + r.graceSeconds;
}
