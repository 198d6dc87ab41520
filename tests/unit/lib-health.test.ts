import fc from 'fast-check';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import {
  analyzeActivity,
  averageRetention,
  binaryKind,
  detectEncoding,
  equivalentMonthlyChurn,
  EventCollector,
  fitSbg,
  guessColumns,
  MAX_LISTED_BAD_ROWS,
  UNIQUE_SAMPLE_MIN,
  parseEventDate,
  sbgSurvival,
  handOffQueries,
  memberTiers,
  tierProfile,
  tierShares,
  todayAt,
  type ActivityEvent,
} from '../../src/lib';

const bytes = (s: string, enc: string) => new Uint8Array(iconv.encode(s, enc, { addBOM: false }));
const CSV = '成员ID,昵称,日期\nu1,张三,2026-03-05\nu2,李四,2026-03-06\n';

describe('detectEncoding', () => {
  it.each([
    ['UTF-8 with BOM', new Uint8Array([0xef, 0xbb, 0xbf, ...bytes(CSV, 'utf8')]), { encoding: 'utf-8', bom: true }],
    ['UTF-8 without BOM', bytes(CSV, 'utf8'), { encoding: 'utf-8', bom: false }],
    ['UTF-16LE with BOM', new Uint8Array([0xff, 0xfe, ...bytes(CSV, 'utf16le')]), { encoding: 'utf-16le', bom: true }],
    ['UTF-16BE with BOM', new Uint8Array([0xfe, 0xff, ...bytes(CSV, 'utf16be')]), { encoding: 'utf-16be', bom: true }],
    ['UTF-16LE without BOM', bytes(CSV, 'utf16le'), { encoding: 'utf-16le', bom: false }],
    ['UTF-16BE without BOM', bytes(CSV, 'utf16be'), { encoding: 'utf-16be', bom: false }],
    ['GBK', bytes(CSV, 'gbk'), { encoding: 'gb18030', bom: false }],
    ['GB18030', bytes(`${CSV}u3,𠀀,2026-03-07\n`, 'gb18030'), { encoding: 'gb18030', bom: false }],
    ['plain ASCII', bytes('member,date\na,2026-01-01\n', 'utf8'), { encoding: 'utf-8', bom: false }],
  ])('%s', (_, sample, expected) => {
    expect(detectEncoding(sample)).toEqual(expected);
  });

  it('decodes GBK and UTF-8 to the same text', () => {
    const gbk = bytes(CSV, 'gbk');
    expect(new TextDecoder(detectEncoding(gbk).encoding).decode(gbk)).toBe(CSV);
  });

  it('accepts a UTF-8 sample cut in the middle of a character', () => {
    const full = bytes(CSV, 'utf8');
    const cut = full.slice(0, full.indexOf(0xe5 /* first byte of 张 */) + 1 + 20).slice(0, 23);
    expect(detectEncoding(cut).encoding).toBe('utf-8');
  });

  it('names files that are not text', () => {
    expect(binaryKind(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0]))).toBe('xlsx');
    expect(binaryKind(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1]))).toBe('xls');
    expect(binaryKind(bytes('%PDF-1.7', 'utf8'))).toBe('pdf');
    expect(binaryKind(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 1, 2, 3]))).toBe('binary');
    expect(binaryKind(bytes(CSV, 'gbk'))).toBeNull();
    expect(binaryKind(bytes(CSV, 'utf16le'))).toBeNull();
    expect(binaryKind(new Uint8Array([]))).toBeNull();
  });
});

