/**
 * The findings' vocabulary as the server names it (FindingFilterInput's descriptions in
 * web/schema.graphql) and as a person reads it.
 */

export const FINDING_TYPES = [
  'missing_posting',
  'duplicate_posting',
  'quantity_mismatch',
  'late_posting',
  'orphan_posting',
  'failed_hop',
  'silent_line',
] as const;
export type FindingType = (typeof FINDING_TYPES)[number];

export const FINDING_STATUSES = [
  'open',
  'acknowledged',
  'assigned',
  'replay_queued',
  'replay_sent',
  'resolved_auto',
  'resolved_manual',
  'ignored',
] as const;
export type FindingStatus = (typeof FINDING_STATUSES)[number];

/** Still to be dealt with: the queue shows these unless asked otherwise. */
export const ACTIVE_STATUSES: readonly FindingStatus[] = ['open', 'acknowledged', 'assigned', 'replay_queued', 'replay_sent'];

/** Worst first. */
export const SEVERITIES = ['critical', 'high', 'medium', 'low'] as const;
export type Severity = (typeof SEVERITIES)[number];

const TYPE_LABELS: Record<FindingType, string> = {
  missing_posting: 'Missing posting',
  duplicate_posting: 'Duplicate posting',
  quantity_mismatch: 'Quantity mismatch',
  late_posting: 'Late posting',
  orphan_posting: 'Orphan posting',
  failed_hop: 'Failed hop',
  silent_line: 'Silent line',
};

const STATUS_LABELS: Record<FindingStatus, string> = {
  open: 'Open',
  acknowledged: 'Acknowledged',
  assigned: 'Assigned',
  replay_queued: 'Replay queued',
  replay_sent: 'Replay sent',
  resolved_auto: 'Resolved automatically',
  resolved_manual: 'Resolved by hand',
  ignored: 'Ignored',
};

const SEVERITY_LABELS: Record<Severity, string> = { critical: 'Critical', high: 'High', medium: 'Medium', low: 'Low' };

/** A shape per severity, so the level reads without colour (and in print). */
const SEVERITY_SYMBOLS: Record<Severity, string> = { critical: '◆', high: '▲', medium: '●', low: '○' };

const isOneOf = <T extends string>(list: readonly T[], value: string): value is T => (list as readonly string[]).includes(value);

/** A value the dashboard does not know yet (a newer server) shows as the server wrote it. */
export const typeLabel = (type: string) => (isOneOf(FINDING_TYPES, type) ? TYPE_LABELS[type] : type);
export const statusLabel = (status: string) => (isOneOf(FINDING_STATUSES, status) ? STATUS_LABELS[status] : status);
export const severityLabel = (severity: string) => (isOneOf(SEVERITIES, severity) ? SEVERITY_LABELS[severity] : severity);
export const severitySymbol = (severity: string) => (isOneOf(SEVERITIES, severity) ? SEVERITY_SYMBOLS[severity] : '?');
export const isActiveStatus = (status: string) => (ACTIVE_STATUSES as readonly string[]).includes(status);
