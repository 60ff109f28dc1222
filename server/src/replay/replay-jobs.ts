import { createHash } from 'node:crypto';

/** What one replay job carries: enough to send without reading ClickHouse first. */
export interface ReplayJobData {
  replayId: string;
  batchId: string;
  correlationId: string;
  businessKey: string;
  findingId: string;
  flow: string;
  plant: string;
  /** The payload to send: the person's edit if there is one, else the message's last good payload. */
  payload: string;
  /** The message's own payload, when a person edited it before the replay (both are kept). */
  originalPayload?: string;
  requestedBy: string;
  /** When the request was confirmed: a send by another replay after this means the two raced. */
  requestedAtMs: number;
}

/** A replay's states; the latest row of `replays` per replay id is its state. */
export const REPLAY_STATES = ['queued', 'sent', 'skipped', 'failed', 'dead', 'cancelled'] as const;
export type ReplayState = (typeof REPLAY_STATES)[number];

/**
 * The BullMQ job id of a message's replay: the same for every request while one is in flight, so a
 * double click or two overlapping bulk replays enqueue it once. Jobs are removed when they finish
 * (their outcome is in ClickHouse), so a later replay of the same message gets a job again.
 */
export function messageJobId(correlationId: string): string {
  return `m-${createHash('sha256').update(correlationId).digest('hex').slice(0, 40)}`;
}

/** A replay's id: one message in one request (batch). */
export function replayIdOf(batchId: string, correlationId: string): string {
  return `r-${createHash('sha256').update(`${batchId.length}:${batchId}|${correlationId}`).digest('hex').slice(0, 32)}`;
}

/** The key the target deduplicates by: the device event's id, else the message's correlation id. */
export function idempotencyKeyOf(businessKey: string, correlationId: string): string {
  return businessKey || correlationId;
}

/** How a target's answer is treated. */
export type AnswerClass = 'sent' | 'rate_limited' | 'transient' | 'permanent';

export function classifyStatus(status: number): AnswerClass {
  if (status >= 200 && status < 300) return 'sent';
  if (status === 429) return 'rate_limited';
  if (status === 408 || status >= 500) return 'transient';
  return 'permanent';
}

/** Milliseconds a 429's Retry-After asks for (seconds or an HTTP date); `fallback` when absent or unreadable. */
export function retryAfterMs(header: string | null, nowMs: number, fallback: number): number {
  if (!header) return fallback;
  const seconds = Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) return Math.min(seconds * 1000, 3_600_000);
  const at = Date.parse(header);
  return Number.isFinite(at) ? Math.min(Math.max(0, at - nowMs), 3_600_000) : fallback;
}
