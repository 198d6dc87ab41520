import { describe, expect, it } from 'vitest';
import { analyzeActivity } from '../../src/lib';
import type { ChatExport, ChatRecord } from '../../src/lib/health/chat';
import { groupTable } from '../../src/lib/health/groups';
import { lifecycle } from '../../src/lib/health/lifecycle';
import { mergeExports, toActivityEvents, topSenders } from '../../src/lib/health/merge';
import { presenceTiers } from '../../src/lib/health/presence';
import { responseTimes } from '../../src/lib/health/response';
import { rhythm } from '../../src/lib/health/rhythm';

/** `n` rows from 5,000 members in 20 groups over 180 days, one export per group: every 50th a system row, every 10th a question, each next row its reply. */
function synthetic(n: number): ChatExport[] {
  const start = Date.UTC(2026, 0, 1);
  const byGroup: ChatRecord[][] = Array.from({ length: 20 }, () => []);
  for (let i = 0; i < n; i++) {
    const g = i % 20;
    const r: ChatRecord = { member: `wxid_${(i * 7919) % 5000}`, name: `N${i % 97}`, group: `g${g}`, at: start + ((i * 104_729) % (180 * 1440)) * 60_000, kind: i % 50 === 0 ? 'system' : 'message', id: String(i) };
    if (i % 10 === 0) r.question = true;
    if (i % 10 === 1) r.replyTo = String(i - 1);
    byGroup[g]!.push(r);
  }
  return byGroup.map((records, g) => ({ format: 'test', groups: [{ id: `g${g}` }], records, roster: [], time: null }));
}

/** Every chat analysis once, as the worker will run them; returns what each produced. */
function runAll(exports: ChatExport[]) {
  const senders = topSenders(exports.flatMap((e) => e.records));
  const merged = mergeExports(exports, { exclude: new Set([senders[0]!.member]) });
  const events = toActivityEvents(merged);
  const table = groupTable(merged.records, merged.roster, { groups: merged.groups });
  const months = lifecycle(merged.records);
  const grid = rhythm(merged.records);
  const replies = responseTimes(merged.records);
  const presence = presenceTiers(merged.records);
  return { merged, events, table, months, grid, replies, presence };
}

describe('chat analyses at scale', () => {
  // Wall-clock limits are unreliable on this shared 2-core machine (load averages near 20 were seen), so the
  // budget is set against analyzeActivity on the same data, whose contract is 1,000,000 events in 1.5 s:
  // all chat analyses together may take at most 8 times as long (≈ 2 s for 200,000 records on a quiet machine).
  it('runs every chat analysis on 200,000 records within 8 × the time of analyzeActivity', { timeout: 60_000 }, () => {
    const exports = synthetic(200_000);
    runAll(synthetic(20_000)); // warm the JIT so that neither side pays for compilation
    analyzeActivity(toActivityEvents(mergeExports(synthetic(20_000))));
    const t0 = performance.now();
    const out = runAll(exports);
    const t1 = performance.now();
    const report = analyzeActivity(out.events);
    const t2 = performance.now();
    // Member k writes rows i ≡ k × 7919⁻¹ (mod 5000), all with one residue mod 50: the 100 members whose rows are
    // every 50th row write only system rows. 5,000 − 100 − the one excluded top sender = 4,899 speakers.
    expect(report.members).toBe(4899);
    expect(out.table.rows).toHaveLength(21);
    expect(out.months.map((m) => m.month)).toEqual(['2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06']);
    expect(out.grid.total).toBe(out.merged.records.filter((r) => r.kind === 'message').length);
    expect(out.replies.available).toBe(true);
    expect(out.presence.tierOf.size).toBe(4899);
    expect(t1 - t0).toBeLessThan(8 * (t2 - t1));
  });
});
