import type { SimulatedBatch } from './simulated-batch';

/**
 * When each device event reaches the system (epoch ms, by event id): the gateway hop's start, which
 * is later than the event time after a network outage. A live runner sends the event then, not at
 * event_time, or buffered data would arrive on time and the outage would be invisible.
 */
export function deviceEventArrivals(batch: SimulatedBatch): Map<string, number> {
  const out = new Map<string, number>();
  for (const h of batch.hops) {
    if (h.stage === 'gateway' && h.business_key && !out.has(h.business_key))
      out.set(h.business_key, typeof h.start_time === 'number' ? h.start_time : Date.parse(h.start_time));
  }
  return out;
}
