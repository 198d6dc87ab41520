/**
 * The health check's worker: reads the export and runs the analysis, all off the page's thread. A text file
 * is decoded with the detected encoding and parsed by Papa Parse in 1 MB chunks (reporting progress after
 * each); an Excel workbook's first worksheet is read by read-excel-file, loaded only when a workbook is
 * opened. Nothing here touches the network. Cancelling is the page terminating this worker.
 */
import Papa from 'papaparse';
import { analyzeActivity } from '../../lib/activity';
import { binaryKind, detectEncoding, ENCODING_SAMPLE_BYTES } from '../../lib/encoding';
import { EventCollector, guessColumns } from '../../lib/event-rows';
import { averageRetention, memberTiers, tierProfile } from '../../lib/health';
import { isBlankRow, sheetRowsText } from '../../lib/sheet-cells';
import type { ActivityEvent } from '../../lib/activity';
import { summarizeChat, type ChatSummary } from '../../lib/health/chat-summary';
import { detectFormat } from '../../lib/health/readers/detect';
import { isTextChatFormat, readChatText, type TextChatFormat } from '../../lib/health/readers/read-chat';
import { ChatReadError } from '../../lib/health/readers/read-error';
import { MAX_XLSX_BYTES, type AnalyzeSettings, type Analysis, type FromWorker, type Health, type ToWorker } from './protocol';

const post = (message: FromWorker) => postMessage(message);
const PREVIEW_ROWS = 30;
const CHUNK = 1024 * 1024;

/**
 * The open workbook's first sheet as text rows, kept from the preview to the analysis (and between analyses
 * with other settings): a workbook can only be read whole, so it is read once. Keyed by name, size and date,
 * since every message brings a fresh copy of the `File`.
 */
let workbook: { key: string; rows: string[][] } | null = null;

async function readWorkbook(file: File): Promise<string[][]> {
  const key = `${file.name}\u0000${file.size}\u0000${file.lastModified}`;
  if (workbook?.key === key) return workbook.rows;
  workbook = null;
  const { readSheet } = await import('read-excel-file/universal');
  const rows = sheetRowsText(await readSheet(await file.arrayBuffer()));
  workbook = { key, rows };
  return rows;
}

/** The first PREVIEW_ROWS rows that are not blank, with their numbers in the file (1-based). */
function firstRows(all: readonly string[][]) {
  const rows: string[][] = [];
  const lines: number[] = [];
  for (let i = 0; i < all.length && rows.length < PREVIEW_ROWS; i++) {
    if (isBlankRow(all[i]!)) continue;
    rows.push(all[i]!);
    lines.push(i + 1);
  }
  return { rows, lines };
}

async function preview(file: File) {
  if (file.size === 0) return post({ type: 'failed', code: 'empty_file' });
  const sample = new Uint8Array(await file.slice(0, ENCODING_SAMPLE_BYTES).arrayBuffer());
  const detected = detectEncoding(sample);
  const kind = binaryKind(sample, detected);
  if (kind === 'xlsx') return previewWorkbook(file);
  if (kind) return post({ type: 'failed', code: kind });
  const { encoding, bom } = detected;
  const text = new TextDecoder(encoding).decode(sample, { stream: true });
  // A chat export is told by its header row or its first JSON keys; its own reader reads it whole.
  const format = detectFormat(file.name, text);
  if (isTextChatFormat(format)) {
    return post({ type: 'preview', preview: { format: 'text', encoding, bom, delimiter: ',', rows: [], lines: [], guess: { member: null, date: null, hasHeader: true }, chat: { format } } });
  }
  if (format === 'unknown') return post({ type: 'failed', code: 'unknown_json' });
  if (format === 'pywxdump-users-json') return post({ type: 'failed', code: 'users_json_alone' });
  // Blank lines are parsed (not skipped) so that each shown row keeps its number in the file.
  const parsed = Papa.parse<string[]>(text, { preview: PREVIEW_ROWS * 4, delimitersToGuess: [',', '\t', ';', '|'] });
  const { rows, lines } = firstRows(parsed.data);
  if (rows.length === 0) return post({ type: 'failed', code: 'no_rows' });
  post({ type: 'preview', preview: { format: 'text', encoding, bom, delimiter: parsed.meta.delimiter, rows, lines, guess: guessColumns(rows) } });
}

