/**
 * The health check's worker: reads the export and runs the analysis, all off the page's thread. A "member,
 * date" CSV or TSV (one file or several with the same columns) streams through `SheetReader` chunk by chunk
 * from `File.stream()`, so no size is too big: only per-member figures are kept (src/lib/health/stream/).
 * Progress says rows and MB a second and the time left. An Excel workbook's first worksheet is read whole by
 * read-excel-file, loaded only when a workbook is opened; chat exports are read whole by their readers.
 * Nothing here touches the network. Cancelling is the page terminating this worker.
 */
import Papa from 'papaparse';
import { analyzeActivity } from '../../lib/activity';
import { binaryKind, detectEncoding, ENCODING_SAMPLE_BYTES } from '../../lib/encoding';
import { EventCollector, guessColumns } from '../../lib/event-rows';
import { averageRetention, memberTiers, tierProfile } from '../../lib/health';
import { isBlankRow, sheetRowsText } from '../../lib/sheet-cells';
import type { ActivityEvent, KnownMember } from '../../lib/activity';
import { summarizeChat } from '../../lib/health/chat-summary';
import { topSenders } from '../../lib/health/merge';
import { detectFormat, type ChatFormatId } from '../../lib/health/readers/detect';
import { isTextChatFormat } from '../../lib/health/readers/read-chat';
import { readChatFiles, zipKind, type ChatFileInput, type ChatFilesRead } from '../../lib/health/readers/read-files';
import type { TextEncodingName } from '../../lib/encoding';
import { isSummaryHead } from '../../lib/warehouse/columns';
import { ColumnsDifferError, SheetReader } from '../../lib/health/stream/sheet-reader';
import { streamProgress } from '../../lib/health/stream/progress';
import type { AggregateResult } from '../../lib/health/stream/aggregate';
import { noMembers, toColumns } from '../../lib/health/member-columns';
import { MAX_FILE_BYTES, MAX_XLSX_BYTES, type AnalyzeSettings, type Analysis, type DetectedFile, type FailureCode, type Preview, type FromHelper, type FromWorker, type Health, type SheetPart, type ToWorker } from './protocol';

const post = (message: FromWorker) => postMessage(message);
const PREVIEW_ROWS = 30;
/** Progress is posted at most this often (ms): more would only keep the page busy. */
const PROGRESS_EVERY = 150;

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

/** What a file is, from its first bytes (a zip is opened to tell a workbook from a Slack export). */
async function detectFile(file: File): Promise<{ format: ChatFormatId | 'xlsx'; encoding: TextEncodingName; bom: boolean; head: string; problem?: FailureCode }> {
  const sample = new Uint8Array(await file.slice(0, ENCODING_SAMPLE_BYTES).arrayBuffer());
  const detected = detectEncoding(sample);
  const { encoding, bom } = detected;
  if (file.size === 0) return { format: 'unknown', encoding, bom, head: '', problem: 'empty_file' };
  const kind = binaryKind(sample, detected);
  if (kind === 'xlsx') {
    // A workbook too big to open is refused by its size before its whole zip is read.
    if (file.size > MAX_XLSX_BYTES && !/\.zip$/i.test(file.name)) return { format: 'xlsx', encoding, bom, head: '' };
    const zip = zipKind(new Uint8Array(await file.arrayBuffer()));
    const slack = zip === 'slack' || (zip === 'other' && /\.zip$/i.test(file.name));
    return { format: slack ? 'slack-zip' : 'xlsx', encoding, bom, head: '' };
  }
  if (kind) return { format: 'unknown', encoding, bom, head: '', problem: kind };
  const head = new TextDecoder(encoding).decode(sample, { stream: true });
  // A chat export is told by its header row or its first JSON keys; its own reader reads it whole, so it
  // has a size limit. A "member, date" sheet streams and has none.
  const format = detectFormat(file.name, head);
  const problem = format === 'unknown' ? 'unknown_json' : format !== 'generic' && file.size > MAX_FILE_BYTES ? 'too_large' : undefined;
  return { format, encoding, bom, head, problem };
}

const isChat = (format: ChatFormatId | 'xlsx') => format !== 'xlsx' && (isTextChatFormat(format) || format === 'slack-zip' || format === 'pywxdump-users-json');

async function preview(files: File[]) {
  if (files.length > 1) return previewMany(files);
  const file = files[0]!;
  const d = await detectFile(file);
  return previewOne(file, d);
}

