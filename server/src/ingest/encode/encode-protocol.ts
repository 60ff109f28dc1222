import { POOL_MIN_BYTES } from '../body/buffer-pool';
import type { RowError } from '../records/row-error';
import type { RecordKind } from '../../domain/vocabulary';
import type { BodyLimits } from './encode-body';

/** Messages between the encode pool (main thread) and its workers: plain data, buffers transferred. */

/** The unit table and stages tasks are checked against, sent before the first task that needs them. */
export interface ContextMessage {
  type: 'context';
  version: number;
  units: readonly { code: string; aliases: readonly string[] }[];
  stages: readonly string[];
}

export interface EncodeTaskMessage {
  type: 'encode';
  id: number;
  kind: RecordKind;
  source: string;
  body: Uint8Array;
  contentType: string;
  /** The plants the caller may write; null = any. */
  plants: readonly string[] | null;
  limits: BodyLimits;
}

export type ToWorker = ContextMessage | EncodeTaskMessage;

/** Every answer hands the task's body back (`body`), for the main thread's buffer pool. */
export type FromWorker = { id: number; body: Uint8Array } & (
  | { type: 'encoded'; block: Uint8Array; records: number }
  | { type: 'rejected'; errors: RowError[]; records: number }
  /** An IngestHttpError (400, 413, 415) with what it said. */
  | { type: 'http-error'; status: number; code: string; message: string; details: Record<string, unknown> }
  /** Anything else: a defect, answered as a server error. */
  | { type: 'failure'; message: string }
);

/**
 * The ArrayBuffer to move with `bytes` instead of copying it: when `bytes` is all of it, or (`pooled`)
 * when it is one of our pooled buffers (at least 64 KiB; Node's shared 8 KiB slab, which other
 * Buffers use, is never moved). Otherwise nothing: the message copies the bytes.
 */
export function transferable(bytes: Uint8Array, pooled = false): ArrayBuffer[] {
  const b = bytes.buffer;
  if (!(b instanceof ArrayBuffer) || b.byteLength === 0) return [];
  if (bytes.byteOffset === 0 && bytes.byteLength === b.byteLength) return [b];
  return pooled && b.byteLength >= POOL_MIN_BYTES ? [b] : [];
}

/** A Buffer over the bytes of a Uint8Array received from another thread, without copying. */
export function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}
