/**
 * A CSV/TSV scanner over UTF-8 bytes that arrive in chunks of any size (a `File.stream()`), reporting for each
 * record only where its wanted columns are. Quoting follows RFC 4180 as Papa Parse reads it: a field that
 * starts with `"` runs to the next lone `"` (a doubled `""` is a quote inside it) and may hold delimiters and
 * line breaks; a record ends at LF, CRLF or CR. Nothing is decoded here. A record that is cut by the end of a
 * chunk is kept and finished with the next one, so memory is one chunk plus the longest record.
 *
 * Chosen by measurement over Papa Parse (which needs the file decoded to one string first) and uDSV: see
 * tests/bench-parsers.mjs and the README's table.
 *
 * Example: columns [1, 0] of `a,"b,c"\n` → cell 0 is `b,c` (bytes 3…6, quoted), cell 1 is `a` (bytes 0…1).
 */

export interface CsvRecord {
  /** The chunk the offsets point into. */
  buf: Uint8Array;
  /** Per wanted column, `[start, end]` in `buf` (−1, −1 when the record has no such column). */
  cells: Int32Array;
  /** Per wanted column, 1 when its quoted text holds doubled quotes to undo (`""` → `"`). */
  escaped: Uint8Array;
  /** The record's bytes, its line break left out. */
  start: number;
  end: number;
}

const QUOTE = 34;
const LF = 10;
const CR = 13;

export class CsvScanner {
  private carry: Uint8Array | null = null;
  private readonly record: CsvRecord;
  /** For each column number, its place among the wanted ones (or −1). */
  private readonly slot: Int32Array;
  private readonly lastWanted: number;

  constructor(
    private readonly delimiter: number,
    wanted: readonly number[],
    private readonly onRecord: (r: CsvRecord) => void,
  ) {
    this.lastWanted = Math.max(...wanted);
    this.slot = new Int32Array(this.lastWanted + 1).fill(-1);
    wanted.forEach((c, i) => (this.slot[c] = i));
    this.record = { buf: new Uint8Array(0), cells: new Int32Array(wanted.length * 2), escaped: new Uint8Array(wanted.length), start: 0, end: 0 };
  }

  /** Bytes held back from the last chunk (an unfinished record). */
  get pending(): number {
    return this.carry?.length ?? 0;
  }

  push(chunk: Uint8Array): void {
    let at = 0;
    const carry = this.carry;
    if (carry) {
      // The unfinished record is finished with as little of the new chunk as it needs (doubling the part
      // joined), not by copying the whole chunk behind it.
      this.carry = null;
      for (let k = 4096; ; k *= 2) {
        const part = Math.min(k, chunk.length);
        const joined = new Uint8Array(carry.length + part);
        joined.set(carry);
        joined.set(chunk.subarray(0, part), carry.length);
        const next = this.scan(joined, 0, false);
        if (next !== -1) {
          at = next - carry.length;
          break;
        }
        if (part === chunk.length) {
          this.carry = joined;
          return;
        }
      }
    }
    while (at < chunk.length) {
      const next = this.scan(chunk, at, false);
      if (next === -1) {
        this.carry = chunk.slice(at);
        return;
      }
      at = next;
    }
  }

  /** The last record, when the file does not end with a line break. */
  end(): void {
    const buf = this.carry;
    this.carry = null;
    if (buf && buf.length > 0) this.scan(buf, 0, true);
  }

  /** Scans one record from `at`; returns where the next one starts, or −1 when the chunk ends first. */
  private scan(buf: Uint8Array, at: number, final: boolean): number {
    const r = this.record;
    const { cells, escaped } = r;
    const slot = this.slot;
    const delim = this.delimiter;
    const len = buf.length;
    cells.fill(-1);
    escaped.fill(0);
    let i = at;
    for (let column = 0; ; column++) {
      const want = column <= this.lastWanted ? slot[column]! : -1;
      if (column > this.lastWanted && !final) {
        // Past the wanted columns: run to the line break, unless a quote comes first (then field by field).
        // A plain loop: a native search per record cost more than the bytes it skipped.
        let j = i;
        let b = 0;
        while (j < len && (b = buf[j]!) !== LF && b !== CR && b !== QUOTE) j++;
        if (j === len) return -1;
        if (b !== QUOTE) return this.finish(buf, at, j, final);
      }
      let cellStart: number;
      let cellEnd: number;
      let esc = 0;
      if (buf[i] === QUOTE) {
        let j = i + 1;
        for (;;) {
          const q = buf.indexOf(QUOTE, j);
          if (q === -1) {
            if (!final) return -1;
            j = len;
            break;
          }
          if (q + 1 >= len && !final) return -1;
          if (buf[q + 1] === QUOTE) {
            esc = 1;
            j = q + 2;
            continue;
          }
          j = q;
          break;
        }
        cellStart = i + 1;
        cellEnd = j;
        i = j + 1;
        while (i < len && buf[i] !== delim && buf[i] !== LF && buf[i] !== CR) i++;
      } else {
        cellStart = i;
        while (i < len && buf[i] !== delim && buf[i] !== LF && buf[i] !== CR) i++;
        cellEnd = i;
      }
      if (want !== -1) {
        cells[want * 2] = cellStart;
        cells[want * 2 + 1] = Math.min(cellEnd, len);
        escaped[want] = esc;
      }
      if (i >= len) {
        if (!final) return -1;
        return this.finish(buf, at, len, true);
      }
      if (buf[i] === delim) {
        i++;
        continue;
      }
      return this.finish(buf, at, i, final);
    }
  }

  /** Reports the record `at … nl − 1` and returns where the next one starts (after LF, CRLF or CR). */
  private finish(buf: Uint8Array, at: number, nl: number, final: boolean): number {
    let next = nl;
    if (nl < buf.length) {
      if (buf[nl] === CR) {
        // A CR at the chunk's end may be the first half of a CRLF.
        if (nl + 1 >= buf.length && !final) return -1;
        next = buf[nl + 1] === LF ? nl + 2 : nl + 1;
      } else next = nl + 1;
    }
    const r = this.record;
    r.buf = buf;
    r.start = at;
    r.end = nl;
    this.onRecord(r);
    return next;
  }
}
