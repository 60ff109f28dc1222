import type { RowError } from '../records/row-error';
import type { RecordKind } from '../records/vocabulary';
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

export type FromWorker =
  | { id: number; type: 'encoded'; block: Uint8Array; records: number }
  | { id: number; type: 'rejected'; errors: RowError[]; records: number }
  /** An IngestHttpError (400, 413, 415) with what it said. */
  | { id: number; type: 'http-error'; status: number; code: string; message: string; details: Record<string, unknown> }
  /** Anything else: a defect, answered as a server error. */
  | { id: number; type: 'failure'; message: string };

/** The ArrayBuffer to transfer with `bytes`, when `bytes` is all of it (else it is copied, e.g. a pooled slice). */
export function transferable(bytes: Uint8Array): ArrayBuffer[] {
  const b = bytes.buffer;
  return b instanceof ArrayBuffer && bytes.byteOffset === 0 && bytes.byteLength === b.byteLength ? [b] : [];
}

/** A Buffer over the bytes of a Uint8Array received from another thread, without copying. */
export function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}