describe('parseEventDate', () => {
  it.each([
    ['2026-03-05', '2026-03-05'],
    [' 2026-03-05 ', '2026-03-05'],
    ['2026/3/5', '2026-03-05'],
    ['2026.03.05', '2026-03-05'],
    ['2026年3月5日', '2026-03-05'],
    ['2026-03-05 23:59', '2026-03-05'],
    ['2026/3/5 9:03:27', '2026-03-05'],
    ['2026-03-05T23:30:00.123', '2026-03-05'],
    // Zoned instants move to the calendar day at UTC+8.
    ['2026-03-05T16:30:00Z', '2026-03-06'],
    ['2026-03-05T15:59:59Z', '2026-03-05'],
    ['2026-03-05 08:00:00+08:00', '2026-03-05'],
    ['2026-03-05 23:00:00-0500', '2026-03-06'],
    ['2026-03-05 23:00:00+09', '2026-03-05'],
    // Timestamps: 2026-03-05T16:30:00Z in seconds and milliseconds.
    ['1772728200', '2026-03-06'],
    ['1772728200000', '2026-03-06'],
    ['2026-02-30', null],
    ['2026-2-30', null],
    ['2026-03-05 24:00', null],
    ['2026-03-05 12:60', null],
    ['3月5日', null],
    ['', null],
    ['昨天', null],
    ['05/03/2026', null],
  ])('%s → %s', (text, expected) => {
    expect(parseEventDate(text)).toBe(expected);
  });

  it('uses the chosen offset for instants', () => {
    expect(parseEventDate('2026-03-05T16:30:00Z', 0)).toBe('2026-03-05');
    expect(parseEventDate('1772728200', -5 * 60)).toBe('2026-03-05');
  });

  it('gives today at an offset', () => {
    expect(todayAt(480, new Date('2026-03-05T16:30:00Z'))).toBe('2026-03-06');
    expect(todayAt(0, new Date('2026-03-05T16:30:00Z'))).toBe('2026-03-05');
  });
});

describe('guessColumns', () => {
  it('finds the ID and the date-time column under Chinese headers', () => {
    const rows = [['消息时间', '昵称', '成员ID', '群名'], ['2026/3/5 9:00', '张三', 'u1', '一群'], ['2026/3/6 10:00', '李四', 'u2', '一群']];
    expect(guessColumns(rows)).toEqual({ member: 2, date: 0, hasHeader: true });
  });

  it('works without a header', () => {
    expect(guessColumns([['u1', '2026-03-05'], ['u2', '2026-03-06']])).toEqual({ member: 0, date: 1, hasHeader: false });
  });

  it('prefers a named date column when two parse as dates', () => {
    const rows = [['joined', 'user', 'date'], ['2025-01-01', 'a', '2026-03-05'], ['2025-01-01', 'b', '2026-03-06']];
    expect(guessColumns(rows)).toMatchObject({ member: 1, date: 2 });
  });

  it('returns nulls for an empty file', () => {
    expect(guessColumns([])).toEqual({ member: null, date: null, hasHeader: false });
  });

  it('skips number-only columns when no header names the member', () => {
    expect(guessColumns([['1', '2026-03-05', 'a'], ['2', '2026-03-06', 'b']])).toMatchObject({ member: 2, date: 1 });
  });

  // 30 rows of a chat export: a message number on every row, four people posting in turn.
  const chatRows = (header: string[], row: (i: number) => string[]) => [header, ...Array.from({ length: 30 }, (_, i) => row(i))];

  it('does not take a message number (localId) for the member in a 留痕-shaped file', () => {
    const header = ['localId', 'TalkerId', 'Type', 'SubType', 'IsSender', 'CreateTime', 'Status', 'StrContent', 'StrTime', 'Remark', 'NickName', 'Sender'];
    const rows = chatRows(header, (i) => [String(i + 1), '7', '1', '0', i % 4 === 0 ? '1' : '0', String(1709600000 + i * 60), '2', '好', '2024-03-05 08:53:20', '', `昵称${i % 4}`, `wxid_m${i % 4}`]);
    expect(guessColumns(rows)).toEqual({ member: 11, date: 5, hasHeader: true });
  });

  it('prefers a repeating nickname over a unique bare id', () => {
    const rows = chatRows(['id', '昵称', '日期'], (i) => [String(1000 + i), `成员${i % 3}`, '2026-03-05']);
    expect(guessColumns(rows)).toEqual({ member: 1, date: 2, hasHeader: true });
  });

  it('warns when the only member candidate differs on almost every row', () => {
    const rows = chatRows(['user', 'date'], (i) => [`u${i}`, '2026-03-05']);
    expect(guessColumns(rows)).toEqual({ member: 0, date: 1, hasHeader: true, warning: 'member_unique' });
    // 29 distinct of 30 is still ≥ 95%.
    const nearly = chatRows(['user', 'date'], (i) => [`u${Math.min(i, 28)}`, '2026-03-05']);
    expect(guessColumns(nearly).warning).toBe('member_unique');
  });

  it('keeps an ID column its header names (成员ID) though a big community’s first rows are all different people', () => {
    // 60,000 members: every sampled row is someone else, while the group name repeats.
    const rows = chatRows(['互动时间', '成员ID', '昵称', '群名称'], (i) => [`2026/3/${1 + (i % 28)} 9:00`, `wx_${i * 7919}`, `成员${i * 7919}`, `社群${i % 7}`]);
    expect(guessColumns(rows)).toEqual({ member: 1, date: 0, hasHeader: true });
    // Without a header nothing names the column: the repeating one is still preferred.
    expect(guessColumns(rows.slice(1)).member).toBe(3);
  });

  it('does not warn on a sample too small to tell', () => {
    const rows = [['user', 'date'], ...Array.from({ length: UNIQUE_SAMPLE_MIN - 1 }, (_, i) => [`u${i}`, '2026-03-05'])];
    expect(guessColumns(rows)).toEqual({ member: 0, date: 1, hasHeader: true });
  });
});

