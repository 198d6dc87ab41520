#!/usr/bin/env node
// Writes public/samples/health-check-sample.csv: a fictional community's activity export for the health
// check's "try with sample data" button. Deterministic (seeded), so the committed file can be regenerated
// byte for byte: `node scripts/generate-health-sample.mjs [seed]`.
//
// The community: about 300 members join over six months (more in the launch month); each has a daily
// chance of taking part and a monthly chance of drifting away, both varying from member to member, which
// is the heterogeneity the sBG model assumes. A few broken rows (no member, a date typed by hand) are
// included on purpose, as real exports have them.
import { mkdirSync, writeFileSync } from 'node:fs';
import { picker, rng } from './seeded.mjs';

const seed = Number(process.argv[2] ?? 20261123);
const random = rng(seed);
const pick = picker(random);

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤'.split('');
const GIVEN = '子涵欣怡梓轩浩然雨桐宇航思远佳琪一诺明轩若汐俊杰晨曦语嫣梦琪文博嘉怡天佑雅静志强晓峰丽娟海燕秀英建华小雨安然悦心'.split('');
const GROUPS = ['新品体验一群', '新品体验二群', '城市会员群（上海）', '城市会员群（成都）'];
const KINDS = ['发言', '发言', '发言', '点赞', '签到', '活动报名'];

const START = Date.UTC(2026, 4, 1); // 2026-05-01
const DAYS = 184; // to 2026-10-31, so the last month is complete
const DAY = 86_400_000;
const members = [];
for (let i = 0; i < 300; i++) {
  // A third join in the launch month, the rest spread over the half year.
  const join = random() < 0.33 ? Math.floor(random() * 31) : Math.floor(random() * (DAYS - 10));
  members.push({
    id: `wx_${(100000 + Math.floor(random() * 900000)).toString(36)}${i.toString(36)}`,
    name: pick(SURNAMES) + pick(GIVEN) + (random() < 0.6 ? pick(GIVEN) : ''),
    group: pick(GROUPS),
    join,
    daily: 0.01 + random() ** 3 * 0.3,
    churn: random() ** 1.5 * 0.5,
  });
}

const rows = [];
for (const m of members) {
  let day = m.join;
  let alive = true;
  const first = Math.floor(random() * 24);
  rows.push([day, 9 + Math.floor(random() * 12), first, m, '发言']);
  while (alive && ++day < DAYS) {
    if ((day - m.join) % 30 === 0 && random() < m.churn) alive = false;
    else if (random() < m.daily) {
      const n = random() < 0.3 ? 2 : 1;
      for (let k = 0; k < n; k++) rows.push([day, 8 + Math.floor(random() * 15), Math.floor(random() * 60), m, pick(KINDS)]);
    }
  }
}
rows.sort((a, b) => a[0] - b[0] || a[1] - b[1] || a[2] - b[2]);

const pad = (n) => String(n).padStart(2, '0');
const stamp = (day, h, min) => {
  const d = new Date(START + day * DAY);
  // Excel's default Chinese date-time: no leading zeros in month and day.
  return `${d.getUTCFullYear()}/${d.getUTCMonth() + 1}/${d.getUTCDate()} ${h}:${pad(min)}`;
};
const lines = rows.map(([day, h, min, m, kind]) => [stamp(day, h, min), m.id, m.name, m.group, kind]);
// Broken rows, as exports have them: a deleted account, a date typed by hand, a row from a test account.
lines.splice(120, 0, [stamp(20, 10, 5), '', '（已注销）', GROUPS[0], '发言']);
lines.splice(900, 0, ['下周三', members[3].id, members[3].name, members[3].group, '活动报名']);
lines.splice(2000, 0, ['2026/9/31 10:00', members[7].id, members[7].name, members[7].group, '签到']);

const csv = (cell) => (/[",\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell);
const text = ['互动时间,成员ID,昵称,群名称,互动类型', ...lines.map((l) => l.map(csv).join(','))].join('\r\n') + '\r\n';
mkdirSync('public/samples', { recursive: true });
// With a BOM, as Excel's "CSV UTF-8" saves it.
writeFileSync('public/samples/health-check-sample.csv', `\uFEFF${text}`);
console.log(`seed ${seed}: ${lines.length} rows, ${members.length} members, ${(Buffer.byteLength(text) / 1024).toFixed(0)} KB`);