async function previewOne(file: File, d: Awaited<ReturnType<typeof detectFile>>, sheets?: Preview['sheets']) {
  if (isSummaryHead(d.head)) return importSummary(file, d.encoding);
  if (d.format === 'xlsx') return previewWorkbook(file);
  if (d.format === 'pywxdump-users-json') return post({ type: 'failed', code: 'users_json_alone' });
  if (d.problem) return post({ type: 'failed', code: d.problem });
  if (isChat(d.format)) return post({ type: 'preview', preview: chatPreview([{ name: file.name, size: file.size, format: d.format as ChatFormatId }]) });
  const { encoding, bom, head: text } = d;
  // Blank lines are parsed (not skipped) so that each shown row keeps its number in the file.
  const parsed = Papa.parse<string[]>(text, { preview: PREVIEW_ROWS * 4, delimitersToGuess: [',', '\t', ';', '|'] });
  const { rows, lines } = firstRows(parsed.data);
  if (rows.length === 0) return post({ type: 'failed', code: 'no_rows' });
  post({ type: 'preview', preview: { format: 'text', encoding, bom, delimiter: parsed.meta.delimiter, rows, lines, guess: guessColumns(rows), sheets } });
}

/**
 * A warehouse summary (issue #20): the figures were computed where the data lives, so they are read and mapped
 * whole, with no columns to confirm. The mapping library is loaded only when a summary is opened.
 */
async function importSummary(file: File, encoding: TextEncodingName) {
  const started = performance.now();
  const { readSummary } = await import('../../lib/warehouse/to-health');
  const read = readSummary(new TextDecoder(encoding).decode(await file.arrayBuffer()));
  if (!read.ok) return post({ type: 'failed', code: 'summary_invalid', summary: read.refusal });
  const { rows, inactiveDays, offsetMinutes, zone, groups, all } = read.view;
  const { lifecycle, ...health } = all;
  const badCounts = { missing_member: 0, bad_date: 0, future_date: 0 };
  const warehouse = { offsetMinutes, zone, lifecycle, groups };
  post({ type: 'summary', analysis: { health: { ...health, members: noMembers() }, rows, events: 0, inactiveDays, bad: [], badCounts, seconds: (performance.now() - started) / 1000, warehouse } });
}

const chatPreview = (files: DetectedFile[]) => ({ format: 'text' as const, encoding: 'utf-8' as const, bom: false, delimiter: ',', rows: [], lines: [], guess: { member: null, date: null, hasHeader: true }, chat: { files } });

/**
 * Several files: each is named with its format (or why it cannot be read) before anything is read whole.
 * Several "member, date" CSV/TSV files (a long export cut into parts) are one sheet: the first file's rows
 * are previewed and its columns apply to all; the analysis checks that every file's header matches.
 */
