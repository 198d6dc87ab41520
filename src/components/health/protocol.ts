/**
 * Messages between the health-check page and its worker. The file goes to the worker as a `File` (a
 * reference, not a copy); only the summary comes back — never the rows — so a big export costs the page
 * nothing but the report.
 */
import type { ActivityReport, Tier } from '../../lib/activity';
import type { TextEncodingName } from '../../lib/encoding';
import type { BadRow, BadRowReason, ColumnGuess } from '../../lib/event-rows';
import type { AverageRetention, TierProfile } from '../../lib/health';
import type { MemberColumns } from '../../lib/health/member-columns';
import type { ChatSummary } from '../../lib/health/chat-summary';
import type { Sender } from '../../lib/health/merge';
import type { ChatFormatId } from '../../lib/health/readers/detect';
import type { ChatFileReason, ChatFileResult, RosterComparison } from '../../lib/health/readers/read-files';
import type { LifecycleMonth } from '../../lib/health/lifecycle';
import type { SummaryGroup, SummaryRefusalReason } from '../../lib/warehouse/to-health';
import type { StreamProgress } from '../../lib/health/stream/progress';
import type { SheetReadState } from '../../lib/health/stream/sheet-reader';

/** How far a streamed sheet is: the speed and time left, and the counts they come from. */
export interface StreamStatus extends StreamProgress {
  rows: number;
  bytes: number;
  total: number;
}

export interface AnalyzeSettings {
  format: FileFormat;
  encoding: TextEncodingName;
  delimiter: string;
  member: number;
  date: number;
  hasHeader: boolean;
  offsetMinutes: number;
  inactiveDays: number;
  /** Today at the chosen offset, YYYY-MM-DD: later dates are future dates. */
  today: string;
  /** The files are chat exports, each read by its format's reader (the columns above are then unused). */
  chat?: boolean;
  /** Platform IDs ticked as "our staff / bot": left out of every figure. */
  exclude?: string[];
}

/** One file, or several read together: chat exports (a dropped folder, several picked files) or parts of one sheet. */
export type ToWorker = { type: 'preview'; files: File[] } | { type: 'analyze'; files: File[]; settings: AnalyzeSettings } | { type: 'scan-part'; parts: SheetPart[]; settings: AnalyzeSettings; header: string[] | null };

/**
 * A share of a "member, date" sheet for the second worker (the analysing worker starts it to use a second
 * core): whole files, or the rest of one file from `start`, a record's first byte (`part`).
 */
export interface SheetPart {
  file: File;
  /** The name the skipped rows are listed under ('' for a single file). */
  name: string;
  start: number;
  part: boolean;
}

/** The second worker's messages to the analysing worker (never to the page). */
export type FromHelper = { type: 'part-progress'; bytes: number; rows: number } | { type: 'part-done'; state: SheetReadState } | { type: 'part-failed'; fileName?: string };

/**
 * Largest chat export the page opens. A chat export's reader holds its decoded text (two bytes a character)
 * and every message while reading; beyond this a browser tab may run out of memory. A "member, date" CSV or
 * TSV streams (memory grows with members, not rows) and has no limit.
 */
export const MAX_FILE_BYTES = 250 * 1024 * 1024;

/**
 * Largest workbook the page opens. A workbook is unzipped and read whole (its XML is several times the file's
 * size); a CSV streams. Beyond this, saving the sheet as CSV is the faster and safer route.
 */
export const MAX_XLSX_BYTES = 50 * 1024 * 1024;

/** Text (CSV, TSV) or an Excel workbook, whose first worksheet is read. */
export type FileFormat = 'text' | 'xlsx';

export type FailureCode = 'too_large' | 'xlsx_too_large' | 'empty_file' | 'unreadable' | 'xlsx_unreadable' | 'xls' | 'pdf' | 'binary' | 'no_rows' | 'unknown_json' | 'users_json_alone' | 'chat_unreadable' | 'generic_with_others' | 'summary_invalid' | 'columns_differ';

