/**
 * The health check's figures from a stream of (member, day) events, without keeping the events: what is kept
 * grows with the members (about 150 bytes each), not with the rows, so a file of tens of millions of rows
 * fits in a browser tab. Fed the same events, `result()` equals `analyzeActivity` (no `known` members) and
 * `memberTiers` exactly; tests/unit/stream-aggregate.test.ts checks that on random events.
 *
 * What is kept per member (about 150 bytes): the first and last day, the months with an event (64 bits for the 64 months around
 * the first event's month, a set of member × month beyond them), and the events per day over a 128-day ring.
 * A set entry per event costs more than the rest together, hence the bits. The analysis only looks back 90 days from the latest day
 * (the tiers) and 30 days (MAU, DAU), and the latest day is only known at the end: the ring always covers
 * at least the 96 days before the latest day seen so far, which include the final window. When a later day
 * arrives, the ring moves forward by at least 32 days and the days that fell out are cleared for everyone.
 *
 * Example: add(a, 2026-01-01), add(a, 2026-01-02), add(b, 2026-01-02) → members 2, MAU 2, average DAU 0.1,
 * one cohort 2026-01 [1]; tiers a (2 events), b (1).
 */
import type { ActivityReport, Tier } from '../../activity';
import type { MemberTier } from '../../health';
import { tiers as splitTiers } from '../../tiers';
import { isoOfDay as isoOf, monthOfDay } from '../clock';

const RING = 128;
/** Days of the ring kept ahead of the latest day when it moves, so a forward-moving file moves it rarely. */
const AHEAD = 32;
/** Member × month as one number for the months beyond the 64 bits (month indices stay below 10,000 × 12). */
const MONTHS = 1 << 17;
/** A day's count for one member is a byte; the rare member with more events in one day spills into a map. */
const MAX_SLOT = 0xff;
/** The ring is kept in blocks of this many members (512 KB each): growing never copies it. */
const BLOCK_BITS = 12;
const BLOCK = 1 << BLOCK_BITS;

const monthLabel = (m: number) => `${Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}`;

/**
 * What an aggregator holds, to be sent to another worker and merged there (`merge`): the typed arrays cut to
 * the members seen, the ring's blocks, and the rare spilled counts and far months as pairs.
 */
export interface AggregatorState {
  size: number;
  events: number;
  low: number;
  high: number;
  base: number;
  first: Int32Array;
  last: Int32Array;
  monthsLo: Int32Array;
  monthsHi: Int32Array;
  ring: Uint8Array[];
  spill: [number, number][];
  months: number[];
}

export interface AggregateResult {
  report: ActivityReport;
  members: MemberTier[];
}

export class ActivityAggregator {
  /** Members in order of first appearance; index = the `member` argument of `add`. */
  private size = 0;
  private first = new Int32Array(1024);
  private last = new Int32Array(1024);
  /** The month of each member's latest `add`, to skip the set for runs of the same month. */
  private lastMonth = new Int32Array(1024);
  private readonly ring: Uint8Array[] = [];
  /** Months `base … base + 31` and `base + 32 … base + 63` with an event, one bit each. */
  private monthsLo = new Int32Array(1024);
  private monthsHi = new Int32Array(1024);
  private base = Number.NaN;
  private spill = new Map<number, number>();
  private readonly months = new Set<number>();
  /** The ring holds days `low … low + RING − 1`; NaN before the first event. */
  private low = Number.NaN;
  private high = -Infinity;
  events = 0;

  /** One event of member index `m` (0, 1, 2 … in order of first appearance) on day number `day`. */
  add(m: number, day: number): void {
    this.events++;
    if (m >= this.size) this.grow(m);
    if (day > this.high) this.high = day;
    if (day < this.first[m]!) this.first[m] = day;
    if (day > this.last[m]!) this.last[m] = day;
    const month = monthOfDay(day);
    if (month !== this.lastMonth[m]) {
      this.lastMonth[m] = month;
      this.addMonth(m, month);
    }
    if (Number.isNaN(this.low)) this.low = day - (RING - AHEAD) + 1;
    else if (day >= this.low + RING) this.advance(day - (RING - AHEAD) + 1);
    if (day < this.low) return;
    const block = this.ring[m >> BLOCK_BITS]!;
    const at = ((m & (BLOCK - 1)) * RING) | (day & (RING - 1));
    const n = block[at]!;
    if (n < MAX_SLOT) block[at] = n + 1;
    else this.addCount(m, day, 1);
  }

  private addMonth(m: number, month: number) {
    if (Number.isNaN(this.base)) this.base = month - 15;
    const bit = month - this.base;
    if (bit >= 0 && bit < 32) this.monthsLo[m]! |= 1 << bit;
    else if (bit >= 32 && bit < 64) this.monthsHi[m]! |= 1 << (bit - 32);
    else this.months.add(m * MONTHS + month);
  }

