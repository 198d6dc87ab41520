/**
 * Member IDs numbered straight from their UTF-8 bytes: an open-addressing hash table over a byte arena, so a
 * row whose member was seen before costs a hash and a compare, and no string. A member's ID is decoded once,
 * the first time it is seen. Indices are 0, 1, 2 … in order of first appearance (`ActivityAggregator`'s).
 *
 * Two byte strings that decode to the same text (only possible with invalid UTF-8, each bad byte read as
 * U+FFFD) are one member, as they were when the whole file was decoded first.
 *
 * Example: index(bytes of "wx_a") → 0, index("wx_b") → 1, index("wx_a") → 0; names → ["wx_a", "wx_b"].
 */
import { textOf } from './bytes';

export class MemberTable {
  readonly names: string[] = [];
  private readonly byName = new Map<string, number>();
  /** Per byte string (entry): its hash, where its bytes are in the arena, and its member. */
  private memberOf: Int32Array<ArrayBuffer> = new Int32Array(1024);
  private entries = 0;
  private slots = new Int32Array(1 << 12).fill(-1);
  private hashes: Int32Array<ArrayBuffer> = new Int32Array(1024);
  private starts: Int32Array<ArrayBuffer> = new Int32Array(1024);
  private lengths: Int32Array<ArrayBuffer> = new Int32Array(1024);
  private arena = new Uint8Array(1 << 16);
  private used = 0;

  get size(): number {
    return this.names.length;
  }

  /** The index of the member whose ID is bytes `start … end − 1` of `buf`, numbering it when new. */
  index(buf: Uint8Array, start: number, end: number): number {
    // FNV-1a, 32 bits.
    let h = 0x811c9dc5;
    for (let i = start; i < end; i++) h = Math.imul(h ^ buf[i]!, 0x01000193);
    const mask = this.slots.length - 1;
    const len = end - start;
    for (let at = h & mask; ; at = (at + 1) & mask) {
      const e = this.slots[at]!;
      if (e === -1) return this.insert(at, h, buf, start, end);
      if (this.hashes[e] !== h || this.lengths[e] !== len) continue;
      const s = this.starts[e]!;
      let same = true;
      for (let i = 0; i < len; i++) if (this.arena[s + i] !== buf[start + i]) (same = false), (i = len);
      if (same) return this.memberOf[e]!;
    }
  }

  private readonly encoder = new TextEncoder();

  /** The index of the member with this ID (from another worker's table), numbering it when new. */
  indexOfName(name: string): number {
    const known = this.byName.get(name);
    if (known !== undefined) return known;
    const bytes = this.encoder.encode(name);
    return this.index(bytes, 0, bytes.length);
  }

  private insert(at: number, h: number, buf: Uint8Array, start: number, end: number): number {
    const e = this.entries++;
    const len = end - start;
    if (e === this.hashes.length) {
      this.hashes = grown(this.hashes, e * 2);
      this.starts = grown(this.starts, e * 2);
      this.lengths = grown(this.lengths, e * 2);
      this.memberOf = grown(this.memberOf, e * 2);
    }
    if (this.used + len > this.arena.length) {
      const arena = new Uint8Array(Math.max(this.arena.length * 2, this.used + len));
      arena.set(this.arena.subarray(0, this.used));
      this.arena = arena;
    }
    this.arena.set(buf.subarray(start, end), this.used);
    this.hashes[e] = h;
    this.starts[e] = this.used;
    this.lengths[e] = len;
    this.used += len;
    const name = textOf(buf, start, end);
    let m = this.byName.get(name);
    if (m === undefined) {
      m = this.names.push(name) - 1;
      this.byName.set(name, m);
    }
    this.memberOf[e] = m;
    this.slots[at] = e;
    // Kept at most half full, so probes stay short.
    if ((e + 1) * 2 > this.slots.length) this.rehash();
    return m;
  }

  private rehash() {
    const slots = new Int32Array(this.slots.length * 2).fill(-1);
    const mask = slots.length - 1;
    for (let e = 0; e < this.entries; e++) {
      let at = this.hashes[e]! & mask;
      while (slots[at] !== -1) at = (at + 1) & mask;
      slots[at] = e;
    }
    this.slots = slots;
  }
}

function grown(a: Int32Array, n: number): Int32Array<ArrayBuffer> {
  const b = new Int32Array(n);
  b.set(a);
  return b;
}
