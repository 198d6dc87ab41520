#!/usr/bin/env node
// CSV parsers side by side in Node on the health-check bench's seeded export (tests/health-bench-data.mjs;
// 1,000,000 rows ≈ 40 MB by default): `node tests/bench-parsers.mjs [--rows=N] [--runs=5]` (Node 24: `npx node …`).
//   (a) Papa Parse (the page's parser until the streaming scanner): the decoded string, 1 MB chunk callbacks,
//       as analysis-worker.ts calls it;
//   (b) uDSV (devDependency `udsv`): the same string fed in 1 MB slices to its incremental parser;
//   (c) the health check's byte scanner, src/lib/health/stream/csv-scan.ts (bundled with esbuild): the file
//       as Uint8Array chunks of 1 MB, undecoded (the page reads the two cells it needs from the bytes).
// Each prints MB/s of the file's bytes (median of the runs) and the rows it saw, which must agree. The UTF-8
// decode that (a) and (b) need first is timed on its own line: add it to compare them with (c).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Papa from 'papaparse';
import { importTs, writeBenchFiles } from './health-bench-data.mjs';

const arg = (name, fallback) => Number(process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) ?? fallback);
const rows = arg('rows', 1_000_000);
const runs = arg('runs', 5);
const MB = 1024 * 1024;

const dir = mkdtempSync(join(tmpdir(), 'parsers-bench-'));
let bytes;
try {
  const [file] = await writeBenchFiles({ rows, dir });
  bytes = new Uint8Array(readFileSync(file));
} finally {
  rmSync(dir, { recursive: true, force: true });
}
const size = bytes.length / MB;
const text = new TextDecoder('utf-8').decode(bytes);
const chunks = [];
for (let i = 0; i < bytes.length; i += MB) chunks.push(bytes.subarray(i, Math.min(i + MB, bytes.length)));
console.log(`${rows.toLocaleString('en')} rows, ${size.toFixed(1)} MB, median of ${runs} runs, Node ${process.version}`);

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const results = [];
/** Times `fn` (which returns the rows it saw) `runs` times after one warm-up run. */
async function measure(name, fn) {
  const seen = await fn();
  const times = [];
  for (let r = 0; r < runs; r++) {
    const t0 = performance.now();
    await fn();
    times.push((performance.now() - t0) / 1000);
  }
  const s = median(times);
  results.push({ name, s, mbps: size / s, rows: seen });
  console.log(`${name.padEnd(44)} ${(size / s).toFixed(1).padStart(7)} MB/s  ${s.toFixed(3)} s  ${typeof seen === 'number' ? `${seen.toLocaleString('en')} rows` : ''}`);
}

// Every parser touches each row's first two fields (the date and the member), as the page's collector does;
// rows counted include the header.
let sink = 0;
await measure('UTF-8 decode (TextDecoder)', () => {
  sink += new TextDecoder('utf-8').decode(bytes).length;
});

await measure('(a) Papa Parse, 1 MB chunks', () => {
  let n = 0;
  return new Promise((resolve) =>
    Papa.parse(text, {
      delimiter: ',',
      chunkSize: MB,
      chunk: (res) => {
        for (const row of res.data) {
          // The final line break leaves one empty row, which the page skips as blank.
          if (row.length === 1 && row[0] === '') continue;
          n++;
          sink += row[0].length + (row[1]?.length ?? 0);
        }
      },
      complete: () => resolve(n),
    }),
  );
});

let udsv = null;
try {
  udsv = await import('udsv');
} catch {
  console.log('(b) uDSV: skipped, the package `udsv` is not installed');
}
if (udsv) {
  const schema = udsv.inferSchema(text.slice(0, 64 * 1024), { header: () => [] });
  await measure('(b) uDSV, 1 MB slices', () => {
    const parser = udsv.initParser(schema);
    let n = 0;
    const onData = (row) => {
      n++;
      sink += row[0].length + (row[1]?.length ?? 0);
    };
    for (let i = 0; i < text.length; i += MB) parser.chunk(text.slice(i, i + MB), parser.stringArrs, onData);
    parser.end();
    return n;
  });
}

const scanPath = fileURLToPath(new URL('../src/lib/health/stream/csv-scan.ts', import.meta.url));
const { CsvScanner } = await importTs(`export { CsvScanner } from ${JSON.stringify(scanPath)};`);
// The scanner reports where the wanted cells are; the page decodes nothing else (member IDs are numbered from
// their bytes, dates read from bytes), so touching the two cells' offsets is the fair equivalent here.
await measure('(c) byte scanner (CsvScanner), 1 MB chunks, no decode', () => {
  let n = 0;
  const scanner = new CsvScanner(44, [0, 1], (r) => {
    n++;
    sink += r.cells[1] - r.cells[0] + (r.cells[3] - r.cells[2]);
  });
  for (const c of chunks) scanner.push(c);
  scanner.end();
  return n;
});

const counts = new Set(results.map((r) => r.rows).filter((n) => typeof n === 'number'));
if (counts.size > 1) {
  console.log(`ROW COUNTS DIFFER: ${results.map((r) => `${r.name} ${r.rows}`).join(', ')}`);
  process.exitCode = 1;
}
if (sink < 0) console.log(sink);
