/**
 * A "member, date" export read as a stream: the bytes of one or more files go in chunk by chunk, the
 * health check's figures come out, and no row is kept. Per row it does what `EventCollector` does on parsed
 * rows — blank rows skipped, the header row (the first other row of each file) skipped, rows without a
 * member or with a bad or future date counted and the first 200 listed with their file and line — but reads
 * the member and the date straight from the bytes (see bytes.ts, member-table.ts, aggregate.ts).
 *
 * Input is UTF-8 (the worker re-encodes GB18030 and UTF-16 files as they stream); a BOM is skipped. With a
 * header, every file after the first must name the same columns, or the read stops with `columns_differ`
 * (the mapping confirmed on the first file would be wrong for it).
 *
 * Example: `a.csv` = "成员,日期\nwx_1,2026-03-05\n,2026-03-06\n" → rows 2, events 1, bad
 * [{ file: "a.csv", line: 3, reason: "missing_member", value: "2026-03-06" }].
 */
import Papa from 'papaparse';
import { daysBetween } from '../../activity';
import { DEFAULT_UTC_OFFSET_MINUTES, MAX_LISTED_BAD_ROWS, type BadRow, type BadRowReason } from '../../event-rows';
import { isBlankRow } from '../../sheet-cells';
import { ActivityAggregator, type AggregateResult, type AggregatorState } from './aggregate';
import { cellDay, textOf, trimEnd, trimStart } from './bytes';
import { CsvScanner, type CsvRecord } from './csv-scan';
import { MemberTable } from './member-table';

export interface SheetReadOptions {
  delimiter: string;
  member: number;
  date: number;
  hasHeader: boolean;
  /** Minutes east of UTC for zoned times and timestamps (default +08:00). */
  offsetMinutes?: number;
  /** Rows dated after this day (YYYY-MM-DD) are future dates. */
  today: string;
  /** The header every file must have (when several are read, possibly by several workers); else the first file's. */
  header?: string[];
}

/** What a reader found, for another worker to add to its own (`absorb`). */
export interface SheetReadState {
  rows: number;
  bad: BadRow[];
  badCounts: Record<BadRowReason, number>;
  names: string[];
  activity: AggregatorState;
}

/** A file whose header names other columns than the first file's. */
export class ColumnsDifferError extends Error {
  constructor(
    readonly file: string,
    readonly header: string[],
  ) {
    super(`columns_differ: ${file}`);
  }
}

const encoder = new TextEncoder();

export class SheetReader {
  /** Rows read (not blank, not a header). */
  rows = 0;
  readonly bad: BadRow[] = [];
  readonly badCounts: Record<BadRowReason, number> = { missing_member: 0, bad_date: 0, future_date: 0 };
  readonly members = new MemberTable();
  readonly activity = new ActivityAggregator();
  private readonly offset: number;
  private readonly today: number;
  private scanner: CsvScanner | null = null;
  private file = '';
  private files = 0;
  private line = 0;
  private headerDue = false;
  private firstBytes = true;
  private header: string[] | null;

  constructor(private readonly options: SheetReadOptions) {
    this.offset = options.offsetMinutes ?? DEFAULT_UTC_OFFSET_MINUTES;
    this.today = daysBetween('1970-01-01', options.today);
    this.header = options.header ?? null;
  }

  /**
   * Starts the next file (its lines are numbered from 1, its header skipped). `part`: the bytes that follow
   * are the rest of a file from a record's start (another worker read the beginning): no header, no BOM.
   */
  startFile(name: string, part = false): void {
    this.scanner?.end();
    this.file = name;
    this.files++;
    this.line = 0;
    this.headerDue = this.options.hasHeader && !part;
    this.firstBytes = !part;
    this.scanner = new CsvScanner(this.options.delimiter.charCodeAt(0), [this.options.member, this.options.date], (r) => this.record(r));
  }

  push(chunk: Uint8Array): void {
    if (!this.scanner) this.startFile('');
    if (this.firstBytes && chunk.length > 0) {
      this.firstBytes = false;
      if (chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf) chunk = chunk.subarray(3);
    }
    this.scanner!.push(chunk);
  }

