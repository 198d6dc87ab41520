// The seeded activity export the health-check benchmarks read (tests/bench-health.mjs, tests/bench-parsers.mjs):
// date-times, IDs, nicknames and a group column, 60,000 members, a few far more active than the rest. The same
// seed gives the same rows whatever the number of files, so a 1-file and a 20-file run hold the same events.
// Files are written in ~1 MB chunks (a 10M-row, ≈400 MB export is never one string in memory).
import { open } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import writeExcelFile from 'write-excel-file/node';

export const CSV_HEADER = '互动时间,成员ID,昵称,群名称\n';
export const CHAT_HEADER = '\uFEFFlocalId,TalkerId,Type,SubType,IsSender,CreateTime,Status,StrContent,StrTime,Remark,NickName,Sender\n';
export const MEMBERS = 60_000;
const START = Date.UTC(2026, 0, 1);

/** Row i's member number and time (its UTC fields are the date-time written in the file), in seed order. */
export function* benchRows(rows) {
  // The LCG of C's rand(), in exact 32-bit arithmetic. (The first version computed s · 1,103,515,245 in floating
  // point: past 2^53 the low bits were lost and the sequence fell into a cycle of 11,801 rows, so a "1M-row"
  // file held 11,801 distinct rows repeated and 9,817 members instead of ~60,000.)
  let s = 7;
  const rand = () => (s = (Math.imul(s, 1_103_515_245) + 12_345) & 0x7fff_ffff) / 2_147_483_648;
  for (let i = 0; i < rows; i++) {
    const m = Math.floor(rand() ** 2 * MEMBERS);
    const t = new Date(START + Math.floor(rand() * 300) * 86_400_000 + Math.floor(rand() * 86_400_000));
    yield { i, m, t };
  }
}

/** The member ID and the calendar day the page reads from a generic CSV row (a zoneless time counts as written). */
export const memberId = (m) => `wx_${m.toString(36)}`;
export const writtenDay = (t) => t.toISOString().slice(0, 10);

/** One generic CSV line: `2026/3/5 14:03,wx_1ab,成员123,社群4`. */
export const csvLine = ({ m, t }) =>
  `${t.getUTCFullYear()}/${t.getUTCMonth() + 1}/${t.getUTCDate()} ${t.getUTCHours()}:${String(t.getUTCMinutes()).padStart(2, '0')},${memberId(m)},成员${m},社群${m % 7}\n`;

/** One 留痕 (MemoTrace / WeChatMsg) group-chat line: Unix CreateTime, wxid senders, one system row in 50. */
const chatLine = ({ i, m, t }) => {
  const system = i % 50 === 49;
  const local = new Date(t.getTime() + 8 * 3_600_000).toISOString().slice(0, 19).replace('T', ' ');
  return `${i + 1},7,${system ? 10000 : 1},0,0,${Math.floor(t.getTime() / 1000)},2,${system ? '"成员加入了群聊"' : 'ok'},${local},,成员${m},${system ? '' : `wxid_${m.toString(36)}`}\n`;
};

/**
 * Writes `rows` seeded rows into `files` files in `dir` (each with its header; file k holds rows
 * k·rows/files … (k+1)·rows/files − 1) and returns their paths. kind: 'csv' | 'chat' | 'xlsx'.
 * Workbooks are built in memory (write-excel-file takes the whole sheet), so keep them to a few million rows.
 */
export async function writeBenchFiles({ rows, files = 1, kind = 'csv', dir }) {
  const paths = [];
  const ext = kind === 'xlsx' ? 'xlsx' : 'csv';
  const base = kind === 'chat' ? '社群' : 'activity';
  const gen = benchRows(rows);
  for (let k = 0; k < files; k++) {
    const path = join(dir, files === 1 ? `${base}.${ext}` : `${base}-${String(k + 1).padStart(2, '0')}.${ext}`);
    const end = Math.floor(((k + 1) * rows) / files);
    const count = end - Math.floor((k * rows) / files);
    if (kind === 'xlsx') {
      const sheet = [['互动时间', '成员ID', '昵称', '群名称']];
      for (let j = 0; j < count; j++) {
        const { m, t } = gen.next().value;
        sheet.push([{ value: t, format: 'yyyy/m/d hh:mm' }, memberId(m), `成员${m}`, `社群${m % 7}`]);
      }
      await writeExcelFile(sheet).toFile(path);
    } else {
      const fh = await open(path, 'w');
      try {
        let chunk = kind === 'chat' ? CHAT_HEADER : CSV_HEADER;
        for (let j = 0; j < count; j++) {
          const row = gen.next().value;
          chunk += kind === 'chat' ? chatLine(row) : csvLine(row);
          if (chunk.length >= 1 << 20) {
            await fh.write(chunk);
            chunk = '';
          }
        }
        if (chunk) await fh.write(chunk);
      } finally {
        await fh.close();
      }
    }
    paths.push(path);
  }
  return paths;
}

/**
 * Imports TypeScript from src/ in plain Node: `source` (an ES module whose imports are relative to the
 * repository root, e.g. `export { warehouseSql } from './src/lib/warehouse'`) is bundled with esbuild, dependencies
 * included, and loaded from a data: URL (src/lib's imports have no extensions, which Node's own loader refuses).
 */
export async function importTs(source) {
  const { build } = await import('esbuild');
  const root = fileURLToPath(new URL('..', import.meta.url));
  const out = await build({ stdin: { contents: source, resolveDir: root, loader: 'ts', sourcefile: 'bench-entry.ts' }, bundle: true, write: false, platform: 'node', format: 'esm', logLevel: 'silent' });
  return import(`data:text/javascript;base64,${Buffer.from(out.outputFiles[0].text).toString('base64')}`);
}