async function previewMany(files: File[]) {
  const listed: DetectedFile[] = [];
  const detected: Awaited<ReturnType<typeof detectFile>>[] = [];
  for (const file of files) {
    const d = await detectFile(file);
    detected.push(d);
    const format = d.format === 'xlsx' ? 'generic' : d.format;
    listed.push(d.problem ? { name: file.name, size: file.size, format, problem: d.problem } : { name: file.name, size: file.size, format });
  }
  const sheets = detected.every((d) => d.format === 'generic' && !d.problem);
  if (sheets) return previewOne(files[0]!, detected[0]!, { files: listed, bytes: files.reduce((n, f) => n + f.size, 0) });
  if (!listed.some((f) => !f.problem && isChat(f.format))) return post({ type: 'failed', code: listed.every((f) => f.format === 'generic') ? 'generic_with_others' : (listed.find((f) => f.problem)?.problem ?? 'unknown_json') });
  post({ type: 'preview', preview: chatPreview(listed) });
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

/**
 * The chat exports as read, kept between analyses with other staff ticks: reading is the slow part, and the
 * files have not changed. Keyed by each file's name, size and date, and the offset zone-less times were read at.
 */
let chats: { key: string; read: ChatFilesRead } | null = null;

async function readChats(files: File[], offsetMinutes: number): Promise<ChatFilesRead> {
  const key = [offsetMinutes, ...files.map((f) => `${f.name}\u0000${f.size}\u0000${f.lastModified}`)].join('\u0001');
  if (chats?.key === key) return chats.read;
  chats = null;
  const inputs: ChatFileInput[] = [];
  for (const [i, file] of files.entries()) {
    const d = await detectFile(file);
    const format = d.format === 'xlsx' ? 'generic' : d.problem ? 'unknown' : d.format;
    const base = { name: file.name, format, lastModified: file.lastModified };
    if (format === 'slack-zip') inputs.push({ ...base, bytes: new Uint8Array(await file.arrayBuffer()) });
    else if (isChat(format)) inputs.push({ ...base, text: new TextDecoder(d.encoding).decode(await file.arrayBuffer()) });
    else inputs.push(base);
    post({ type: 'progress', phase: 'read', fraction: (i + 1) / files.length });
  }
  const read = readChatFiles(inputs, { offsetMinutes });
  chats = { key, read };
  return read;
}

/** Chat exports: each file's reader, then the same analysis as any export. Message text never leaves this worker. */
async function analyzeChat(files: File[], s: AnalyzeSettings, started: number) {
  const read = await readChats(files, s.offsetMinutes);
  post({ type: 'progress', phase: 'parse', fraction: 1 });
  if (read.exports.length === 0) {
    const first = read.files.find((f) => f.refused)!;
    const failure = { format: first.format, reason: first.refused!.reason, detail: first.refused!.detail, fileName: first.name };
    return post({ type: 'failed', code: 'chat_unreadable', chat: failure });
  }
  const exclude = new Set(s.exclude ?? []);
  const summary = summarizeChat(read.exports, { offsetMinutes: s.offsetMinutes, exclude });
  const events = summary.events.filter((e) => e.date <= s.today);
  post({ type: 'progress', phase: 'analyze', fraction: 1 });
  // Future-dated messages are not counted: the summary's counts say so too.
  const future = summary.events.length - events.length;
  const kept = future > 0 ? new Set(events.map((e) => e.member)) : null;
  const chat = kept ? { ...summary.summary, messages: summary.summary.messages - future, speakers: kept.size } : summary.summary;
  const people = {
    senders: topSenders(read.exports.flatMap((x) => x.records)),
    names: Object.fromEntries(summary.names),
    rosters: read.rosters.map((r) => ({ ...r, left: r.left.filter((e) => !exclude.has(e.member)), arrived: r.arrived.filter((e) => !exclude.has(e.member)) })),
    future,
  };
  // Roster members and join days: silent members count, joins set cohorts. A speaker known only by their
  // messages, all of them future-dated, is not brought back as a listed member.
  const known = kept ? summary.known.filter((k) => k.roster || kept.has(k.member)) : summary.known;
  // Future-dated messages are said in the chat's own sentence (people.future), not as skipped rows.
  finish(events, s, started, { rows: summary.summary.records, bad: [], badCounts: { missing_member: 0, bad_date: 0, future_date: 0 }, chat, chatFiles: read.files, people }, known);
}

async function analyze(files: File[], s: AnalyzeSettings) {
  const started = performance.now();
  post({ type: 'progress', phase: 'read', fraction: 0 });
  if (s.chat) return analyzeChat(files, s, started);
  if (s.format === 'xlsx') return analyzeWorkbook(files[0]!, s, started);
  const header = s.hasHeader ? await headerRow(files[0]!, s) : null;
  const reader = sheetReader(s, header);
  const total = files.reduce((n, f) => n + f.size, 0);
  const plan = await splitPlan(files, s);
  // The second worker reads its share at the same time; its bytes and rows count in the progress.
  let theirs = { bytes: 0, rows: 0 };
  const helper = plan.theirs.length > 0 ? new Worker(new URL(import.meta.url), { type: 'module' }) : null;
  const helped = new Promise<FromHelper>((resolve) => {
    if (!helper) return;
    helper.onmessage = (e: MessageEvent<FromHelper>) => (e.data.type === 'part-progress' ? (theirs = e.data) : resolve(e.data));
    helper.onerror = () => resolve({ type: 'part-failed' });
    helper.postMessage({ type: 'scan-part', parts: plan.theirs, settings: s, header } satisfies ToWorker);
  });
  let lastPost = 0;
  const progress = (mine: number) => {
    const now = performance.now();
    if (now - lastPost < PROGRESS_EVERY) return;
    lastPost = now;
    const bytes = mine + theirs.bytes;
    const rows = reader.rows + theirs.rows;
    const p = streamProgress({ bytes, total, rows, seconds: (now - started) / 1000 });
    post({ type: 'progress', phase: 'parse', fraction: p.fraction, stream: { ...p, rows, bytes, total } });
  };
  try {
    let mine = 0;
    for (const part of plan.mine) mine = await scanPart(reader, part, part.end, s.encoding, mine, progress);
    if (helper && plan.cut !== null) {
      // One file cut in two: the cut is only good if this worker's rows ended exactly there (not inside a
      // quoted cell with a line break). Otherwise this worker reads on by itself.
      const file = plan.mine[0]!.file;
      if (!reader.atRecordEnd) {
        helper.terminate();
        // Its rows so far are read again here: they no longer count in the progress.
        theirs = { bytes: 0, rows: 0 };
        await scanPart(reader, { file, name: '', start: plan.cut, part: true }, file.size, s.encoding, mine, progress, true);
        reader.endFile();
        return done(reader, s, started);
      }
    }
    const lines = reader.lines;
    reader.endFile();
    if (helper) {
      const m = await helped;
      helper.terminate();
      if (m.type === 'part-failed') return post(m.fileName === undefined ? { type: 'failed', code: 'unreadable' } : { type: 'failed', code: 'columns_differ', fileName: m.fileName });
      if (m.type === 'part-done') reader.absorb(m.state, plan.cut === null ? 0 : lines);
    }
  } catch (e) {
    helper?.terminate();
    if (e instanceof ColumnsDifferError) return post({ type: 'failed', code: 'columns_differ', fileName: e.file });
    throw e;
  }
  done(reader, s, started);
}

function done(reader: SheetReader, s: AnalyzeSettings, started: number) {
  if (reader.rows === 0) return post({ type: 'failed', code: 'no_rows' });
  post({ type: 'progress', phase: 'analyze', fraction: 1 });
  const read = { rows: reader.rows, bad: reader.bad, badCounts: reader.badCounts };
  const health = reader.events === 0 ? null : healthOf(reader.result(s.inactiveDays));
  post({ type: 'done', analysis: { health, inactiveDays: s.inactiveDays, events: reader.events, seconds: (performance.now() - started) / 1000, ...read } });
}

const sheetReader = (s: AnalyzeSettings, header: string[] | null) =>
  new SheetReader({ delimiter: s.delimiter, member: s.member, date: s.date, hasHeader: s.hasHeader, offsetMinutes: s.offsetMinutes, today: s.today, header: header ?? undefined });

/** The first file's header row (its first row that is not blank), which every file must repeat. */
async function headerRow(file: File, s: AnalyzeSettings): Promise<string[] | null> {
  const head = new TextDecoder(s.encoding).decode(await file.slice(0, ENCODING_SAMPLE_BYTES).arrayBuffer(), { stream: true });
  const rows = Papa.parse<string[]>(head, { delimiter: s.delimiter, preview: PREVIEW_ROWS * 4 }).data;
  return rows.find((r) => !isBlankRow(r)) ?? null;
}

/** Below this, a second worker costs more to start than it saves. */
const SPLIT_MIN_BYTES = 4 * 1024 * 1024;

/**
 * Which rows this worker reads and which the second one does, so both cores work: several files are shared
 * out whole, in order (the first ones here, so skipped rows stay in file order); one UTF-8 file is cut at
 * the first line break after its middle (`cut`), checked once this worker's rows reach it.
 */
async function splitPlan(files: File[], s: AnalyzeSettings): Promise<{ mine: (SheetPart & { end: number })[]; theirs: SheetPart[]; cut: number | null }> {
  const total = files.reduce((n, f) => n + f.size, 0);
  const whole = (file: File) => ({ file, name: files.length > 1 ? file.name : '', start: 0, end: file.size, part: false });
  const alone = { mine: files.map(whole), theirs: [], cut: null };
  if (total < SPLIT_MIN_BYTES || (navigator.hardwareConcurrency ?? 1) < 2) return alone;
  if (files.length > 1) {
    let taken = 0;
    let k = 0;
    while (k < files.length - 1 && taken + files[k]!.size <= total / 2) taken += files[k++]!.size;
    if (k === 0) k = 1;
    const mine = files.slice(0, k).map(whole);
    const theirs = files.slice(k).map(whole);
    // A share under a quarter is not worth a second worker.
    return theirs.reduce((n, p) => n + p.file.size, 0) < total / 4 ? alone : { mine, theirs, cut: null };
  }
  if (s.encoding !== 'utf-8') return alone;
  const file = files[0]!;
  const middle = Math.floor(file.size / 2);
  const probe = new Uint8Array(await file.slice(middle, middle + 1024 * 1024).arrayBuffer());
  const lf = probe.indexOf(10);
  if (lf === -1) return alone;
  const cut = middle + lf + 1;
  return { mine: [{ ...whole(file), end: cut }], theirs: [{ file, name: '', start: cut, part: true }], cut };
}

/**
 * Streams bytes `start … end − 1` of a file into the reader (from the start: a new file; with `more`, the
 * rest of the file already started). Returns the bytes read so far, counting on from `bytes`.
 */
async function scanPart(reader: SheetReader, p: SheetPart, end: number, encoding: TextEncodingName, bytes: number, progress: (bytes: number) => void, more = false): Promise<number> {
  if (!more) reader.startFile(p.name, p.part);
  // GB18030 and UTF-16 are re-encoded as UTF-8 as they stream; UTF-8 goes to the scanner as it is.
  const decoder = encoding === 'utf-8' ? null : new TextDecoder(encoding);
  const encoder = new TextEncoder();
  const chunks = (p.start === 0 && end === p.file.size ? p.file : p.file.slice(p.start, end)).stream().getReader();
  // The next chunk is asked for before this one is scanned: the browser reads the file while we count.
  let next = chunks.read();
  for (;;) {
    const { done, value } = await next;
    if (done) break;
    next = chunks.read();
    reader.push(decoder ? encoder.encode(decoder.decode(value, { stream: true })) : value);
    bytes += value.length;
    progress(bytes);
  }
  if (decoder) reader.push(encoder.encode(decoder.decode()));
  return bytes;
}

/** In the second worker: its share of the sheet, read and handed back whole (its arrays transferred). */
async function scanShare(parts: SheetPart[], s: AnalyzeSettings, header: string[] | null) {
  const reply = (m: FromHelper, transfer: Transferable[] = []) => postMessage(m, { transfer });
  const reader = sheetReader(s, header);
  let last = 0;
  try {
    let bytes = 0;
    for (const p of parts) {
      bytes = await scanPart(reader, p, p.file.size, s.encoding, bytes, (b) => {
        const now = performance.now();
        if (now - last < PROGRESS_EVERY) return;
        last = now;
        reply({ type: 'part-progress', bytes: b, rows: reader.rows });
      });
      reader.endFile();
    }
  } catch (e) {
    return reply(e instanceof ColumnsDifferError ? { type: 'part-failed', fileName: e.file } : { type: 'part-failed' });
  }
  const state = reader.state();
  const a = state.activity;
  reply({ type: 'part-done', state }, [a.first.buffer, a.last.buffer, a.monthsLo.buffer, a.monthsHi.buffer, ...a.ring.map((b) => b.buffer)]);
}

/** The page's figures from the streamed aggregation (the same shape `finish` builds from events). */
function healthOf({ report: { tierOf, atRisk, ...report }, members }: AggregateResult): Health {
  return {
    report,
    atRisk: atRisk.map((a) => ({ ...a, tier: tierOf[a.member]! })),
    members: toColumns(members),
    profile: tierProfile(members),
    retention: averageRetention(report),
  };
}

/** A workbook is held whole by its reader anyway: its rows go through the row collector and the analysis. */
async function analyzeWorkbook(file: File, s: AnalyzeSettings, started: number) {
  const collector = new EventCollector({ member: s.member, date: s.date, offsetMinutes: s.offsetMinutes, today: s.today });
  // Blank rows are skipped silently; with a header, the first other row names the columns (as in the preview).
  let header = s.hasHeader;
  const rows = await readWorkbook(file);
  // Row i of the sheet is spreadsheet row i + 1: the reader keeps blank rows in place.
  rows.forEach((row, i) => {
    if (isBlankRow(row)) return;
    if (header) header = false;
    else collector.add(row, i + 1);
    if (i % 4096 === 0) post({ type: 'progress', phase: 'parse', fraction: i / rows.length });
  });
  if (collector.rows === 0) return post({ type: 'failed', code: 'no_rows' });
  post({ type: 'progress', phase: 'analyze', fraction: 1 });
  finish(collector.events, s, started, { rows: collector.rows, bad: collector.bad, badCounts: collector.badCounts });
}

/** The analysis of the events, whatever file they came from. */
function finish(events: ActivityEvent[], s: AnalyzeSettings, started: number, read: Pick<Analysis, 'rows' | 'bad' | 'badCounts' | 'chat' | 'chatFiles' | 'people'>, known?: readonly KnownMember[]) {
  let health: Health | null = null;
  if (events.length > 0) {
    const { tierOf, atRisk, ...report } = analyzeActivity(events, { inactiveDays: s.inactiveDays }, known);
    const members = memberTiers(events, { asOf: report.asOf, tierOf });
    // The note's "never posted" count is the one the member count holds (roster members joined after the
    // as-of date are in neither); every event is a speaker's, on or before the as-of date.
    if (read.chat && known) read = { ...read, chat: { ...read.chat, silentMembers: report.members - read.chat.speakers } };
    health = {
      report,
      atRisk: atRisk.map((a) => ({ ...a, tier: tierOf[a.member]! })),
      members: toColumns(members),
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
  if (m.type === 'scan-part') return void scanShare(m.parts, m.settings, m.header);
  const run = m.type === 'preview' ? preview(m.files) : analyze(m.files, m.settings);
  run.catch(() => post({ type: 'failed', code: 'unreadable' }));
};
