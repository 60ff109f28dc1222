import { describe, expect, it } from 'vitest';
import { Random, streamSeed } from './random';

function draws(seed: number, n: number): number[] {
  const r = new Random(seed);
  return Array.from({ length: n }, () => r.next());
}

describe('Random', () => {
  it('repeats its sequence for the same seed and differs for another', () => {
    expect(draws(42, 100)).toEqual(draws(42, 100));
    expect(draws(42, 100)).not.toEqual(draws(43, 100));
  });

  it('draws uniformly in [0, 1)', () => {
    const xs = draws(7, 100_000);
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...xs)).toBeLessThan(1);
    const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
    expect(mean).toBeGreaterThan(0.495);
    expect(mean).toBeLessThan(0.505);
    const deciles = new Array<number>(10).fill(0);
    for (const x of xs) deciles[Math.floor(x * 10)]++;
    for (const c of deciles) expect(Math.abs(c - 10_000)).toBeLessThan(500);
  });

  it('int covers both bounds and nothing outside', () => {
    const r = new Random(3);
    const seen = new Set<number>();
    for (let i = 0; i < 10_000; i++) seen.add(r.int(2, 5));
    expect([...seen].sort()).toEqual([2, 3, 4, 5]);
  });

  it('lognormal has the requested median and a long right tail', () => {
    const r = new Random(11);
    const xs = Array.from({ length: 50_000 }, () => r.lognormal(1000, 1)).sort((a, b) => a - b);
    const median = xs[xs.length / 2];
    expect(median).toBeGreaterThan(950);
    expect(median).toBeLessThan(1050);
    const p99 = xs[Math.floor(xs.length * 0.99)];
    expect(p99 / median).toBeGreaterThan(8); // exp(2.33) = 10.3
    expect(p99 / median).toBeLessThan(13);
  });

  it('bernoulli, weighted and exponential follow their parameters', () => {
    const r = new Random(5);
    let hits = 0;
    for (let i = 0; i < 100_000; i++) if (r.bernoulli(0.02)) hits++;
    expect(Math.abs(hits - 2000)).toBeLessThan(5 * Math.sqrt(2000));
    const counts = [0, 0, 0];
    for (let i = 0; i < 60_000; i++) counts[r.weighted([1, 0, 2])]++;
    expect(counts[1]).toBe(0);
    expect(Math.abs(counts[2] / counts[0] - 2)).toBeLessThan(0.1);
    let sum = 0;
    for (let i = 0; i < 100_000; i++) sum += r.exponential(30);
    expect(Math.abs(sum / 100_000 - 30)).toBeLessThan(0.5);
  });

  it('derives distinct stream seeds from each part', () => {
    const seeds = new Set<number>();
    for (let a = 0; a < 50; a++) for (let slot = 0; slot < 50; slot++) seeds.add(streamSeed(1, 2, a, slot));
    expect(seeds.size).toBe(2500);
    expect(streamSeed(1, 2, 3, 4, 5)).toBe(streamSeed(1, 2, 3, 4, 5));
    expect(streamSeed(1, 2, 3, 4, 5)).not.toBe(streamSeed(2, 2, 3, 4, 5));
    expect(streamSeed(1, 2, 3, 4, 5)).not.toBe(streamSeed(1, 2, 3, 5, 4));
  });
});
