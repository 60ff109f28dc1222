import type { Interval } from './disturbances';
import type { SimMessage } from './event-factory';
import {
  DROP_STAGES,
  DROP_WEIGHTS,
  ERP_CLIENT_TIMEOUT_MS,
  FAIL_STAGES,
  FAIL_WEIGHTS,
  TIMEOUT_ERROR,
  TRANSIENT_ERROR,
  drawFault,
  wrongQuantity,
} from './faults';
import { HopChain } from './hop-chain';
import { isoFromMs, type TimeWriter } from './iso-time';
import { NATURAL_SHARE_OF_SLA, capTotal, stageDuration } from './latency';
import type { Random } from './random';
import { OUTAGE_SUFFIX, type GroundTruthRecord, type SimulatedBatch } from './simulated-batch';
import type { SimulatorOptions } from './simulator-options';
import { SIM_STAGES, type FaultType } from './simulator-vocabulary';

/** A ground-truth record and the time that orders it within its window (its device event's time). */
export interface AnchoredTruth {
  anchorMs: number;
  record: GroundTruthRecord;
}

export interface MessageContext {
  options: SimulatorOptions;
  faultCumulative: readonly number[];
  out: SimulatedBatch;
  truth: AnchoredTruth[];
  time: TimeWriter;
}

const ERP_API = 4;
const ERP_POSTING = 5;
const MINUTE_MS = 60_000;

function truth(
  ctx: MessageContext,
  msg: SimMessage,
  type: FaultType,
  atMs: number,
  documentIds: string[],
  details: string,
  suffix = '',
): void {
  ctx.truth.push({
    anchorMs: msg.timeMs,
    record: {
      fault_id: `GT-${msg.eventId}-${type}${suffix}`,
      fault_type: type,
      plant: msg.asset.plant,
      line: msg.asset.line,
      flow: msg.flow,
      device_event_id: msg.eventId,
      document_ids: documentIds,
      correlation_id: msg.correlationId,
      injected_at: isoFromMs(atMs),
      details,
    },
  });
}

/**
 * Sends one device event through device -> gateway -> broker -> middleware -> erp_api -> erp_posting,
 * injecting at most one fault, and records what was injected. `outage` is the plant's network outage
 * at the event's time, if any: the gateway forwards the event only once the link is back.
 */