describe('EventCollector', () => {
  it('keeps good rows and lists bad ones by line, without stopping', () => {
    const c = new EventCollector({ member: 0, date: 1, today: '2026-03-10' });
    const rows = [['u1', '2026-03-05'], ['', '2026-03-05'], ['u2', 'soon'], ['u3', '2026-03-11'], ['u4'], ['u5', '2026/3/9 22:00']];
    rows.forEach((r, i) => c.add(r, i + 2));
    expect(c.events).toEqual([{ member: 'u1', date: '2026-03-05' }, { member: 'u5', date: '2026-03-09' }]);
    expect(c.bad).toEqual([
      { line: 3, reason: 'missing_member', value: '2026-03-05' },
      { line: 4, reason: 'bad_date', value: 'soon' },
      { line: 5, reason: 'future_date', value: '2026-03-11' },
      { line: 6, reason: 'bad_date', value: '' },
    ]);
    expect(c.badCounts).toEqual({ missing_member: 1, bad_date: 2, future_date: 1 });
    expect(c.badTotal).toBe(4);
    expect(c.rows).toBe(6);
  });

  it('counts every bad row but lists only the first ones, values shortened', () => {
    const c = new EventCollector({ member: 0, date: 1, today: '2026-03-10' });
    for (let i = 0; i < MAX_LISTED_BAD_ROWS + 50; i++) c.add(['u', 'x'.repeat(60)], i + 1);
    expect(c.badCounts.bad_date).toBe(MAX_LISTED_BAD_ROWS + 50);
    expect(c.bad).toHaveLength(MAX_LISTED_BAD_ROWS);
    expect(c.bad[0]!.value).toBe(`${'x'.repeat(40)}…`);
  });
});

describe('averageRetention', () => {
  it('computes the documented example', () => {
    const r = averageRetention({
      asOf: '2026-03-31',
      cohorts: [
        { month: '2026-01', size: 100, retention: [1, 0.6, 0.5] },
        { month: '2026-02', size: 50, retention: [1, 0.4] },
        { month: '2026-03', size: 10, retention: [1] },
      ],
    });
    expect(r.members).toBe(150);
    expect(r.curve).toHaveLength(3);
    expect(r.curve[1]).toBeCloseTo(80 / 150, 12);
    expect(r.curve[2]).toBeCloseTo(0.5, 12);
  });

  it('leaves out the month of asOf until it is complete', () => {
    const cohorts = [{ month: '2026-01', size: 10, retention: [1, 0.5, 0.1] }];
    expect(averageRetention({ asOf: '2026-03-15', cohorts }).curve).toEqual([1, 0.5]);
    expect(averageRetention({ asOf: '2026-03-31', cohorts }).curve).toEqual([1, 0.5, 0.1]);
    expect(averageRetention({ asOf: '2026-01-15', cohorts }).curve).toEqual([]);
    expect(averageRetention({ asOf: '2026-01-15', cohorts: [] })).toEqual({ curve: [], members: 0 });
  });

  it('is non-increasing, starts at 1 and fits the sBG on a real report', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 40 }), fc.integer({ min: 0, max: 200 })), { minLength: 1, maxLength: 300 }), (pairs) => {
        const events: ActivityEvent[] = pairs.map(([m, d]) => ({ member: `m${m}`, date: new Date(Date.UTC(2025, 0, 1 + d)).toISOString().slice(0, 10) }));
        const { curve } = averageRetention(analyzeActivity(events));
        if (curve.length > 0) expect(curve[0]).toBe(1);
        for (let k = 1; k < curve.length; k++) expect(curve[k]!).toBeLessThanOrEqual(curve[k - 1]!);
        for (const x of curve) expect(x).toBeGreaterThanOrEqual(0);
      }),
    );
  });

  it('recovers the curve the events were drawn from', () => {
    // 1,000 members join in January; month k keeps round(1000·S(k)) of them, S from α = 1, β = 3.
    const s = sbgSurvival(1, 3, 6);
    const events: ActivityEvent[] = [];
    for (let m = 0; m < 1000; m++) for (let k = 0; k <= 6; k++) if (m < Math.round(1000 * s[k]!)) events.push({ member: `m${m}`, date: `2025-0${k + 1}-15` });
    events.push({ member: 'late', date: '2025-07-31' });
    const avg = averageRetention(analyzeActivity(events));
    expect(avg.curve).toHaveLength(7);
    avg.curve.forEach((x, k) => expect(x).toBeCloseTo(Math.round(1000 * s[k]!) / 1000, 12));
    const fit = fitSbg(avg.curve);
    expect(fit.alpha).toBeCloseTo(1, 0);
    expect(fit.beta).toBeCloseTo(3, 0);
  });
});

