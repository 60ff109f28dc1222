/**
 * Epoch milliseconds to `2026-11-21T07:00:00.123Z`, like Date#toISOString but several times faster:
 * a 30-day backfill formats tens of millions of timestamps.
 */
const DAY_MS = 86_400_000;
const TWO = Array.from({ length: 60 }, (_, i) => String(i).padStart(2, '0'));
const MILLIS_Z = Array.from({ length: 1000 }, (_, i) => String(i).padStart(3, '0') + 'Z');

let cachedDay = Number.NaN;
let cachedDayPrefix = '';
// A window's times fall in few distinct seconds, and each message's hops in a handful: caching
// `2026-11-21T07:00:00.` per second (direct-mapped) leaves one short concatenation per timestamp,
// which measured 3-4x faster than building the whole string each time.
const SECONDS = 4096;
const secondKeys = new Float64Array(SECONDS).fill(Number.NaN);
const secondPrefixes = new Array<string>(SECONDS).fill('');

function secondPrefix(second: number): string {
  const slot = second & (SECONDS - 1);
  if (secondKeys[slot] === second) return secondPrefixes[slot];
  const day = Math.floor(second / 86_400);
  if (day !== cachedDay) {
    cachedDay = day;
    cachedDayPrefix = new Date(day * DAY_MS).toISOString().slice(0, 11);
  }
  let r = second - day * 86_400;
  const h = Math.floor(r / 3600);
  r -= h * 3600;
  const m = Math.floor(r / 60);
  const prefix = cachedDayPrefix + TWO[h] + ':' + TWO[m] + ':' + TWO[r - m * 60] + '.';
  secondKeys[slot] = second;
  secondPrefixes[slot] = prefix;
  return prefix;
}

export function isoFromMs(epochMs: number): string {
  const ms = Math.floor(epochMs);
  const second = Math.floor(ms / 1000);
  return secondPrefix(second) + MILLIS_Z[ms - second * 1000];
}

/** How a record's times are written (SimulatorOptions.timestampFormat). */
export type TimeWriter = (epochMs: number) => string | number;

const asEpochMs: TimeWriter = (epochMs) => Math.floor(epochMs);

export function timeWriter(format: 'iso' | 'epoch_ms'): TimeWriter {
  return format === 'epoch_ms' ? asEpochMs : isoFromMs;
}
