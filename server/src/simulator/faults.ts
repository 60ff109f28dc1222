import type { Random } from './random';
import type { SimulatorOptions } from './simulator-options';
import { MESSAGE_FAULT_TYPES, type MessageFaultType, type SimStage } from './simulator-vocabulary';

/** Cumulative per-message rates, in MESSAGE_FAULT_TYPES order, for one uniform draw per message. */
export function cumulativeFaultRates(options: SimulatorOptions): number[] {
  let acc = 0;
  return MESSAGE_FAULT_TYPES.map((t) => (acc += options.faultRates[t]));
}

/** At most one fault per message; rates are exact because the draws partition [0, 1). */
export function drawFault(rng: Random, cumulative: readonly number[]): MessageFaultType | null {
  const u = rng.next();
  for (let i = 0; i < cumulative.length; i++) if (u < cumulative[i]) return MESSAGE_FAULT_TYPES[i];
  return null;
}

export interface HopError {
  code: string;
  message: string;
}

/** Where a message gets lost, and what the system there says about it. */
export const DROP_STAGES: readonly { stage: SimStage; weight: number; error: HopError }[] = [
  { stage: 'gateway', weight: 2, error: { code: 'GW_BUFFER_OVERFLOW', message: 'edge buffer full; oldest messages discarded' } },
  {
    stage: 'broker',
    weight: 3,
    error: { code: 'BROKER_TTL_EXPIRED', message: 'message expired in the queue before a consumer took it' },
  },
  {
    stage: 'middleware',
    weight: 3,
    error: { code: 'MW_NO_ROUTE', message: 'message filtered: no route for this event type and plant' },
  },
  {
    stage: 'erp_api',
    weight: 2,
    error: { code: 'ERP_REQUEST_LOST', message: 'connection reset; request never reached the ERP' },
  },
];
export const DROP_WEIGHTS = DROP_STAGES.map((d) => d.weight);

/** Where a message fails for good after retries, and the errors seen there. */
export const FAIL_STAGES: readonly { stage: SimStage; weight: number; errors: readonly HopError[] }[] = [
  {
    stage: 'middleware',
    weight: 3,
    errors: [
      { code: 'MW_MAPPING_ERROR', message: 'no ERP mapping for this material and plant' },
      { code: 'MW_SCHEMA_INVALID', message: 'payload failed schema validation' },
    ],
  },
  {
    stage: 'erp_api',
    weight: 7,
    errors: [
      { code: 'ERP_422_ORDER_LOCKED', message: 'production order is locked by another user' },
      { code: 'ERP_409_PERIOD_CLOSED', message: 'posting period is closed' },
      { code: 'ERP_422_MATERIAL_BLOCKED', message: 'material is blocked for posting in this plant' },
    ],
  },
];
export const FAIL_WEIGHTS = FAIL_STAGES.map((f) => f.weight);

export const TRANSIENT_ERROR: HopError = { code: 'ERP_503_UNAVAILABLE', message: 'ERP API temporarily unavailable' };
export const TIMEOUT_ERROR: HopError = {
  code: 'ERP_TIMEOUT',
  message: 'no answer within 30 s; retrying (the ERP had posted it)',
};
/** The middleware's client timeout towards the ERP API: what turns a slow call into a duplicate. */
export const ERP_CLIENT_TIMEOUT_MS = 30_000;

/**
 * A wrong ERP quantity, far enough off that a per-order, per-hour comparison sees it too: the
 * middleware did not convert the unit, or an extra digit slipped in; maintenance requests book 0.
 */
export function wrongQuantity(
  rng: Random,
  plantQty: number,
  erpQty: number,
  converted: boolean,
  isMaintenance: boolean,
): { quantity: number; how: string } {
  if (isMaintenance) return { quantity: 0, how: 'booked 0 instead of 1' };
  if (converted && rng.next() < 0.5) return { quantity: plantQty, how: 'plant quantity booked without unit conversion' };
  return { quantity: erpQty * 10, how: 'extra digit: booked 10x the quantity' };
}