  /** Adds `count` events of member m on a day inside the ring, spilling past a byte. */
  private addCount(m: number, day: number, count: number) {
    const block = this.ring[m >> BLOCK_BITS]!;
    const at = ((m & (BLOCK - 1)) * RING) | (day & (RING - 1));
    const n = block[at]! + count;
    block[at] = Math.min(n, MAX_SLOT);
    if (n > MAX_SLOT) {
      const key = m * RING + (day & (RING - 1));
      this.spill.set(key, (this.spill.get(key) ?? 0) + n - MAX_SLOT);
    }
  }

  /** Everything this aggregator holds, for `merge` in another worker (the arrays can be transferred). */
  state(): AggregatorState {
    const n = this.size;
    return {
      size: n,
      events: this.events,
      low: this.low,
      high: this.high,
      base: this.base,
      first: this.first.slice(0, n),
      last: this.last.slice(0, n),
      monthsLo: this.monthsLo.slice(0, n),
      monthsHi: this.monthsHi.slice(0, n),
      ring: this.ring,
      spill: [...this.spill],
      months: [...this.months],
    };
  }

  /**
   * Adds the aggregation of other rows (another worker's `state()`): member i there is member `into[i]`
   * here. The result is the one of all the rows added to one aggregator, whatever the order.
   */
  merge(o: AggregatorState, into: Int32Array): void {
    if (o.size === 0) return;
    this.events += o.events;
    let top = -1;
    for (let i = 0; i < o.size; i++) top = Math.max(top, into[i]!);
    if (top >= this.size) this.grow(top);
    const high = Math.max(this.high, o.high);
    if (Number.isNaN(this.low)) this.low = high - (RING - AHEAD) + 1;
    else if (high >= this.low + RING) this.advance(high - (RING - AHEAD) + 1);
    this.high = high;
    const dayOf = (slot: number) => o.low + ((slot - o.low) & (RING - 1));
    for (let i = 0; i < o.size; i++) {
      const m = into[i]!;
      if (o.first[i]! < this.first[m]!) this.first[m] = o.first[i]!;
      if (o.last[i]! > this.last[m]!) this.last[m] = o.last[i]!;
      for (let w = 0; w < 2; w++) {
        for (let bits = w === 0 ? o.monthsLo[i]! : o.monthsHi[i]!; bits !== 0; bits &= bits - 1) this.addMonth(m, o.base + w * 32 + (31 - Math.clz32(bits & -bits)));
      }
      const block = o.ring[i >> BLOCK_BITS]!;
      const from = (i & (BLOCK - 1)) * RING;
      for (let slot = 0; slot < RING; slot++) {
        const c = block[from + slot]!;
        if (c === 0) continue;
        const day = dayOf(slot);
        if (day >= this.low) this.addCount(m, day, c);
      }
    }
    for (const [key, c] of o.spill) {
      const day = dayOf(key % RING);
      if (day >= this.low) this.addCount(into[Math.floor(key / RING)]!, day, c);
    }
    for (const key of o.months) this.addMonth(into[Math.floor(key / MONTHS)]!, key % MONTHS);
  }

  private grow(m: number) {
    const had = this.first.length;
    if (m >= had) {
      let cap = had;
      while (cap <= m) cap *= 2;
      const copy = <T extends Int32Array>(a: T, n: number) => {
        const b = new (a.constructor as new (n: number) => T)(n);
        b.set(a);
        return b;
      };
      this.first = copy(this.first, cap);
      this.last = copy(this.last, cap);
      this.lastMonth = copy(this.lastMonth, cap);
      this.monthsLo = copy(this.monthsLo, cap);
      this.monthsHi = copy(this.monthsHi, cap);
    }
    this.first.fill(0x7fffffff, this.size, m + 1);
    this.last.fill(-0x80000000, this.size, m + 1);
    this.lastMonth.fill(-1, this.size, m + 1);
    while (this.ring.length <= m >> BLOCK_BITS) this.ring.push(new Uint8Array(BLOCK * RING));
    this.size = m + 1;
  }

  /** Moves the ring's first day to `low`, clearing the days that fall out of it for every member. */
  private advance(low: number) {
    const gone = Math.min(low - this.low, RING);
    for (let d = this.low; d < this.low + gone; d++) {
      const slot = d & (RING - 1);
      for (const block of this.ring) for (let at = slot; at < block.length; at += RING) block[at] = 0;
    }
    if (this.spill.size > 0) for (const at of [...this.spill.keys()]) if (this.dayAt(at % RING) < low) this.spill.delete(at);
    this.low = low;
  }

  /** The day a ring slot holds now. */
  private dayAt(slot: number) {
    return this.low + ((slot - this.low) & (RING - 1));
  }

  private count(m: number, day: number) {
    const n = this.ring[m >> BLOCK_BITS]![((m & (BLOCK - 1)) * RING) | (day & (RING - 1))]!;
    return this.spill.size === 0 ? n : n + (this.spill.get(m * RING + (day & (RING - 1))) ?? 0);
  }