async function previewWorkbook(file: File) {
  if (file.size > MAX_XLSX_BYTES) return post({ type: 'failed', code: 'xlsx_too_large' });
  let all: string[][];
  try {
    all = await readWorkbook(file);
  } catch {
    return post({ type: 'failed', code: 'xlsx_unreadable' });
  }
  const { rows, lines } = firstRows(all);
  if (rows.length === 0) return post({ type: 'failed', code: 'no_rows' });
  post({ type: 'preview', preview: { format: 'xlsx', encoding: 'utf-8', bom: false, delimiter: ',', rows, lines, guess: guessColumns(rows) } });
}

/** A chat export: its reader, then the same analysis as any export. Message text never leaves this worker. */
async function analyzeChat(file: File, s: AnalyzeSettings, format: TextChatFormat, started: number) {
  const text = new TextDecoder(s.encoding).decode(await file.arrayBuffer());
  post({ type: 'progress', phase: 'parse', fraction: 0.5 });
  let read;
  try {
    read = summarizeChat([readChatText(format, text, { fileName: file.name, offsetMinutes: s.offsetMinutes })], { offsetMinutes: s.offsetMinutes });
  } catch (e) {
    if (e instanceof ChatReadError) return post({ type: 'failed', code: 'chat_unreadable', chat: { format, reason: e.reason, detail: e.detail } });
    throw e;
  }
  const events = read.events.filter((e) => e.date <= s.today);
  post({ type: 'progress', phase: 'analyze', fraction: 1 });
  finish(events, s, started, { rows: read.summary.records, bad: [], badCounts: { missing_member: 0, bad_date: 0, future_date: read.events.length - events.length }, chat: read.summary });
}

async function analyze(file: File, s: AnalyzeSettings) {
  const started = performance.now();
  post({ type: 'progress', phase: 'read', fraction: 0 });
  if (s.chat) return analyzeChat(file, s, s.chat, started);
  const collector = new EventCollector({ member: s.member, date: s.date, offsetMinutes: s.offsetMinutes, today: s.today });
  // Blank rows are skipped silently; with a header, the first other row names the columns (as in the preview).
  let header = s.hasHeader;
  const add = (row: string[], line: number) => {
    if (isBlankRow(row)) return;
    if (header) header = false;
    else collector.add(row, line);
  };
  let lastReport = 0;
  const progress = (fraction: number) => {
    if (fraction - lastReport < 0.02) return;
    lastReport = fraction;
    post({ type: 'progress', phase: 'parse', fraction });
  };

  if (s.format === 'xlsx') {
    const rows = await readWorkbook(file);
    // Row i of the sheet is spreadsheet row i + 1: the reader keeps blank rows in place.
    rows.forEach((row, i) => {
      add(row, i + 1);
      if (i % 4096 === 0) progress(i / rows.length);
    });
  } else {
    const text = new TextDecoder(s.encoding).decode(await file.arrayBuffer());
    // Rows are numbered as a spreadsheet numbers them: a quoted cell with line breaks is still one row.
    let line = 0;
    await new Promise<void>((resolve) =>
      Papa.parse<string[]>(text, {
        delimiter: s.delimiter,
        chunkSize: CHUNK,
        chunk: (results: Papa.ParseResult<string[]>) => {
          for (const row of results.data) add(row, ++line);
          progress(text.length === 0 ? 1 : results.meta.cursor / text.length);
        },
        complete: () => resolve(),
      }),
    );
  }
  if (collector.rows === 0) return post({ type: 'failed', code: 'no_rows' });
  post({ type: 'progress', phase: 'analyze', fraction: 1 });
  finish(collector.events, s, started, { rows: collector.rows, bad: collector.bad, badCounts: collector.badCounts });
}

/** The analysis of the events, whatever file they came from. */
function finish(events: ActivityEvent[], s: AnalyzeSettings, started: number, read: Pick<Analysis, 'rows' | 'bad' | 'badCounts'> & { chat?: ChatSummary }) {
  let health: Health | null = null;
  if (events.length > 0) {
    const { tierOf, atRisk, ...report } = analyzeActivity(events, { inactiveDays: s.inactiveDays });
    const members = memberTiers(events, { asOf: report.asOf, tierOf });
    health = {
      report,
      atRisk: atRisk.map((a) => ({ ...a, tier: tierOf[a.member]! })),
      members,
      profile: tierProfile(members),
      retention: averageRetention(report),
    };
  }
  post({
    type: 'done',
    analysis: { health, inactiveDays: s.inactiveDays, events: events.length, seconds: (performance.now() - started) / 1000, ...read },
  });
}

onmessage = (e: MessageEvent<ToWorker>) => {
  const m = e.data;
  const run = m.type === 'preview' ? preview(m.file) : analyze(m.file, m.settings);
  run.catch(() => post({ type: 'failed', code: 'unreadable' }));
};
