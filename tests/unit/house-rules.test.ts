/**
 * One rulebook: every rule in src/data/house-rules.ts is stated with one number everywhere.
 *
 * Chapters render rules with <Rule id="…" />; this test renders those tags to the reader's text, then runs
 * a detector per rule over every chapter, template, quiz, the glossary and the onboarding data. A sentence
 * that states a rule with another number fails, naming the file and the words. It also prints where each
 * rule is used (tags, sentences in words, and code that imports the value).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatRule, HOUSE_RULES, houseRulesSchema, ruleSentence, RULES_BY_ID, SECTIONS, type RuleId, type Section } from '../../src/data/house-rules';
import { KOC_BASE_SHARE, SOURCE_DEFAULTS, TIER_SHARES } from '../../src/lib/defaults';
import { defaultStaffingInput } from '../../src/lib/staffing';
import type { Locale } from '../../src/lib/format';

function files(dir: string, ext: RegExp): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? files(full, ext) : ext.test(name) ? [full.split(sep).join('/')] : [];
  });
}

interface Doc {
  file: string;
  locale: Locale;
  text: string;
}

/** Replace <Rule id="x" /> (and sentence form) with what the reader sees. */
export function renderRules(source: string, locale: Locale): string {
  return source.replace(/<Rule\s+id="(\w+)"(\s+sentence)?\s*\/>/g, (_, id: string, sentence?: string) => {
    if (!(id in RULES_BY_ID)) throw new Error(`<Rule id="${id}"> names no rule`);
    return sentence ? ruleSentence(id as RuleId, locale) : formatRule(id as RuleId, locale);
  });
}

const mdx = files('src/content/docs', /\.mdx?$/);
const docs: Doc[] = [
  ...mdx.map((file) => ({ file, locale: (file.includes('/docs/en/') ? 'en' : 'zh-CN') as Locale, text: renderRules(readFileSync(file, 'utf8'), file.includes('/docs/en/') ? 'en' : 'zh-CN') })),
  // JSON holds both languages side by side; each detector only matches its own language.
  ...[...files('src/data/quizzes', /\.json$/), 'src/data/glossary.json', 'src/data/onboarding.json'].flatMap((file) => {
    const text = readFileSync(file, 'utf8');
    return [{ file, locale: 'zh-CN' as Locale, text }, { file, locale: 'en' as Locale, text }];
  }),
];

const WORDS: Record<string, number> = { 一: 1, 两: 2, 二: 2, 三: 3, 四: 4, 五: 5, 七: 7, one: 1, two: 2, three: 3, four: 4, five: 5, seven: 7, once: 1, twice: 2 };
function num(raw: string): number {
  const s = raw.trim().toLowerCase().replace(/,/g, '');
  if (s in WORDS) return WORDS[s]!;
  if (s.endsWith('%')) return Number(s.slice(0, -1)) / 100;
  return Number(s);
}

interface Detector {
  locale: Locale;
  re: RegExp;
  /** Turn the match into the value it states, in the rule's own terms. */
  value?: (m: RegExpExecArray) => number | readonly [number, number];
}
const zh = (re: RegExp, value?: Detector['value']): Detector => ({ locale: 'zh-CN', re, value });
const en = (re: RegExp, value?: Detector['value']): Detector => ({ locale: 'en', re, value });
/** “Below 0.4” is a reading under the target, not an alert line: a detector may also accept these rules' values. */
const ALSO: Partial<Record<RuleId, RuleId[]>> = { stickinessAlert: ['stickinessTarget'] };
const pct = (m: RegExpExecArray) => num(`${m[1]}%`);
const hours = (m: RegExpExecArray) => (/分钟|minute/.test(m[2] ?? '') ? num(m[1]!) / 60 : num(m[1]!));

