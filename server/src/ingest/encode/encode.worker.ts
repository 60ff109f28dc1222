import { parentPort } from 'node:worker_threads';
import { IngestHttpError } from '../ingest.errors';
import type { NormalizeContext } from '../records/record-spec';
import { recordSpecFor } from '../records/record-specs';
import { UnitTable } from '../units/unit-table';
import { encodeBody } from './encode-body';
import { asBuffer, transferable, type FromWorker, type ToWorker } from './encode-protocol';

/**
 * An ingest encoder thread (encode-pool.ts): validates and encodes request bodies with encodeBody,
 * the same code the main thread runs when INGEST_PARSE_WORKERS=0.
 */
const port = parentPort;
if (!port) throw new Error('encode.worker.ts runs as a worker thread (encode-pool.ts)');

let units: UnitTable | undefined;
let stages: ReadonlySet<string> = new Set();

/** Answers a task, handing its body back (moved, not copied, when it was moved here). */
function reply(message: FromWorker, transfer: ArrayBuffer[] = []): void {
  port!.postMessage(message, [...transfer, ...transferable(message.body, true)]);
}

port.on('message', (m: ToWorker) => {
  if (m.type === 'context') {
    units = new UnitTable(m.units);
    stages = new Set(m.stages);
    return;
  }
  const { id, body } = m;
  try {
    if (!units) throw new Error('encode task before its context');
    const ctx: NormalizeContext = { units, plants: m.plants ? new Set(m.plants) : null, stages };
    const out = encodeBody(recordSpecFor(m.kind, m.source), asBuffer(body), m.contentType, ctx, m.limits);
    if (out.ok) reply({ id, body, type: 'encoded', block: out.block, records: out.records }, transferable(out.block));
    else reply({ id, body, type: 'rejected', errors: out.errors, records: out.records });
  } catch (err) {
    if (err instanceof IngestHttpError) {
      reply({ id, body, type: 'http-error', status: err.status, code: err.code, message: err.message, details: err.details });
    } else {
      reply({ id, body, type: 'failure', message: err instanceof Error ? (err.stack ?? err.message) : String(err) });
    }
  }
});