/** Why a chat export was refused, for `chat_unreadable`: the format it looked like, the reader's reason and where. */
export interface ChatFailure {
  format: ChatFormatId;
  reason: ChatFileReason;
  detail: string;
  /** The file refused (the first one, when every file was). */
  fileName?: string;
}

/** A file as detected before reading: its format, or why it cannot be read (then `format` is `unknown`). */
export interface DetectedFile {
  name: string;
  size: number;
  format: ChatFormatId;
  problem?: FailureCode;
}

export interface Preview {
  format: FileFormat;
  /** For text files; a workbook holds its own encoding (reported as UTF-8, never shown). */
  encoding: TextEncodingName;
  bom: boolean;
  delimiter: string;
  /** The first non-blank rows as parsed, header included when there is one. */
  rows: string[][];
  /** Each of those rows' number in the file, counted as the skipped-rows list counts them (blank rows too). */
  lines: number[];
  guess: ColumnGuess;
  /** Set when the file(s) are chat exports: no columns to choose, each file's reader reads it. */
  chat?: { files: DetectedFile[] };
  /** Set when the file is a warehouse summary: nothing to choose, its figures were computed in the warehouse. */
  warehouse?: true;
  /** Set when several "member, date" files are read as one sheet: the rows above are the first file's. */
  sheets?: { files: DetectedFile[]; bytes: number };
}

export interface Health {
  report: Omit<ActivityReport, 'tierOf' | 'atRisk'>;
  /** The at-risk list with each member's tier: a quiet core member matters more than a quiet lurker (a warehouse summary carries no tier). */
  atRisk: { member: string; lastEvent: string; tier?: Tier }[];
  /** Every member with tier, 90-day events and last activity, in ranking order (for the download), as columns (cheap to send); empty for a warehouse summary. */
  members: MemberColumns;
  profile: Record<Tier, TierProfile>;
  retention: AverageRetention;
}

export interface Analysis {
  /** Null when no row was usable (the bad rows say why). */
  health: Health | null;
  rows: number;
  events: number;
  /** The setting the at-risk list used. */
  inactiveDays: number;
  bad: BadRow[];
  badCounts: Record<BadRowReason, number>;
  seconds: number;
  /** For chat exports: what was counted, what was left out and why, and the per-group table. */
  chat?: ChatSummary;
  /** For chat exports: each file as read (or refused, and why). */
  chatFiles?: ChatFileResult[];
  /** For chat exports: the people behind the figures (names and IDs only, never message text). */
  people?: ChatPeople;
  /** For a warehouse summary: its settings (fixed when the SQL ran), the monthly lifecycle and the groups' figures. */
  warehouse?: { offsetMinutes: number; zone: string; lifecycle: LifecycleMonth[]; groups: SummaryGroup[] };
}

/** Why a warehouse summary was refused: the kind of problem and the columns or data rows it concerns. */
export interface SummaryFailure {
  reason: SummaryRefusalReason;
  items: string[];
}

export interface ChatPeople {
  /** The most active senders before any exclusion, for the "our staff / bot" checklist. */
  senders: Sender[];
  /** Latest name of each counted member that has one (ID → name). */
  names: Record<string, string>;
  /** Groups with two rosters: who left, who arrived. */
  rosters: RosterComparison[];
  /** Messages dated after today at the chosen offset, left out. */
  future: number;
}

export type FromWorker =
  | { type: 'preview'; preview: Preview }
  | { type: 'progress'; phase: 'read' | 'parse' | 'analyze'; fraction: number; stream?: StreamStatus }
  | { type: 'done'; analysis: Analysis }
  /** A warehouse summary, read and mapped straight from the preview: there are no columns to confirm. */
  | { type: 'summary'; analysis: Analysis }
  /** `fileName`: the file at fault, for `columns_differ`. */
  | { type: 'failed'; code: FailureCode; chat?: ChatFailure; summary?: SummaryFailure; fileName?: string };
