// analyzeActivity on synthetic exports of 100k and 1M events (contract target: 1M in under 1.5 s in Node).
// A million events take about a second, so each size is timed over a handful of runs, not a full bench.
import { expect, test } from 'vitest';
import { analyzeActivity, type ActivityEvent } from '../../src/lib';

/** Deterministic pseudo-random export: members active with different habits over six months. */
function syntheticExport(count: number, members: number, seed = 42): ActivityEvent[] {
  let s = seed;
  const rand = () => ((s = (s * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648);
  const start = Date.UTC(2025, 9, 1) / 86_400_000;
  const out: ActivityEvent[] = new Array(count);
  for (let i = 0; i < count; i++) {
    const m = Math.floor(rand() ** 2 * members); // a few members are far more active
    const d = start + Math.floor(rand() * 182);
    out[i] = { member: `m${m}`, date: new Date(d * 86_400_000).toISOString().slice(0, 10) };
  }
  return out;
}

for (const [count, members, limit] of [
  [100_000, 8_000, 300],
  [1_000_000, 50_000, 1_500],
] as const) {
  test(`analyzeActivity, ${count.toLocaleString('en')} events`, () => {
    const events = syntheticExport(count, members);
    const times: number[] = [];
    for (let i = 0; i < 3; i++) {
      const t0 = performance.now();
      const r = analyzeActivity(events, { asOf: '2026-03-31' });
      times.push(performance.now() - t0);
      expect(r.members).toBeGreaterThan(0);
    }
    const median = times.sort((a, b) => a - b)[1]!;
    console.log(`analyzeActivity ${count} events: median ${median.toFixed(0)} ms`);
    expect(median).toBeLessThan(limit);
  }, 60_000);
}
