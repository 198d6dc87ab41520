#!/usr/bin/env node
// Writes public/samples/warehouse-summary-sample.csv: the warehouse page's DuckDB SQL (src/lib/warehouse)
// run by DuckDB over the health check's own sample (public/samples/health-check-sample.csv), exported as CSV
// with its header, as a warehouse team would export it. Opened in the health check, it must draw the same
// figures as the sample itself (tests/e2e/warehouse-import.spec.ts checks it). Deterministic: the query sorts
// its rows, so `node scripts/generate-warehouse-summary.mjs` rewrites the committed file byte for byte.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { build } from 'esbuild';

// The library is TypeScript: bundle it in memory (esbuild is already installed with Vite) and import that.
const bundle = await build({ entryPoints: ['src/lib/warehouse/index.ts'], bundle: true, format: 'esm', platform: 'node', write: false, logLevel: 'silent' });
const { warehouseSql } = await import(`data:text/javascript;base64,${Buffer.from(bundle.outputFiles[0].text).toString('base64')}`);

const con = await (await DuckDBInstance.create(':memory:')).connect();
// The sample's times are Beijing wall-clock times with no zone ("2026/5/1 10:09"), so offset 0 keeps each on the
// day written, as the health check reads them. Unreadable dates (a hand-typed "下周三", the non-existent 31
// September) become NULL and, like the row with no member ID, are left out by the query, as the page skips them.
await con.run(`CREATE TABLE events AS
  SELECT "成员ID" AS member_id, "群名称" AS group_name, try_strptime("互动时间", '%Y/%-m/%-d %-H:%M') AS created_at
  FROM read_csv('public/samples/health-check-sample.csv', header = true, all_varchar = true)`);
const sql = warehouseSql({ dialect: 'duckdb', table: 'events', member: 'member_id', time: 'created_at', timeType: 'timestamp', offsetMinutes: 0, group: 'group_name' });
const dir = mkdtempSync(join(tmpdir(), 'warehouse-sample-'));
const file = join(dir, 'summary.csv');
await con.run(`COPY (${sql.replace(/;\s*$/, '')}) TO '${file}' (HEADER, DELIMITER ',')`);
const text = readFileSync(file, 'utf8');
rmSync(dir, { recursive: true, force: true });
con.closeSync();
writeFileSync('public/samples/warehouse-summary-sample.csv', text);
const events = text.split('\n').length - 2;
console.log(`public/samples/warehouse-summary-sample.csv: ${events} summary rows, ${(Buffer.byteLength(text) / 1024).toFixed(0)} KB`);