export function emitMessage(ctx: MessageContext, rng: Random, msg: SimMessage, outage: Interval | undefined): void {
  const { options, out } = ctx;
  ctx.out.deviceEvents.push(msg.event);
  const t = msg.timeMs;
  const fault = drawFault(rng, ctx.faultCumulative);
  const lat = options.stageLatency;
  // Six stage durations, then a transient ERP failure and its backoff (0 when there is none).
  const d = [
    stageDuration(rng, lat.device),
    stageDuration(rng, lat.gateway),
    stageDuration(rng, lat.broker),
    stageDuration(rng, lat.middleware),
    stageDuration(rng, lat.erp_api),
    stageDuration(rng, lat.erp_posting),
    0,
    0,
  ];
  const transient =
    rng.next() < options.transientRetryRate &&
    (fault === null || fault === 'wrong_quantity' || fault === 'late_posting' || fault === 'orphan_posting');
  if (transient) {
    d[6] = rng.lognormal(1_500, 0.5);
    d[7] = rng.uniform(5_000, 20_000);
  }
  const slaMs = options.slaMinutes[msg.flow] * MINUTE_MS;
  capTotal(d, slaMs * NATURAL_SHARE_OF_SLA);
  for (let i = 0; i < d.length; i++) d[i] = Math.max(1, Math.round(d[i]));

  const wrong =
    fault === 'wrong_quantity'
      ? wrongQuantity(
          rng,
          msg.plantQty,
          msg.erpQty,
          msg.material !== null && msg.material.toErpFactor !== 1,
          msg.flow === 'maintenance_request',
        )
      : null;
  const chain = new HopChain(msg, out.hops, out.erpPostings, wrong ? wrong.quantity : msg.erpQty, ctx.time);
  const workCenter = { work_center: msg.asset.line };

  let parent = chain.add(0, t, t + d[0], 'ok', 1, null, null, null);
  let cursor = t + d[0];
  let gatewayAttributes: Record<string, string | number | boolean> | null = null;
  if (outage) {
    // Store and forward: the backlog flushes in event order over flushSeconds once the link is back.
    const share = (t - outage.startMs) / (outage.endMs - outage.startMs);
    const released = outage.endMs + Math.round(share * options.outages.flushSeconds * 1000);
    if (released > cursor) {
      gatewayAttributes = { buffered: true, buffered_ms: released - t, outage_start: new Date(outage.startMs).toISOString() };
      cursor = released;
    }
  }
  const drop = fault === 'dropped_message' ? DROP_STAGES[rng.weighted(DROP_WEIGHTS)] : null;
  const fail = fault === 'failed_hop' ? FAIL_STAGES[rng.weighted(FAIL_WEIGHTS)] : null;

  for (let s = 1; s < ERP_POSTING; s++) {
    const stage = SIM_STAGES[s];
    const attrs = s === 1 ? gatewayAttributes : null;
    if (drop && drop.stage === stage) {
      chain.add(s, cursor, cursor + d[s], 'dropped', 1, drop.error, attrs, parent);
      truth(ctx, msg, 'dropped_message', cursor, [], `dropped at ${stage}: ${drop.error.code}`);
      return;
    }
    if (fail && fail.stage === stage) {
      const error = rng.pick(fail.errors);
      const attempts = rng.int(2, 4);
      const firstAt = cursor;
      for (let a = 1; a <= attempts; a++) {
        const took = a === 1 ? d[s] : Math.max(1, Math.round(d[s] * rng.uniform(0.5, 1.5)));
        chain.add(s, cursor, cursor + took, a < attempts ? 'retry' : 'error', a, error, attrs, parent);
        cursor += took + 10_000 * 2 ** (a - 1); // exponential backoff before the next attempt
      }
      truth(ctx, msg, 'failed_hop', firstAt, [], `${stage} failed after ${attempts} attempts: ${error.code}`);
      return;
    }
    if (s === ERP_API && (fault === 'duplicate_posting' || fault === 'reversal_of_duplicate')) {
      emitDuplicate(ctx, rng, msg, chain, parent, cursor, d, fault, slaMs, outage);
      return;
    }
    let attempt = 1;
    if (s === ERP_API && transient) {
      chain.add(s, cursor, cursor + d[6], 'retry', 1, TRANSIENT_ERROR, null, parent);
      cursor += d[6] + d[7];
      attempt = 2;
    }
    parent = chain.add(s, cursor, cursor + d[s], 'ok', attempt, null, attrs, parent);
    cursor += d[s];
  }

  let postedAt = cursor + d[ERP_POSTING];
  if (fault === 'late_posting') postedAt = Math.max(postedAt, t + slaMs + Math.round(rng.uniform(1, 60) * MINUTE_MS));
  const doc = chain.documentId('1');
  chain.add(ERP_POSTING, cursor, postedAt, 'ok', 1, null, { document_id: doc }, parent);
  chain.post(doc, postedAt, wrong ? wrong.quantity : msg.erpQty, msg.eventId, null, workCenter);
  if (fault === 'late_posting') {
    truth(
      ctx,
      msg,
      'late_posting',
      postedAt,
      [doc],
      `posted ${minutes(postedAt - t)} min after the event; SLA ${options.slaMinutes[msg.flow]} min`,
    );
  } else lateByOutage(ctx, msg, doc, postedAt, slaMs, outage);
  if (wrong) {
    truth(
      ctx,
      msg,
      'wrong_quantity',
      postedAt,
      [doc],
      `${wrong.how}: ${wrong.quantity} ${msg.erpUnit} instead of ${msg.erpQty} ${msg.erpUnit}`,
    );
  }
  if (fault === 'orphan_posting') emitOrphan(ctx, rng, msg, chain);
}

/** A manual entry for the same order: it references no event, or one the plant never sent. */
function emitOrphan(ctx: MessageContext, rng: Random, msg: SimMessage, chain: HopChain): void {
  // E-P1-L1-A1-498568-M7 looks like an event id, but generated ids never have a letter there.
  const ref = rng.next() < 0.5 ? null : `E-${msg.asset.id}-${msg.eventId.split('-').slice(-2).join('-M')}`;
  const at = msg.timeMs + Math.round(rng.uniform(1, 60) * MINUTE_MS);
  const orphanDoc = chain.documentId('M');
  chain.post(orphanDoc, at, msg.erpQty * rng.int(1, 5), ref, null, { work_center: msg.asset.line, entered_by: 'manual' });
  ctx.truth.push({
    anchorMs: msg.timeMs,
    record: {
      fault_id: `GT-${msg.eventId}-orphan_posting`,
      fault_type: 'orphan_posting',
      plant: msg.asset.plant,
      line: msg.asset.line,
      flow: msg.flow,
      device_event_id: ref ?? '',
      document_ids: [orphanDoc],
      correlation_id: '',
      injected_at: isoFromMs(at),
      details: ref ? `manual posting referencing unknown device event ${ref}` : 'manual posting without a device event reference',
    },
  });
}

