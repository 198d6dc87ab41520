import { importTs, benchRows } from './health-bench-data.mjs';
const { ActivityAggregator, monthOfDay } = await importTs(`export { ActivityAggregator, monthOfDay } from './src/lib/health/stream/aggregate';`);
const ms = new Int32Array(1_000_000), ds = new Int32Array(1_000_000);
const firstSeen = new Map();
for (const { i, m, t } of benchRows(1_000_000)) { if (!firstSeen.has(m)) firstSeen.set(m, firstSeen.size); ms[i] = firstSeen.get(m); ds[i] = Math.floor(t.getTime() / 86400000); }
for (let run = 0; run < 4; run++) {
  let t0 = performance.now();
  const a = new ActivityAggregator();
  for (let i = 0; i < ms.length; i++) a.add(ms[i], ds[i]);
  const t1 = performance.now();
  let x = 0; for (let i = 0; i < ms.length; i++) x += monthOfDay(ds[i]);
  const t2 = performance.now();
  const s = new Set(); for (let i = 0; i < ms.length; i++) s.add(ms[i] * 4096 + (monthOfDay(ds[i]) % 4096));
  const t3 = performance.now();
  console.log('add', (t1 - t0).toFixed(0), 'monthOfDay', (t2 - t1).toFixed(0), 'set', (t3 - t2).toFixed(0), s.size);
}
