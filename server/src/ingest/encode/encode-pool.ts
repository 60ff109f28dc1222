import { existsSync } from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { Logger } from '@nestjs/common';
import { largeBuffers } from '../body/buffer-pool';
import { IngestHttpError } from '../ingest.errors';
import type { NormalizeContext, RecordSpec } from '../records/record-spec';
import type { UnitTable } from '../units/unit-table';
import { encodeBody, type BodyLimits, type EncodedBody } from './encode-body';
import { asBuffer, transferable, type FromWorker, type ToWorker } from './encode-protocol';

/**
 * The compiled worker script. From TypeScript sources (vitest) it is the build of the same source:
 * worker threads run JavaScript (Node 20 cannot load the .ts), so `npm test`, `npm run test:int` and
 * `npm run test:e2e` build the server first, or the worker variant would test stale code.
 */
function workerScript(): string {
  const here = path.join(__dirname, 'encode.worker.js');
  if (existsSync(here)) return here;
  const sep = path.sep;
  const built = path.join(__dirname.replace(`${sep}src${sep}`, `${sep}dist${sep}`), 'encode.worker.js');
  if (existsSync(built)) return built;
  throw new Error(`The ingest encoder worker ${here} is missing: run npm run build, or set INGEST_PARSE_WORKERS=0`);
}

interface Pending {
  resolve(out: EncodedBody): void;
  reject(err: Error): void;
}

interface PoolWorker {
  worker: Worker;
  pending: Map<number, Pending>;
  /** The context version this worker holds. */
  contextVersion: number;
}

/**
 * Validates and encodes request bodies (encode-body.ts) on worker threads, so that parsing uses
 * every core instead of the one that also serves HTTP and sends inserts (ADR 0005). With size 0 it
 * runs them inline. Bodies and encoded blocks move between threads without copies where possible.
 * A worker that dies fails the requests it held (500) and is replaced.
 */
export class EncodePool {
  private readonly logger = new Logger('IngestEncodePool');
  private readonly workers: PoolWorker[] = [];
  private readonly versions = new WeakMap<UnitTable, number>();
  private lastVersion = 0;
  private nextId = 1;
  private closed = false;

  constructor(readonly size: number) {}

  /**
   * Encodes `body` for `spec` (see encodeBody); throws IngestHttpError as encodeBody does. A body in
   * a pooled buffer (readBody's) moves to the worker and comes back to the pool with the answer: the
   * caller must not use it afterwards (releasing it is harmless). Other bodies are copied.
   */
  async encode(
    spec: RecordSpec,
    body: Buffer,
    contentType: string,
    ctx: NormalizeContext,
    limits: BodyLimits,
  ): Promise<EncodedBody> {
    if (this.size === 0) return encodeBody(spec, body, contentType, ctx, limits, largeBuffers);
    if (this.closed) throw new Error('the ingest encode pool is closed');
    const w = this.leastBusy();
    const version = this.versionOf(ctx.units);
    if (w.contextVersion !== version) {
      this.post(w, { type: 'context', version, units: ctx.units.units, stages: [...ctx.stages] });
      w.contextVersion = version;
    }
    const id = this.nextId++;
    return new Promise<EncodedBody>((resolve, reject) => {
      this.post(
        w,
        {
          type: 'encode',
          id,
          kind: spec.kind,
          source: spec.source,
          body,
          contentType,
          plants: ctx.plants ? [...ctx.plants] : null,
          limits,
        },
        transferable(body, true),
      );
      w.pending.set(id, { resolve, reject }); // after postMessage: if it throws, nothing is left pending
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    const workers = this.workers.splice(0);
    await Promise.all(workers.map((w) => w.worker.terminate()));
  }

  private post(w: PoolWorker, message: ToWorker, transfer: ArrayBuffer[] = []): void {
    w.worker.postMessage(message, transfer);
  }

  private versionOf(units: UnitTable): number {
    let v = this.versions.get(units);
    if (v === undefined) {
      v = ++this.lastVersion;
      this.versions.set(units, v);
    }
    return v;
  }

  /** The worker with the fewest requests in hand; workers start on first use. */
  private leastBusy(): PoolWorker {
    while (this.workers.length < this.size) this.workers.push(this.spawn());
    let best = this.workers[0];
    for (const w of this.workers) if (w.pending.size < best.pending.size) best = w;
    return best;
  }

  private spawn(): PoolWorker {
    const worker = new Worker(workerScript());
    const w: PoolWorker = { worker, pending: new Map(), contextVersion: 0 };
    worker.unref(); // an HTTP request waiting on it keeps the process alive; an idle worker must not
    worker.on('message', (m: FromWorker) => this.settle(w, m));
    const fail = (err: Error) => {
      const i = this.workers.indexOf(w);
      if (i >= 0) this.workers.splice(i, 1);
      for (const p of w.pending.values()) p.reject(err);
      w.pending.clear();
      if (!this.closed) this.logger.error(`an ingest encoder worker stopped (${err.message}); a new one takes its place`);
    };
    worker.on('error', fail);
    // A message that cannot be read leaves its request unanswerable: treat the worker as broken.
    worker.on('messageerror', (err) => {
      fail(err);
      void worker.terminate();
    });
    worker.on('exit', (code) => fail(new Error(`ingest encoder worker exited with code ${code}`)));
    return w;
  }

  private settle(w: PoolWorker, m: FromWorker): void {
    largeBuffers.release(asBuffer(m.body)); // the body's buffer, back from the worker
    const p = w.pending.get(m.id);
    if (!p) return;
    w.pending.delete(m.id);
    switch (m.type) {
      case 'encoded':
        return p.resolve({ ok: true, block: asBuffer(m.block), records: m.records });
      case 'rejected':
        return p.resolve({ ok: false, errors: m.errors, records: m.records });
      case 'http-error':
        return p.reject(new IngestHttpError(m.status, m.code, m.message, m.details));
      case 'failure':
        return p.reject(new Error(`ingest encoder worker: ${m.message}`));
    }
  }
}
