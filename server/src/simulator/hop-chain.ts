import type { ErpPostingInput } from '../ingest/records/erp-posting.record';
import type { HopInput } from '../ingest/records/hop.record';
import type { SimMessage } from './event-factory';
import type { HopError } from './faults';
import type { TimeWriter } from './iso-time';
import { POSTING_TYPE, SIM_STAGES, type SimStage } from './simulator-vocabulary';

type Attributes = Record<string, string | number | boolean>;

const deviceSystems = new Map<string, string>();
const gatewaySystems = new Map<string, string>();

function cached(cache: Map<string, string>, key: string, make: () => string): string {
  let v = cache.get(key);
  if (v === undefined) cache.set(key, (v = make()));
  return v;
}

/** The system that handles each stage; devices and gateways are named after their asset and plant. */
function systemOf(stage: SimStage, msg: SimMessage): string {
  switch (stage) {
    case 'device':
      return cached(deviceSystems, msg.asset.id, () => `plc-${msg.asset.id}`);
    case 'gateway':
      return cached(gatewaySystems, msg.asset.plant, () => `edge-gw-${msg.asset.plant}`);
    case 'broker':
      return 'mqtt-broker';
    case 'middleware':
      return 'ipaas-flows';
    case 'erp_api':
      return 'erp-odata-api';
    default:
      return 'erp-core';
  }
}

/**
 * Writes one message's hops and postings. Hop ids are the correlation id plus a sequence number:
 * unique, and stable for a given seed so re-sent batches collapse at ingest.
 */
export class HopChain {
  private seq = 0;

  constructor(
    private readonly msg: SimMessage,
    private readonly hops: HopInput[],
    private readonly postings: ErpPostingInput[],
    /** Quantity the ERP stages carry: differs from msg.erpQty when the mapping is wrong. */
    private readonly erpQty: number,
    private readonly time: TimeWriter,
  ) {}

  /** Adds a hop under `parent` and returns its id. */
  add(
    stageIndex: number,
    startMs: number,
    endMs: number,
    status: string,
    attempt: number,
    error: HopError | null,
    attributes: Attributes | null,
    parent: string | null,
  ): string {
    const m = this.msg;
    const stage = SIM_STAGES[stageIndex];
    const erpSide = stageIndex >= 4;
    const hopId = `${m.correlationId}-${++this.seq}`;
    this.hops.push({
      hop_id: hopId,
      correlation_id: m.correlationId,
      parent_hop_id: parent,
      flow: m.flow,
      stage,
      system: systemOf(stage, m),
      plant: m.asset.plant,
      line: m.asset.line,
      asset: m.asset.id,
      order_id: m.orderId,
      material: m.material ? m.material.material : null,
      batch: m.batch,
      event_type: m.event.event_type,
      quantity: erpSide ? this.erpQty : m.plantQty,
      unit: erpSide ? m.erpUnit : m.plantUnit,
      start_time: this.time(startMs),
      end_time: this.time(endMs),
      status,
      error_code: error ? error.code : null,
      error_message: error ? error.message : null,
      attempt,
      business_key: m.eventId,
      // The event itself, shared by every hop of the message: what a replay re-sends. Serialized by
      // whoever sends or stores it (ingest stringifies objects), not here: stringifying each event
      // up front was a fifth of the generation time.
      payload: m.event,
      attributes,
    });
    return hopId;
  }

  documentId(suffix: string): string {
    return `D-${this.msg.eventId.slice(2)}-${suffix}`;
  }

  /** Adds an ERP posting for this message's order and material, in the ERP's unit. */
  post(
    documentId: string,
    postedAtMs: number,
    quantity: number,
    deviceEventId: string | null,
    reverses: string | null,
    attributes: Attributes,
  ): ErpPostingInput {
    const m = this.msg;
    const p: ErpPostingInput = {
      document_id: documentId,
      posted_at: this.time(postedAtMs),
      plant: m.asset.plant,
      flow: m.flow,
      order_id: m.orderId,
      material: m.material ? m.material.material : null,
      posting_type: POSTING_TYPE[m.flow],
      quantity,
      unit: m.erpUnit,
      device_event_id: deviceEventId,
      reverses_document_id: reverses,
      attributes,
    };
    this.postings.push(p);
    return p;
  }
}
