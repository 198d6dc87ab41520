/**
 * The health check's worker: reads the export, decodes it with the detected encoding, parses it with
 * Papa Parse in 1 MB chunks (reporting progress after each) and runs the analysis, all off the page's
 * thread. Nothing here touches the network. Cancelling is the page terminating this worker.
 */
import Papa from 'papaparse';
import { analyzeActivity } from '../../lib/activity';
import { binaryKind, detectEncoding, ENCODING_SAMPLE_BYTES } from '../../lib/encoding';
import { EventCollector, guessColumns } from '../../lib/event-rows';
import { averageRetention, memberTiers, tierProfile } from '../../lib/health';
import type { AnalyzeSettings, FromWorker, Health, ToWorker } from './protocol';

const post = (message: FromWorker) => postMessage(message);
const PREVIEW_ROWS = 30;
const CHUNK = 1024 * 1024;

async function preview(file: File) {
  if (file.size === 0) return post({ type: 'failed', code: 'empty_file' });
  const sample = new Uint8Array(await file.slice(0, ENCODING_SAMPLE_BYTES).arrayBuffer());
  const detected = detectEncoding(sample);
  const kind = binaryKind(sample, detected);
  if (kind) return post({ type: 'failed', code: kind });
  const { encoding, bom } = detected;
  const text = new TextDecoder(encoding).decode(sample, { stream: true });
  const parsed = Papa.parse<string[]>(text, { preview: PREVIEW_ROWS, skipEmptyLines: 'greedy', delimitersToGuess: [',', '\t', ';', '|'] });
  const rows = parsed.data.filter((r) => Array.isArray(r));
  if (rows.length === 0) return post({ type: 'failed', code: 'no_rows' });
  post({ type: 'preview', preview: { encoding, bom, delimiter: parsed.meta.delimiter, rows, guess: guessColumns(rows) } });
}

async function analyze(file: File, s: AnalyzeSettings) {
  const started = performance.now();
  post({ type: 'progress', phase: 'read', fraction: 0 });
  const text = new TextDecoder(s.encoding).decode(await file.arrayBuffer());
  const collector = new EventCollector({ member: s.member, date: s.date, offsetMinutes: s.offsetMinutes, today: s.today });
  // Rows are numbered as a spreadsheet numbers them: a quoted cell with line breaks is still one row.
  let line = 0;
  let lastReport = 0;
  await new Promise<void>((resolve) =>
    Papa.parse<string[]>(text, {
      delimiter: s.delimiter,
      chunkSize: CHUNK,
      chunk: (results: Papa.ParseResult<string[]>) => {
        for (const row of results.data) {
          line++;
          if (line === 1 && s.hasHeader) continue;
          if (row.length === 1 && row[0]!.trim() === '') continue;
          collector.add(row, line);
        }
        const fraction = text.length === 0 ? 1 : results.meta.cursor / text.length;
        if (fraction - lastReport >= 0.02) {
          lastReport = fraction;
          post({ type: 'progress', phase: 'parse', fraction });
        }
      },
      complete: () => resolve(),
    }),
  );
  if (collector.rows === 0) return post({ type: 'failed', code: 'no_rows' });
  post({ type: 'progress', phase: 'analyze', fraction: 1 });
  let health: Health | null = null;
  if (collector.events.length > 0) {
    const { tierOf, atRisk, ...report } = analyzeActivity(collector.events, { inactiveDays: s.inactiveDays });
    const members = memberTiers(collector.events, { asOf: report.asOf, tierOf });
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
    analysis: {
      health,
      rows: collector.rows,
      inactiveDays: s.inactiveDays,
      events: collector.events.length,
      bad: collector.bad,
      badCounts: collector.badCounts,
      seconds: (performance.now() - started) / 1000,
    },
  });
}

onmessage = (e: MessageEvent<ToWorker>) => {
  const m = e.data;
  const run = m.type === 'preview' ? preview(m.file) : analyze(m.file, m.settings);
  run.catch(() => post({ type: 'failed', code: 'unreadable' }));
};
