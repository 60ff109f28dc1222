import type { DeviceEventInput } from '../ingest/records/device-event.record';
import type { ErpPostingInput } from '../ingest/records/erp-posting.record';
import type { HopInput } from '../ingest/records/hop.record';
import type { FaultType } from './simulator-vocabulary';

/**
 * What was injected, so findings can be scored against it. Also lists late postings that nobody
 * injected but that a network outage caused (fault_id ends with OUTAGE_SUFFIX): the reconciliation
 * will rightly report them, so the truth must contain them.
 */
export interface GroundTruthRecord {
  fault_id: string;
  fault_type: FaultType;
  plant: string;
  line: string;
  flow: string;
  /** The affected device event; for an orphan, the unknown id its posting references ('' for none). */
  device_event_id: string;
  document_ids: string[];
  /** '' when no message carries the fault (orphan_posting, silent_line). */
  correlation_id: string;
  /** When the fault showed: the dropped or failed hop, the faulty posting, or the start of a silence. */
  injected_at: string;
  details: string;
}

export const OUTAGE_SUFFIX = ':outage';

/** True for a late posting caused by a network outage's buffering rather than injected on purpose. */
export function isOutageConsequence(record: GroundTruthRecord): boolean {
  return record.fault_id.endsWith(OUTAGE_SUFFIX);
}

/**
 * Everything one window produced. Hops and postings that happen after the window's end (latency,
 * late and reversal postings) belong to the window of their device event: nothing is lost or
 * repeated between windows, and a live runner sends each record when its own time comes.
 */
export interface SimulatedBatch {
  deviceEvents: DeviceEventInput[];
  hops: HopInput[];
  erpPostings: ErpPostingInput[];
  groundTruth: GroundTruthRecord[];
}

/** A plant's network outage (the edge gateway buffered meanwhile). Not a fault: late data is normal. */
export interface NetworkOutage {
  plant: string;
  start: string;
  end: string;
  startMs: number;
  endMs: number;
}