function minutes(ms: number): string {
  return (ms / MINUTE_MS).toFixed(1);
}

/** A late posting nobody injected: the outage's buffering delayed it past the SLA. */
function lateByOutage(
  ctx: MessageContext,
  msg: SimMessage,
  doc: string,
  postedAt: number,
  slaMs: number,
  outage: Interval | undefined,
): void {
  if (postedAt - msg.timeMs <= slaMs) return;
  const cause = outage
    ? `network outage of ${msg.asset.plant} ${isoFromMs(outage.startMs)} to ${isoFromMs(outage.endMs)}`
    : 'latency';
  truth(
    ctx,
    msg,
    'late_posting',
    postedAt,
    [doc],
    `${cause}: posted ${minutes(postedAt - msg.timeMs)} min after the event; SLA ${slaMs / MINUTE_MS} min`,
    OUTAGE_SUFFIX,
  );
}

/**
 * The ERP answers too slowly, the middleware times out and retries, and the ERP posts twice. For a
 * reversal_of_duplicate someone later cancels the second document by hand.
 */
function emitDuplicate(
  ctx: MessageContext,
  rng: Random,
  msg: SimMessage,
  chain: HopChain,
  parent: string,
  start: number,
  d: readonly number[],
  fault: 'duplicate_posting' | 'reversal_of_duplicate',
  slaMs: number,
  outage: Interval | undefined,
): void {
  const workCenter = { work_center: msg.asset.line };
  const first = chain.add(ERP_API, start, start + ERP_CLIENT_TIMEOUT_MS, 'retry', 1, TIMEOUT_ERROR, null, parent);
  const postStart = start + Math.min(d[ERP_API], ERP_CLIENT_TIMEOUT_MS - 1_000);
  const firstPostedAt = postStart + d[ERP_POSTING];
  const doc1 = chain.documentId('1');
  chain.add(ERP_POSTING, postStart, firstPostedAt, 'ok', 1, null, { document_id: doc1 }, first);
  chain.post(doc1, firstPostedAt, msg.erpQty, msg.eventId, null, workCenter);
  lateByOutage(ctx, msg, doc1, firstPostedAt, slaMs, outage);

  const retryAt = start + ERP_CLIENT_TIMEOUT_MS + Math.round(rng.uniform(2_000, 10_000));
  const retryEnd = retryAt + Math.round(Math.min(rng.lognormal(800, 0.5), 20_000));
  const second = chain.add(ERP_API, retryAt, retryEnd, 'ok', 2, null, null, parent);
  const secondPostedAt = retryEnd + Math.round(Math.min(rng.lognormal(1_500, 0.5), 60_000));
  const doc2 = chain.documentId('2');
  chain.add(ERP_POSTING, retryEnd, secondPostedAt, 'ok', 2, null, { document_id: doc2 }, second);
  chain.post(doc2, secondPostedAt, msg.erpQty, msg.eventId, null, workCenter);

  if (fault === 'duplicate_posting') {
    truth(ctx, msg, fault, secondPostedAt, [doc1, doc2], 'ERP API timed out, the retry posted again');
    return;
  }
  // Negative quantity, so a plain sum per order nets out as the books do.
  const reversedAt = secondPostedAt + Math.round(rng.uniform(10, 240) * MINUTE_MS);
  const doc3 = chain.documentId('R');
  chain.post(doc3, reversedAt, -msg.erpQty, msg.eventId, doc2, {
    work_center: msg.asset.line,
    entered_by: 'manual',
    reversal_reason: 'duplicate',
  });
  truth(
    ctx,
    msg,
    fault,
    reversedAt,
    [doc1, doc2, doc3],
    `duplicate ${doc2} reversed by ${doc3} after ${minutes(reversedAt - secondPostedAt)} min`,
  );
}