  /** Ends the current file. */
  endFile(): void {
    this.scanner?.end();
    this.scanner = null;
  }

  get events(): number {
    return this.activity.events;
  }

  /** Records of the current file so far (blank rows and the header included). */
  get lines(): number {
    return this.line;
  }

  /**
   * The bytes so far ended exactly at a record's end, past the header: another reader may take the rest of
   * the file from here (`startFile(name, true)`). False inside a quoted cell that holds a line break.
   */
  get atRecordEnd(): boolean {
    return (this.scanner?.pending ?? 0) === 0 && !this.headerDue;
  }

  /** What this reader found (call `endFile` first). */
  state(): SheetReadState {
    return { rows: this.rows, bad: this.bad, badCounts: this.badCounts, names: this.members.names, activity: this.activity.state() };
  }

  /**
   * Adds what another reader found in the rows after this one's (the next files, or the rest of this file
   * from a record boundary: then its line numbers go on from `lineOffset`).
   */
  absorb(o: SheetReadState, lineOffset = 0): void {
    this.rows += o.rows;
    for (const k of Object.keys(o.badCounts) as BadRowReason[]) this.badCounts[k] += o.badCounts[k];
    for (const b of o.bad) if (this.bad.length < MAX_LISTED_BAD_ROWS) this.bad.push({ ...b, line: b.line + lineOffset });
    this.activity.merge(o.activity, Int32Array.from(o.names, (name) => this.members.indexOfName(name)));
  }

  result(inactiveDays: number): AggregateResult {
    this.endFile();
    return this.activity.result(this.members.names, inactiveDays);
  }

  private record(r: CsvRecord) {
    this.line++;
    const { buf, cells, escaped } = r;
    let mbuf = buf;
    let a = cells[0]!;
    let b = cells[1]!;
    if (a === -1) a = b = 0;
    else if (escaped[0]) [mbuf, a, b] = unescaped(buf, a, b);
    a = trimStart(mbuf, a, b);
    b = trimEnd(mbuf, a, b);
    // A row with a member is not blank; otherwise (and for the header) its cells are read as Papa reads them.
    if (a === b || this.headerDue) {
      const row = Papa.parse<string[]>(textOf(buf, r.start, r.end), { delimiter: this.options.delimiter }).data[0] ?? [];
      if (isBlankRow(row)) return;
      if (this.headerDue) {
        this.headerDue = false;
        if (this.header === null) this.header = row;
        else if (!sameHeader(this.header, row)) throw new ColumnsDifferError(this.file, row);
        return;
      }
    }
    this.rows++;
    let ds = cells[2]!;
    let de = cells[3]!;
    let dbuf = buf;
    if (ds !== -1 && escaped[1]) [dbuf, ds, de] = unescaped(buf, ds, de);
    if (a === b) return this.refuse('missing_member', dbuf, ds, de);
    const da = ds === -1 ? 0 : trimStart(dbuf, ds, de);
    const db = ds === -1 ? 0 : trimEnd(dbuf, da, de);
    const day = da === db ? Number.NaN : cellDay(dbuf, da, db, this.offset);
    if (Number.isNaN(day)) return this.refuse('bad_date', dbuf, ds, de);
    if (day > this.today) return this.refuse('future_date', dbuf, ds, de);
    this.activity.add(this.members.index(mbuf, a, b), day);
  }

  private refuse(reason: BadRowReason, buf: Uint8Array, start: number, end: number) {
    this.badCounts[reason]++;
    if (this.bad.length >= MAX_LISTED_BAD_ROWS) return;
    const value = start === -1 ? '' : textOf(buf, start, end);
    const row: BadRow = { line: this.line, reason, value: value.length > 40 ? `${value.slice(0, 40)}…` : value };
    if (this.files > 1 || this.file !== '') row.file = this.file;
    this.bad.push(row);
  }
}

/** A quoted cell's text with its doubled quotes undone, as bytes. */
function unescaped(buf: Uint8Array, start: number, end: number): [Uint8Array, number, number] {
  const bytes = encoder.encode(textOf(buf, start, end).replaceAll('""', '"'));
  return [bytes, 0, bytes.length];
}

const sameHeader = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((c, i) => c.trim() === b[i]!.trim());
