import type { DeviceEventInput } from '../ingest/records/device-event.record';
import type { TimeWriter } from './iso-time';
import {
  orderAt,
  toErpQuantity,
  type MaterialMaster,
  type PlantModel,
  type ProductionOrder,
  type SimAsset,
  type SimLine,
} from './plant-model';
import type { Random } from './random';
import { shiftAt } from './calendar';
import type { SimulatorOptions } from './simulator-options';
import type { SimFlow } from './simulator-vocabulary';
import { SLOT_MS } from './disturbances';

/** One machine event and everything its hops and postings repeat. */
export interface SimMessage {
  event: DeviceEventInput;
  eventId: string;
  /** 32 hex digits like a trace id, unique per event (asset, hour, sequence), so OTLP views fit. */
  correlationId: string;
  timeMs: number;
  flow: SimFlow;
  asset: SimAsset;
  material: MaterialMaster | null;
  orderId: string | null;
  batch: string | null;
  plantQty: number;
  plantUnit: string;
  erpQty: number;
  erpUnit: string;
}

/** Share of production events that close a batch (and report its full quantity). */
const BATCH_COMPLETE_SHARE = 0.05;
/** Weighed materials report kilograms: one "piece" of a cycle weighs this much. */
const KG_PER_PIECE = 12.5;

const HEX2 = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

function hex8(n: number): string {
  return HEX2[(n >>> 24) & 255] + HEX2[(n >>> 16) & 255] + HEX2[(n >>> 8) & 255] + HEX2[n & 255];
}

/** Remembers the current order per line: consecutive events on a line nearly always share it. */
export class OrderCache {
  private readonly byLine: (ProductionOrder | undefined)[] = [];

  constructor(private readonly model: PlantModel) {}

  at(line: SimLine, lineIndex: number, epochMs: number): ProductionOrder {
    const o = this.byLine[lineIndex];
    if (o && epochMs >= o.startMs && epochMs < o.endMs) return o;
    const fresh = orderAt(this.model, line, epochMs);
    this.byLine[lineIndex] = fresh;
    return fresh;
  }
}

export function createMessage(
  rng: Random,
  options: SimulatorOptions,
  flow: SimFlow,
  asset: SimAsset,
  order: ProductionOrder,
  timeMs: number,
  slot: number,
  k: number,
  time: TimeWriter,
): SimMessage {
  const eventId = `E-${asset.id}-${slot}-${k}`;
  const correlationId = hex8(asset.key) + hex8(slot) + hex8(k) + hex8(Math.imul(asset.key ^ slot, 0x9e3779b1) ^ k);
  const shift = shiftAt(options.shifts, timeMs).name;
  if (flow === 'maintenance_request') {
    const event: DeviceEventInput = {
      event_id: eventId,
      event_time: time(timeMs),
      plant: asset.plant,
      line: asset.line,
      asset: asset.id,
      order_id: null,
      material: null,
      event_type: 'maintenance_alert',
      quantity: 1,
      unit: 'EA',
      attributes: { flow, shift },
    };
    return {
      event,
      eventId,
      correlationId,
      timeMs,
      flow,
      asset,
      material: null,
      orderId: null,
      batch: null,
      plantQty: 1,
      plantUnit: 'EA',
      erpQty: 1,
      erpUnit: 'EA',
    };
  }
  const material = order.material;
  let eventType: string;
  let pieces: number;
  if (flow === 'production_confirmation') {
    const batchDone = rng.next() < BATCH_COMPLETE_SHARE;
    eventType = batchDone ? 'batch_complete' : 'cycle_complete';
    pieces = batchDone ? 12 * rng.int(2, 10) : asset.piecesPerCycle;
  } else if (flow === 'goods_receipt') {
    eventType = 'goods_receipt';
    pieces = 12 * rng.int(1, 10);
  } else {
    eventType = 'scrap';
    pieces = rng.int(1, 3);
  }
  const plantQty = material.plantUnit === 'KG' ? pieces * KG_PER_PIECE : pieces;
  const batch = `${order.id}-${slot - Math.floor(order.startMs / SLOT_MS) + 1}`;
  const event: DeviceEventInput = {
    event_id: eventId,
    event_time: time(timeMs),
    plant: asset.plant,
    line: asset.line,
    asset: asset.id,
    order_id: order.id,
    material: material.material,
    event_type: eventType,
    quantity: plantQty,
    unit: material.plantUnit,
    attributes: { flow, shift, batch },
  };
  return {
    event,
    eventId,
    correlationId,
    timeMs,
    flow,
    asset,
    material,
    orderId: order.id,
    batch,
    plantQty,
    plantUnit: material.plantUnit,
    erpQty: toErpQuantity(material, plantQty),
    erpUnit: material.erpUnit,
  };
}
