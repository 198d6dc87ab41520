#!/usr/bin/env node
// Writes public/samples/health-check-sample-telegram.json: a fictional club's Telegram Desktop export
// ("Export Telegram data", machine-readable JSON) with three groups, for the health check's chat analytics.
// Deterministic (seeded): `node scripts/generate-chat-sample.mjs [seed]` rewrites the committed file byte for byte.
//
// The shape follows Telegram Desktop's JSON writer (personal_information, chats.list[] of chats with
// messages[]; each message with id, type, date, date_unixtime, from, from_id, text and text_entities; replies
// with reply_to_message_id; joins as service messages). Every person, name and line of text is invented.
// The club: about 120 members join over six months (2026-05 to 2026-10), talk mostly on weekday evenings and
// weekend mornings, ask questions that others answer (or not) through Telegram's reply, and drift away at
// different rates. The exporting account is the club's organiser, whose own messages the health check leaves out.
import { mkdirSync, writeFileSync } from 'node:fs';
import { picker, rng } from './seeded.mjs';

const seed = Number(process.argv[2] ?? 20261130);
const random = rng(seed);
const pick = picker(random);

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔'.split('');
const GIVEN = '子涵欣怡梓轩浩然雨桐宇航思远佳琪一诺明轩若汐俊杰晨曦语嫣文博嘉怡天佑雅静志强晓峰丽娟海燕安然悦心'.split('');
const GROUPS = [
  { id: 1700000101, name: '城市骑行俱乐部 · 交流群', type: 'private_supergroup', weight: 0.5 },
  { id: 1700000102, name: '城市骑行俱乐部 · 周末约骑', type: 'private_supergroup', weight: 0.3 },
  { id: 1700000103, name: '城市骑行俱乐部 · 装备闲置', type: 'private_supergroup', weight: 0.2 },
];
const QUESTIONS = ['这周六还骑吗？', '新手用什么胎压合适？', '谁有备用的内胎？', '集合点在哪里？', '下雨的话改时间吗？', '锁鞋值得买吗？', '路线发在哪儿了？', '车灯有推荐吗？'];
const REPLIES = ['照常，七点集合', '看体重，先打到 80 左右试试', '我有一条，明天带给你', '老地方，公园南门', '群公告里有', '值得，先从双面锁踏开始', '我用的这款还不错', '改到周日早上'];
const CHAT = ['今天风好大', '刚骑完 40 公里', '分享一张路上的照片', '早上好', '周末见', '这条路修好了', '收到', '哈哈哈', '下次带上我', '补胎工具很好用'];
const ORGANISER = { id: 'user7000001', name: '骑行俱乐部小助手' };

const START = Date.UTC(2026, 4, 1) - 8 * 3_600_000; // 2026-05-01 00:00 at UTC+8
const DAYS = 184; // to 2026-10-31
const DAY = 86_400_000;
const members = [];
for (let i = 0; i < 120; i++) {
  const join = random() < 0.35 ? Math.floor(random() * 20) : Math.floor(random() * (DAYS - 14));
  const r = random();
  members.push({
    id: `user${7100000 + i * 37}`,
    name: pick(SURNAMES) + pick(GIVEN) + (random() < 0.6 ? pick(GIVEN) : ''),
    home: r < 0.55 ? 0 : r < 0.85 ? 1 : 2,
    join,
    daily: 0.01 + random() ** 3 * 0.18,
    churn: random() ** 1.5 * 0.45,
  });
}

/** A local hour of day: weekday evenings and lunch, weekend mornings. */
function hourOf(weekend) {
  const x = random();
  if (weekend) return x < 0.5 ? 7 + Math.floor(random() * 4) : 11 + Math.floor(random() * 11);
  return x < 0.55 ? 19 + Math.floor(random() * 4) : x < 0.75 ? 12 + Math.floor(random() * 2) : 8 + Math.floor(random() * 14);
}

