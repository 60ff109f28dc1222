import { deviceEventSpec } from './device-event.record';
import { erpPostingSpec } from './erp-posting.record';
import { hopSpec } from './hop.record';
import type { RecordSpec } from './record-spec';
import type { RecordKind } from '../../domain/vocabulary';

const specs = new Map<string, RecordSpec>();

/**
 * The spec of a record kind written by `source` (see RecordSpec.source), one instance per pair: how a
 * worker thread finds the spec a request was for (ingest/encode/encode.worker.ts).
 */
export function recordSpecFor(kind: RecordKind, source: string): RecordSpec {
  const key = `${kind}\u0000${source}`;
  let spec = specs.get(key);
  if (!spec) {
    if (kind === 'hops') spec = hopSpec;
    else if (kind === 'device_events') spec = deviceEventSpec(source);
    else spec = erpPostingSpec(source);
    specs.set(key, spec);
  }
  return spec;
}
