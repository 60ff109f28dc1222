import { describe, expect, it } from 'vitest';
import type { SoakResult } from '../../bench/soak-run.mjs';

/**
 * The soak of `npm run bench -- soak` (bench/soak-run.mjs), one minute long: the built server with the
 * demo at 10x, steady ingest, the dashboard's queries, and a fault every 15 s (Redis restart, server
 * SIGKILL and restart, engine SIGKILL). Every acknowledged record is stored exactly once as a reader
 * sees it, and nothing answers 5xx outside the faults.
 */
describe('soak with faults', () => {
  it('loses and duplicates nothing acknowledged through a Redis restart, a server SIGKILL and an engine SIGKILL', async () => {
    const { runSoak } = await import('../../bench/soak-run.mjs');
    const lines: string[] = [];
    let result: SoakResult;
    try {
      result = await runSoak({ durationSeconds: 60, faultEverySeconds: 15, log: (l) => lines.push(l) });
    } catch (err) {
      throw new Error(`${(err as Error).message}\n${lines.join('\n')}`, { cause: err });
    }
    const shown = JSON.stringify(result, null, 1);
    expect(result.faults.map((f) => f.kind).sort(), shown).toEqual(['engine', 'redis', 'server']);
    expect(result.acked, shown).toBeGreaterThan(1000);
    expect(result.lost, shown).toBe(0);
    expect(result.duplicated, shown).toBe(0);
    expect(result.errors_5xx_outside_faults, shown).toBe(0);
    // The killed server's engine ended within a few seconds, under this load, and freed its data directory.
    expect(result.engine_gone_after_server_kill_max_ms, shown).toBeLessThanOrEqual(3000);
  }, 600_000);
});