// Events: [at (ms), group index, sender, kind, text, replyTo (event index)].
const events = [];
for (const m of members) {
  events.push({ at: START + m.join * DAY + (9 + Math.floor(random() * 12)) * 3_600_000, group: m.home, who: m, service: 'join_group_by_link' });
  let day = m.join;
  let alive = true;
  while (alive && ++day < DAYS) {
    if ((day - m.join) % 30 === 0 && random() < m.churn) alive = false;
    else if (random() < m.daily) {
      const weekday = new Date(START + day * DAY + 8 * 3_600_000).getUTCDay();
      const weekend = weekday === 0 || weekday === 6;
      const group = random() < 0.7 ? m.home : weekend ? 1 : pick([0, 0, 2]);
      const at = START + day * DAY + hourOf(weekend) * 3_600_000 + Math.floor(random() * 3_600_000);
      const ask = random() < 0.22;
      events.push({ at, group, who: m, text: ask ? pick(QUESTIONS) : pick(CHAT), ask });
    }
  }
}
// The organiser posts a notice most Mondays (left out by the health check as the exporting account).
for (let day = 3; day < DAYS; day += 7) events.push({ at: START + day * DAY + 10 * 3_600_000, group: 0, who: ORGANISER, text: '本周活动安排已更新，请看群公告' });
events.sort((a, b) => a.at - b.at);

// Replies: about two thirds of questions get one from someone else in the same group, after minutes to hours.
const replies = [];
for (const q of events) {
  if (!q.ask || random() > 0.68) continue;
  const others = members.filter((m) => m !== q.who && m.home === q.group && m.join * DAY + START < q.at);
  if (others.length === 0) continue;
  const wait = Math.floor(Math.exp(Math.log(3) + random() * Math.log(400)) * 60_000);
  if (q.at + wait >= START + DAYS * DAY) continue;
  replies.push({ at: q.at + wait, group: q.group, who: pick(others), text: pick(REPLIES), to: q });
}
const all = [...events, ...replies].sort((a, b) => a.at - b.at);

const pad = (n) => String(n).padStart(2, '0');
const localDate = (at) => {
  const d = new Date(at + 8 * 3_600_000);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
};
const chats = GROUPS.map((g) => ({ name: g.name, type: g.type, id: g.id, messages: [] }));
const ids = new Map();
for (const e of all) {
  const chat = chats[e.group];
  const id = chat.messages.length + 1;
  ids.set(e, id);
  const base = { id, type: e.service ? 'service' : 'message', date: localDate(e.at), date_unixtime: String(Math.floor(e.at / 1000)) };
  if (e.service) {
    chat.messages.push({ ...base, actor: e.who.name, actor_id: e.who.id, action: e.service, text: '', text_entities: [] });
    continue;
  }
  const message = { ...base, from: e.who.name, from_id: e.who.id };
  if (e.to) message.reply_to_message_id = ids.get(e.to);
  chat.messages.push({ ...message, text: e.text, text_entities: [{ type: 'plain', text: e.text }] });
}
const data = {
  about: 'Here is the data you requested. Remember: Telegram is ad free, it doesn\'t sell your data.',
  personal_information: { user_id: Number(ORGANISER.id.slice(4)), first_name: ORGANISER.name, last_name: '', phone_number: '+00 000 000 0000', username: '@club_helper_invented', bio: '' },
  chats: { about: 'This page lists all chats from this export.', list: chats },
};
const text = JSON.stringify(data, null, 1) + '\n';
mkdirSync('public/samples', { recursive: true });
writeFileSync('public/samples/health-check-sample-telegram.json', text);
const messages = chats.reduce((n, c) => n + c.messages.filter((m) => m.type === 'message').length, 0);
console.log(`seed ${seed}: ${messages} messages in ${chats.length} groups, ${members.length} members, ${(Buffer.byteLength(text) / 1024).toFixed(0)} KB`);