/** Sentences that state a rule. Each capture must equal the rule's value. */
const DETECTORS: Partial<Record<RuleId, Detector[]>> = {
  promoPerWeek: [
    zh(/(?:促销|推广帖?|推销)[^。；\n天]{0,14}?(?:不超过|上限是|上限)\s*(\d+|[一两二三四五])\s*(?:条|次)/g),
    zh(/每周\s*20\s*条里最多\s*(\d+)\s*条/g),
    zh(/推广信息每周不超过【(\d+)】条/g),
    en(/promot\w*[^.;\n]{0,60}?(?:at most|no more than|cap of)\s+(\d+|one|two|three|four)\b(?:\s+[a-z]+){0,4}?\s+(?:a|per)\s+(?:group\s+(?:a|per)\s+)?week/gi),
    en(/at most (\d+) of 20 pieces/gi),
    en(/no more than (\d+) promotional pieces/gi),
    en(/no more than \[?(\d+)\]? (?:official )?promotional posts/gi),
    en(/Cap \[(\d+)\] a week/g),
    en(/(\d+) promotional posts a week/gi),
  ],
  promoPeakWeek: [zh(/大促周(?:每群)?(?:最多|不超过)\s*(\d+)\s*条/g), en(/big-sale week[^.;\n]{0,20}?(?:at most|no more than)\s+(\d+)/gi)],
  replyWithinHours: [
    zh(/成员(?:的|在群里)?提问[^。；\n]{0,30}?(\d+)\s*(小时|分钟)\s*内/g, hours),
    zh(/在【(\d+) (小时)】内回复/g, hours),
    en(/members'? questions?[^.;\n]{0,70}?within (\d+) (hours?|minutes?)/gi, hours),
    en(/we reply within \[(\d+) (hours?)\]/g, hours),
  ],
  replyWindow: [
    zh(/(?:提问|回复|回应|答复|值班表)[^。；\n]{0,12}?(\d{1,2}):00\s*[–-]\s*(\d{1,2}):00/g, (m) => [num(m[1]!), num(m[2]!)]),
    zh(/【(\d{1,2}):00[–-](\d{1,2}):00】/g, (m) => [num(m[1]!), num(m[2]!)]),
    zh(/(\d{1,2}):00\s*[–-]\s*(\d{1,2}):00\s*(?:内|的值班)/g, (m) => [num(m[1]!), num(m[2]!)]),
    en(/questions?[^.;\n]{0,30}?between (\d{1,2}):00 and (\d{1,2}):00/gi, (m) => [num(m[1]!), num(m[2]!)]),
    en(/(\d{1,2}):00[–-](\d{1,2}):00 duty rota/gi, (m) => [num(m[1]!), num(m[2]!)]),
    en(/\[(\d{1,2}):00 and (\d{1,2}):00\] we reply/g, (m) => [num(m[1]!), num(m[2]!)]),
  ],
  ugcAckHours: [zh(/UGC\s*(?:在\s*)?(\d+)\s*小时内/g), en(/UGC[^.;\n]{0,50}?within (\d+) hours/gi)],
  stickinessAlert: [
    zh(/粘性[^。；\n]{0,50}?(?<!不)低于\s*(0\.\d+)/g),
    en(/stickiness[^.;\n]{0,60}?(?<!not )below (0\.\d+)/gi),
    en(/\| Below (0\.\d+)(?: for| \|)/g),
  ],
  d7Alert: [zh(/D7[^。；\n]{0,60}?(?<!不)低于\s*(\d+)%/g, pct), en(/D7[^.;\n]{0,70}?(?<!not )below (\d+)%/gi, pct), en(/\| Below (\d+)% \(source-plan default\)/g, pct)],
  lapseDays: [
    zh(/连续\s*(\d+|[一二两三四五七])\s*天(?:没有任何|没有|无)(?:动作|互动)/g),
    zh(/最近\s*(\d+)\s*天(?:没有任何|无)动作/g),
    en(/no (?:activity|interaction)(?: at all)? for (\d+|three|seven) days/gi),
    en(/(\d+|three|seven) days without (?:any )?(?:interaction|activity)/gi),
  ],
  leaveAfterPushAlert: [zh(/退群[^。；\n]{0,20}?超过收到人数(?:的)?\s*(\d+(?:\.\d+)?)%/g, pct), en(/more than (\d+(?:\.\d+)?)% of (?:the people|those) who received/gi, pct), en(/more than (\d+(?:\.\d+)?)% of recipients/gi, pct)],
  kocShareMin: [zh(/活跃成员的\s*(\d+)%\s*[–-]/g, pct), en(/(\d+)%?\s*[–-]\s*\d+% of active members/gi, pct)],
  kocShareMax: [zh(/活跃成员的\s*\d+%\s*[–-]\s*(\d+)%/g, pct), en(/\d+%?\s*[–-]\s*(\d+)% of active members/gi, pct)],
  experimentGroupsPerArm: [zh(/每组至少\s*(\d+)\s*个群/g), en(/at least (\d+) (?:groups )?(?:each|per arm)/gi)],
};

/** Words that state a version of a rule the handbook no longer holds (a revert brings them back). */
const SUPERSEDED: Partial<Record<RuleId, RegExp[]>> = {
  weekendPromo: [/周末[^。\n]{0,4}不安排官方内容/g, /Weekend \| No official content/g],
  kocBaseShare: [/最近 30 天的活跃占比是 25%/g, /Active share over the last 30 days is 25%/g, /30-day active share, and use the staffing/g],
  experimentGroupsPerArm: [/14 天中有 12 天/g, /higher on 12 of the 14 days/g, /按整个群随机分组，通常比按个人分组/g, /randomising whole chat groups rather than individuals usually/g],
  lapseDays: [/建议按层级设置不同的 N/g, /Set N by tier/g],
  tierActive: [/参与层|围观层/g, /\b(?:participating|watching) tiers?\b/gi],
  healthReportLevel: [/判定为三级，电话通知社群运营负责人/g, /classifies it as level 3 and phones the head/g],
};
/** The glossary is where the old tier names are explained, once. */
const SUPERSEDED_ALLOWED: Partial<Record<RuleId, string[]>> = { tierActive: ['src/data/glossary.json'] };

function same(a: number | readonly [number, number], b: number | readonly [number, number]): boolean {
  if (typeof a === 'number' || typeof b === 'number') return typeof a === 'number' && typeof b === 'number' && Math.abs(a - b) < 1e-9;
  return a[0] === b[0] && a[1] === b[1];
}

interface Finding {
  rule: RuleId;
  file: string;
  words: string;
  stated: number | readonly [number, number];
}

export function scan(corpus: Doc[]): { statements: Finding[]; conflicts: Finding[]; superseded: { rule: RuleId; file: string; words: string }[] } {
  const statements: Finding[] = [];
  const superseded: { rule: RuleId; file: string; words: string }[] = [];
  for (const doc of corpus) {
    for (const [rule, detectors] of Object.entries(DETECTORS) as [RuleId, Detector[]][]) {
      for (const d of detectors.filter((x) => x.locale === doc.locale)) {
        for (const m of doc.text.matchAll(new RegExp(d.re.source, d.re.flags))) {
          const stated = d.value ? d.value(m as RegExpExecArray) : num(m[1]!);
          statements.push({ rule, file: doc.file, words: m[0], stated });
        }
      }
    }
    if (doc.locale === 'zh-CN' || !doc.file.endsWith('.json')) {
      for (const [rule, patterns] of Object.entries(SUPERSEDED) as [RuleId, RegExp[]][]) {
        if (SUPERSEDED_ALLOWED[rule]?.includes(doc.file)) continue;
        for (const re of patterns) for (const m of doc.text.matchAll(new RegExp(re.source, re.flags))) superseded.push({ rule, file: doc.file, words: m[0] });
      }
    }
  }
  const conflicts = statements.filter((s) => ![s.rule, ...(ALSO[s.rule] ?? [])].some((id) => same(s.stated, RULES_BY_ID[id].value)));
  return { statements, conflicts, superseded };
}

describe('the house rules data', () => {
  it('passes its schema: unique ids, both languages, a reason, a date for platform facts', () => {
    expect(houseRulesSchema.safeParse(HOUSE_RULES).success).toBe(true);
    for (const r of HOUSE_RULES) if (r.basis === 'platform') expect(r.checked, r.id).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    for (const r of HOUSE_RULES) if (r.basis === 'source-plan') expect(r.ref, r.id).toBeTruthy();
  });

  it('reads source-plan values from SOURCE_DEFAULTS rather than copying them', () => {
    expect(RULES_BY_ID.lapseDays.value).toBe(SOURCE_DEFAULTS.inactiveDays.value);
    expect(RULES_BY_ID.d7Target.value).toBe(SOURCE_DEFAULTS.sevenDayRetentionTarget.value);
    expect(RULES_BY_ID.stickinessTarget.value).toBe(SOURCE_DEFAULTS.stickinessTarget.value);
    expect(RULES_BY_ID.kocShareMin.value).toBe(SOURCE_DEFAULTS.kocShareMin.value);
    expect(RULES_BY_ID.groupCapacity.value).toBe(SOURCE_DEFAULTS.groupCapacity.value);
    expect(RULES_BY_ID.kocBaseShare.value).toBe(TIER_SHARES.core + TIER_SHARES.active);
  });

  it('the rulebook page renders every section, under its heading, in both languages', () => {
    for (const [file, lang] of [['src/content/docs/reference/house-rules.mdx', 'zh-CN'], ['src/content/docs/en/reference/house-rules.mdx', 'en']] as const) {
      const page = readFileSync(file, 'utf8');
      for (const s of Object.keys(SECTIONS) as Section[]) expect(page, `${file} ${s}`).toContain(`## ${SECTIONS[s][lang]}\n\n<HouseRules lang="${lang}" section="${s}" />`);
    }
    expect(new Set(HOUSE_RULES.map((r) => r.section))).toEqual(new Set(Object.keys(SECTIONS)));
  });

  it('gives the staffing calculator its KOC-base default (core + active tiers)', () => {
    expect(defaultStaffingInput.activeShare).toBe(KOC_BASE_SHARE);
  });

  it.each([
    ['promoPerWeek', 'zh-CN', '2 条'],
    ['promoPerWeek', 'en', '2 posts'],
    ['replyWindow', 'en', '10:00–22:00'],
    ['replyWithinHours', 'zh-CN', '2 小时'],
    ['d7Alert', 'zh-CN', '50%'],
    ['stickinessAlert', 'en', '0.3'],
    ['healthReportLevel', 'zh-CN', '四级'],
    ['healthReportLevel', 'en', 'level 4'],
    ['groupCapacity', 'en', '500 people'],
  ] as const)('formats %s in %s as %s', (id, locale, text) => {
    expect(formatRule(id, locale)).toBe(text);
  });
});

describe('every chapter, template, quiz and glossary entry agrees with the rulebook', () => {
  const { statements, conflicts, superseded } = scan(docs);

  it('states no rule with a different number', () => {
    expect(conflicts.map((c) => `${c.file} [${c.rule}] “${c.words}” states ${String(c.stated)}, the rulebook says ${String(RULES_BY_ID[c.rule].value)}`)).toEqual([]);
  });

  it('keeps no superseded wording', () => {
    expect(superseded.map((s) => `${s.file} [${s.rule}] “${s.words}”`)).toEqual([]);
  });

  it('lists where each rule is used (tags, words and code)', () => {
    const code = files('src', /\.(ts|tsx|astro)$/).filter((f) => !f.endsWith('house-rules.ts'));
    const usage = HOUSE_RULES.map((r) => {
      const tags = mdx.filter((f) => readFileSync(f, 'utf8').includes(`<Rule id="${r.id}"`)).map((f) => relative('src/content/docs', f));
      const words = [...new Set(statements.filter((s) => s.rule === r.id).map((s) => relative('.', s.file)))];
      const key = { lapseDays: 'inactiveDays', kocBaseShare: 'KOC_BASE_SHARE', groupCapacity: 'GROUP_CAPACITY' }[r.id as string];
      const imports = key ? code.filter((f) => readFileSync(f, 'utf8').includes(key)) : [];
      return { rule: r.id, tags, words, imports };
    });
    console.log(usage.map((u) => `${u.rule}: ${u.tags.length} <Rule> tags [${u.tags.join(', ')}]; in words: [${u.words.join(', ')}]${u.imports.length ? `; code: [${u.imports.join(', ')}]` : ''}`).join('\n'));
    // Every rule is on the rulebook page; the ones the issue found in conflict must also be used in the chapters.
    const used = usage.filter((u) => u.tags.length + u.words.length + u.imports.length > 0).map((u) => u.rule);
    for (const id of ['promoPerWeek', 'replyWindow', 'replyWithinHours', 'stickinessAlert', 'd7Alert', 'lapseDays', 'kocBaseShare', 'experimentGroupsPerArm', 'healthReportLevel'] as const) expect(used, id).toContain(id);
  });

  it('every page that uses <Rule> imports it', () => {
    for (const f of mdx) {
      const s = readFileSync(f, 'utf8');
      if (s.includes('<Rule ')) expect(s, f).toMatch(/^import Rule from '(\.\.\/)+components\/Rule\.astro';$/m);
    }
  });
});

describe('the detectors would catch a chapter that reverted', () => {
  // Sentences as the handbook stated them before the rulebook (one per conflict the issue listed).
  const old: [Locale, string][] = [
    ['zh-CN', '给每个群定一个促销上限（例如每周不超过一次，这是本手册的编辑建议）'],
    ['zh-CN', '每群每周促销不超过 1 次、推送对象按宠物类型标签筛选'],
    ['zh-CN', '团队推销内容不超过计划内容的 20%（每周 20 条里最多 4 条）'],
    ['en', 'set a cap on promotions in each group (for example at most one a week, an editorial suggestion of this handbook)'],
    ['en', 'keep the team\'s promotional content to no more than 20% of planned content (at most 4 of 20 pieces a week)'],
    ['zh-CN', '5. **互动（值班运营，9:00–22:00 内成员的提问 30 分钟内回应；每条 UGC 24 小时内点评或致谢）**'],
    ['zh-CN', '12. 成员的提问一般在 24 小时内得到回应。'],
    ['en', "members' questions between 9:00 and 22:00 answered within 30 minutes"],
    ['en', "12. Members' questions are usually answered within 24 hours."],
    ['zh-CN', '| 周末 | 不安排官方内容，让成员自由交流 | — |'],
    ['zh-CN', '| 活跃 | 粘性（平均 DAU ÷ MAU，滚动 30 天） | 0.30 | 0.31 | 低于 0.25 |'],
    ['en', '| Activity | Stickiness (average DAU ÷ MAU, rolling 30 days) | 0.30 | 0.31 | Below 0.25 |'],
    ['zh-CN', '| 留存 | 最近一个完整周批次的 D7 留存 | 58% | 63% | 低于 60%（来源方案默认值） |'],
    ['en', '| Retention | D7 retention of the latest complete weekly cohort | 58% | 63% | Below 60% (source-plan default) |'],
    ['zh-CN', '| R2 | 活跃成员 | 活跃过、连续 7 天没有动作 | 按兴趣标签推送内容或活动邀请 | 48 小时内 |'],
    ['en', '| R2 | Active members | Previously active, no activity for 7 days |'],
    ['zh-CN', '某品牌的会员社群有 20,000 名成员，处在启动期，按 1:5,000 配运营；最近 30 天的活跃占比是 25%；'],
    ['zh-CN', '14 天里，实验组的日均打卡率是 12.0%，对照组是 9.5%，而且 14 天中有 12 天实验组高于对照组。'],
    ['zh-CN', '按人数和活跃度把成员分成核心层、参与层和围观层'],
    ['en', 'split members into core, participating and watching tiers by 90-day activity'],
    ['zh-CN', '| 20:45 | 值班运营判定为三级，电话通知社群运营负责人；内部处理群建立 | |'],
    ['zh-CN', '9. 官方推广信息每周不超过【4】条，大促周会提前告知。'],
    ['en', '9. No more than [4] official promotional posts a week; we will tell you in advance before a big sale.'],
    ['en', '2. Ask in the group or @[operator name]. On workdays between [9:00 and 22:00] we reply within [30 minutes].'],
  ];
  it.each(old)('flags (%s) %s', (locale, text) => {
    const r = scan([{ file: 'old.mdx', locale, text }]);
    expect(r.conflicts.length + r.superseded.length).toBeGreaterThan(0);
  });
});

describe('illness reports are level 4 everywhere they are taught', () => {
  const read = (f: string) => readFileSync(f, 'utf8');
  it('the product-quality drill recommends level 4 for “a child felt unwell” and its rubric gives full marks only for that', () => {
    const zhDrill = read('src/content/docs/training/drills/product-quality-crisis.mdx');
    const enDrill = read('src/content/docs/en/training/drills/product-quality-crisis.mdx');
    expect(zhDrill).toMatch(/- \*\*选项 A\*\*：判定为四级（有成员反映孩子吃后身体不适/);
    expect(zhDrill).toMatch(/- \*\*A（推荐）\*\*：.*<Rule id="healthReportLevel" \/>/);
    expect(zhDrill).toMatch(/\| 分级与升级 \|[^\n]*\| 有人反映身体不适即判定四级[^\n|]*\|\n/);
    expect(enDrill).toMatch(/- \*\*Option A:\*\* Classify it as level 4/);
    expect(enDrill).toMatch(/\| Classification and escalation \|[^\n]*\| Grades it level 4 as soon as someone reports feeling unwell[^\n|]*\|\n/);
  });
  it('the risk chapter defines level 4 to include any report of illness or injury, and its example grades the bulging cap level 4', () => {
    const zhCh = read('src/content/docs/handbook/risk-crisis.mdx');
    const enCh = read('src/content/docs/en/handbook/risk-crisis.mdx');
    expect(zhCh).toMatch(/\| 四级 \| 涉及人身安全：任何关于生病、身体不适或受伤的反映/);
    expect(zhCh).toMatch(/\| 20:45 \| 值班运营判定为四级/);
    expect(enCh).toMatch(/\| 4 \| Personal safety is involved: any report of illness, feeling unwell or injury/);
    expect(enCh).toMatch(/\| 20:45 \| The on-duty operator classifies it as level 4/);
  });
  it('the risk self-check has a question whose only right answer for an illness report is level 4', () => {
    const quiz = JSON.parse(read('src/data/quizzes/risk-crisis.json')) as { questions: { id: string; correct: number[]; zh: { options: { text: string }[] }; en: { options: { text: string }[] } }[] };
    const q = quiz.questions.find((x) => x.id === 'risk-crisis-9')!;
    expect(q.correct).toHaveLength(1);
    expect(q.zh.options[q.correct[0]!]!.text).toMatch(/^四级/);
    expect(q.en.options[q.correct[0]!]!.text).toMatch(/^Level 4/);
  });
});
