/** The simulator's fixed names: the flows it models, the faults it injects, the stages a message takes. */
import { BASE_STAGES } from '../domain/vocabulary';

export const SIM_FLOWS = ['production_confirmation', 'goods_receipt', 'scrap_posting', 'maintenance_request'] as const;
export type SimFlow = (typeof SIM_FLOWS)[number];

/** Every message passes these stages in this order, one hop each (the product's base stages). */
export const SIM_STAGES = BASE_STAGES;
export type SimStage = (typeof SIM_STAGES)[number];

export const FAULT_TYPES = [
  'dropped_message',
  'duplicate_posting',
  'wrong_quantity',
  'late_posting',
  'orphan_posting',
  'failed_hop',
  'reversal_of_duplicate',
  'silent_line',
] as const;
export type FaultType = (typeof FAULT_TYPES)[number];

/**
 * Faults drawn once per message, mutually exclusive (so their rates must sum to at most 1): one message
 * cannot be both dropped and posted twice, and a clean one-to-one ground truth is easier to score.
 * silent_line is drawn per line and hour instead.
 */
export const MESSAGE_FAULT_TYPES = [
  'dropped_message',
  'duplicate_posting',
  'wrong_quantity',
  'late_posting',
  'orphan_posting',
  'failed_hop',
  'reversal_of_duplicate',
] as const satisfies readonly FaultType[];
export type MessageFaultType = (typeof MESSAGE_FAULT_TYPES)[number];

/** The ERP posting type each flow books (same names as the flows, as the issue specifies). */
export const POSTING_TYPE: Record<SimFlow, string> = {
  production_confirmation: 'production_confirmation',
  goods_receipt: 'goods_receipt',
  scrap_posting: 'scrap_posting',
  maintenance_request: 'maintenance_request',
};
