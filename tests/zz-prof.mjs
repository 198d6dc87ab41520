import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { importTs, writeBenchFiles } from './health-bench-data.mjs';
const dir = mkdtempSync(join(tmpdir(), 'prof-'));
const [file] = await writeBenchFiles({ rows: 1_000_000, dir });
const bytes = new Uint8Array(readFileSync(file));
rmSync(dir, { recursive: true, force: true });
const { SheetReader, tierProfile, averageRetention } = await importTs(`export { SheetReader } from './src/lib/health/stream/sheet-reader'; export { tierProfile, averageRetention } from './src/lib/health';`);
for (let run = 0; run < 5; run++) {
  let t = performance.now();
  const out = [];
  const lap = (l) => { const n = performance.now(); out.push(`${l} ${(n - t).toFixed(0)}`); t = n; };
  const r = new SheetReader({ delimiter: ',', member: 1, date: 0, hasHeader: true, today: '2026-12-01' });
  r.startFile('');
  for (let i = 0; i < bytes.length; i += 65536) r.push(bytes.subarray(i, i + 65536));
  r.endFile();
  lap('scan');
  const res = r.result(3);
  lap('result');
  tierProfile(res.members); averageRetention(res.report);
  lap('profile');
  structuredClone(res);
  lap('clone');
  console.log(out.join(' · '), res.report.members);
}