describe('equivalentMonthlyChurn', () => {
  it('leaves the same share after 12 months as the sBG curve', () => {
    const churn = equivalentMonthlyChurn(0.704, 1.182);
    expect((1 - churn) ** 12).toBeCloseTo(sbgSurvival(0.704, 1.182, 12)[12]!, 12);
    // Independently: S(12) = Π_{i<12} (β+i)/(α+β+i) = 0.17006257680605072 (computed in Python).
    expect(churn).toBeCloseTo(1 - 0.17006257680605072 ** (1 / 12), 12);
    expect(churn).toBeCloseTo(0.1373, 4);
  });

  it('is the sBG churn itself when the model has one constant rate', () => {
    // α, β → ∞ with α/(α+β) = 5%: every month loses 5%.
    expect(equivalentMonthlyChurn(5e4, 95e4, 6)).toBeCloseTo(0.05, 4);
  });
});

describe('tierProfile', () => {
  it('splits members and 90-day activity by tier (hand-checked)', () => {
    const events: ActivityEvent[] = [];
    for (let i = 0; i < 20; i++) events.push({ member: `m${String(i).padStart(2, '0')}`, date: '2026-03-01' });
    for (let i = 0; i < 9; i++) events.push({ member: 'm00', date: `2026-03-0${i + 1}` });
    events.push({ member: 'old', date: '2025-01-01' }); // 21 members; 'old' has nothing in the 90 days
    const report = analyzeActivity(events, { asOf: '2026-03-10' });
    const p = tierProfile(memberTiers(events, report));
    // tiers(21) = 1 / 4 / 16 (largest remainder of 1.05 / 4.2 / 15.75)
    expect(p.core).toEqual({ members: 1, active90: 1, events90: 10 });
    expect(p.active).toEqual({ members: 4, active90: 4, events90: 4 });
    expect(p.silent).toEqual({ members: 16, active90: 15, events90: 15 });
  });

  it('always accounts for every member and every event of the window', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 30 }), fc.integer({ min: 0, max: 150 })), { minLength: 1, maxLength: 200 }), (pairs) => {
        const events = pairs.map(([m, d]) => ({ member: `m${m}`, date: new Date(Date.UTC(2026, 0, 1 + d)).toISOString().slice(0, 10) }));
        const report = analyzeActivity(events);
        const p = tierProfile(memberTiers(events, report));
        expect(p.core.members + p.active.members + p.silent.members).toBe(report.members);
        const inWindow = events.filter((e) => (Date.parse(report.asOf) - Date.parse(e.date)) / 86_400_000 < 90).length;
        expect(p.core.events90 + p.active.events90 + p.silent.events90).toBe(inWindow);
      }),
    );
  });
});

describe('tierShares', () => {
  it('turns the profile into shares', () => {
    const s = tierShares({
      core: { members: 5, active90: 5, events90: 60 },
      active: { members: 20, active90: 10, events90: 30 },
      silent: { members: 75, active90: 5, events90: 10 },
    });
    expect(s.tiers.core).toEqual({ memberShare: 0.05, eventShare: 0.6, activeShare: 1 });
    expect(s.tiers.active).toEqual({ memberShare: 0.2, eventShare: 0.3, activeShare: 0.5 });
    expect(s.engagedShare).toBe(0.2);
    expect(s.topQuarterEventShare).toBe(0.9);
  });

  it('is all zeros when there is nothing to divide by', () => {
    const zero = { members: 0, active90: 0, events90: 0 };
    const s = tierShares({ core: zero, active: zero, silent: zero });
    expect(s.engagedShare).toBe(0);
    expect(s.tiers.silent).toEqual({ memberShare: 0, eventShare: 0, activeShare: 0 });
  });
});

