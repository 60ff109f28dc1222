/**
 * Tags of the independent random streams (the first part of streamSeed after the seed). Each kind of
 * decision has its own, so e.g. changing fault rates does not move event times. Keep them distinct.
 */
export const STREAM = {
  arrivals: 1,
  event: 2,
  outage: 3,
  silence: 4,
  asset: 5,
  order: 6,
} as const;