  /**
   * The report as `analyzeActivity(events, { inactiveDays })` and `memberTiers` give it. `names[m]` is member
   * index m's ID; the as-of date is the latest day added.
   */
  result(names: readonly string[], inactiveDays: number): AggregateResult {
    const n = this.size;
    if (n === 0 || !Number.isFinite(this.high)) {
      return { report: { asOf: '', members: 0, mau: 0, avgDau: 0, stickiness: null, cohorts: [], tiers: { core: 0, active: 0, silent: 0 }, tierOf: {}, atRisk: [] }, members: [] };
    }
    const asOf = this.high;
    let mau = 0;
    let dau = 0;
    const recent = new Int32Array(n);
    for (let m = 0; m < n; m++) {
      if (this.last[m]! > asOf - 30) mau++;
      let r = 0;
      for (let back = 0; back < 90; back++) {
        const c = this.count(m, asOf - back);
        r += c;
        if (back < 30 && c > 0) dau++;
      }
      recent[m] = r;
    }
    const avgDau = dau / 30;

    // Cohorts: member × month pairs counted into the member's first month's row.
    const asOfMonth = monthOfDay(asOf);
    const joinedOf = new Int32Array(n);
    const sizes = new Map<number, number>();
    for (let m = 0; m < n; m++) {
      const j = monthOfDay(this.first[m]!);
      joinedOf[m] = j;
      sizes.set(j, (sizes.get(j) ?? 0) + 1);
    }
    const active = new Map<number, Float64Array>();
    for (const [joined] of sizes) active.set(joined, new Float64Array(asOfMonth - joined + 1));
    for (let m = 0; m < n; m++) {
      const joined = joinedOf[m]!;
      const row = active.get(joined)!;
      for (let words = [this.monthsLo[m]!, this.monthsHi[m]!], w = 0; w < 2; w++) {
        for (let bits = words[w]!; bits !== 0; bits &= bits - 1) {
          const k = this.base + w * 32 + (31 - Math.clz32(bits & -bits)) - joined;
          if (k >= 0 && k < row.length) row[k]!++;
        }
      }
    }
    for (const key of this.months) {
      const m = Math.floor(key / MONTHS);
      const joined = joinedOf[m]!;
      const k = (key % MONTHS) - joined;
      const row = active.get(joined)!;
      if (k >= 0 && k < row.length) row[k]!++;
    }
    const cohorts = [...sizes.entries()]
      .sort(([a], [b]) => a - b)
      .map(([joined, size]) => ({ month: monthLabel(joined), size, retention: Array.from(active.get(joined)!, (c) => c / size) }));

    const ranks = idRanks(names);
    const everyone = new Int32Array(n).map((_, m) => m);
    const order = rankBy(everyone, (m) => recent[m]!, ranks);
    // Members share few last days: each day's date text is made once.
    const isoCache = new Map<number, string>();
    const dayText = (day: number) => {
      let text = isoCache.get(day);
      if (text === undefined) isoCache.set(day, (text = isoOf(day)));
      return text;
    };
    const counts = splitTiers(n);
    const tierOf: Record<string, Tier> = {};
    const members: MemberTier[] = new Array(n);
    order.forEach((m, i) => {
      const tier: Tier = i < counts.core ? 'core' : i < counts.core + counts.active ? 'active' : 'silent';
      tierOf[names[m]!] = tier;
      members[i] = { member: names[m]!, tier, events90: recent[m]!, lastEvent: dayText(this.last[m]!) };
    });

    const quiet = asOf - inactiveDays;
    const atRisk = [];
    for (let m = 0; m < n; m++) if (this.last[m]! <= quiet && this.last[m]! > quiet - 30) atRisk.push(m);
    const atRiskOrder = rankBy(atRisk, (m) => this.last[m]!, ranks);

    const report: ActivityReport = {
      asOf: isoOf(asOf),
      members: n,
      mau,
      avgDau,
      stickiness: mau === 0 ? null : avgDau / mau,
      cohorts,
      tiers: counts,
      tierOf,
      atRisk: atRiskOrder.map((m) => ({ member: names[m]!, lastEvent: dayText(this.last[m]!) })),
    };
    return { report, members };
  }
}

/**
 * Each member's place in the order of IDs (UTF-16 code units, as `<` compares them), from one sort by the
 * engine's own string sort: ties in the rankings below are then numbers, not a comparator's string compares
 * (those were a tenth of the whole run). IDs are unique (`MemberTable`).
 */
function idRanks(names: readonly string[]): Float64Array {
  const indexOf = new Map<string, number>();
  names.forEach((id, m) => indexOf.set(id, m));
  const ranks = new Float64Array(names.length);
  [...names].sort().forEach((id, r) => (ranks[indexOf.get(id)!] = r));
  return ranks;
}

/** Member indices by a number (`by`, largest first), ties by ID rank, through one numeric sort of keys. */
function rankBy(members: ArrayLike<number>, by: (m: number) => number, ranks: Float64Array): number[] {
  const n = ranks.length;
  let top = -Infinity;
  for (let i = 0; i < members.length; i++) top = Math.max(top, by(members[i]!));
  const keys = new Float64Array(members.length);
  const memberAt = new Map<number, number>();
  for (let i = 0; i < members.length; i++) {
    const m = members[i]!;
    keys[i] = (top - by(m)) * n + ranks[m]!;
    memberAt.set(ranks[m]!, m);
  }
  keys.sort();
  return Array.from(keys, (k) => memberAt.get(k % n)!);
}