describe('handOffQueries', () => {
  it('builds the links of the documented example', () => {
    const q = handOffQueries([1, 0.6, 0.45], { alpha: 1, beta: 2 });
    expect(new URLSearchParams(q.retention).get('survival')).toBe('100, 60, 45');
    expect(new URLSearchParams(q.retention).get('tab')).toBe('cohort');
    // S(12) = Π (2+i)/(3+i) = 2/14; 1 − (1/7)^(1/12) = 0.14969415714139434 (computed in Python).
    expect(q.churn).toBeCloseTo(0.14969415714139434, 12);
    expect(q.ltvCac).toBe('?churn=14.97');
  });

  it('gives a curve the retention calculator reads back', async () => {
    const { parseSeries } = await import('../../src/lib/series');
    const curve = [1, 0.63149, 0.4681];
    const parsed = parseSeries(new URLSearchParams(handOffQueries(curve, { alpha: 0.7, beta: 1.2 }).retention).get('survival')!);
    expect(parsed).toEqual({ ok: true, values: [1, 0.6315, 0.4681] });
  });
});

describe('memberTiers', () => {
  it('lists the documented example in ranking order', () => {
    const events = [{ member: 'b', date: '2026-01-02' }, { member: 'a', date: '2026-01-01' }, { member: 'a', date: '2026-01-02' }];
    const report = analyzeActivity(events);
    expect(memberTiers(events, report)).toEqual([
      { member: 'a', tier: report.tierOf.a, events90: 2, lastEvent: '2026-01-02' },
      { member: 'b', tier: report.tierOf.b, events90: 1, lastEvent: '2026-01-02' },
    ]);
  });

  it('lists roster members who never posted last, as silent, with no last event (hand-checked)', () => {
    const events = [{ member: 'b', date: '2026-01-02' }, { member: 'a', date: '2026-01-01' }, { member: 'a', date: '2026-01-02' }];
    const report = analyzeActivity(events, {}, [{ member: 'z', joined: '2025-12-01' }, { member: 'c' }, { member: 'a', joined: '2025-11-30' }]);
    // 4 members: tiers 0 / 1 / 3; ranked a (2 events), b (1), then c and z (never posted, by id).
    expect(memberTiers(events, report)).toEqual([
      { member: 'a', tier: 'active', events90: 2, lastEvent: '2026-01-02' },
      { member: 'b', tier: 'silent', events90: 1, lastEvent: '2026-01-02' },
      { member: 'c', tier: 'silent', events90: 0, lastEvent: null },
      { member: 'z', tier: 'silent', events90: 0, lastEvent: null },
    ]);
    expect(tierProfile(memberTiers(events, report)).silent).toEqual({ members: 3, active90: 1, events90: 1 });
  });

  it('agrees with analyzeActivity: same members, same tiers, ranking order, nothing after asOf', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 40 }), fc.integer({ min: 0, max: 200 })), { minLength: 1, maxLength: 300 }), fc.integer({ min: 0, max: 200 }), (pairs, cut) => {
        const events = pairs.map(([m, d]) => ({ member: String(m), date: new Date(Date.UTC(2025, 0, 1 + d)).toISOString().slice(0, 10) }));
        const asOf = new Date(Date.UTC(2025, 0, 1 + cut)).toISOString().slice(0, 10);
        const report = analyzeActivity(events, { asOf });
        const list = memberTiers(events, report);
        expect(list.length).toBe(report.members);
        const order = { core: 0, active: 1, silent: 2 } as const;
        for (let i = 0; i < list.length; i++) {
          expect(list[i]!.tier).toBe(report.tierOf[list[i]!.member]);
          expect(list[i]!.lastEvent! <= asOf).toBe(true);
          if (i > 0) expect(order[list[i]!.tier]).toBeGreaterThanOrEqual(order[list[i - 1]!.tier]);
        }
      }),
    );
  });
});
