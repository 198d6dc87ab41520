import fc from 'fast-check';
import ICAL from 'ical.js';
import { afterEach, describe, expect, test } from 'vitest';
import {
  TIMELINE_PRESETS,
  addMonthsIso,
  escapeText,
  foldLine,
  formatMonths,
  planTimeline,
  presetPhases,
  timelineToIcs,
  type Timeline,
  type TimelinePresetId,
} from '../../src/lib';
import { issuesOf } from './issues-of';
import { kpisFromText } from '../../src/lib/phase-list';

// ---- Reference calendar arithmetic on y/m/d numbers (no Date, no library) ----
const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
const daysIn = (y: number, m: number) => [31, isLeap(y) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1] as number;
const iso = (y: number, m: number, d: number) => `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
const parts = (s: string) => s.split('-').map(Number) as [number, number, number];
function refAddMonths(s: string, n: number): string {
  const [y, m, d] = parts(s);
  const index = y * 12 + (m - 1) + n;
  const ny = Math.floor(index / 12);
  const nm = (index % 12) + 1;
  return iso(ny, nm, Math.min(d, daysIn(ny, nm)));
}
function refNextDay(s: string): string {
  const [y, m, d] = parts(s);
  if (d < daysIn(y, m)) return iso(y, m, d + 1);
  return m < 12 ? iso(y, m + 1, 1) : iso(y + 1, 1, 1);
}

/** Start dates with extra weight on the 28th–31st and 29 February. */
const startDate = fc
  .tuple(fc.integer({ min: 1900, max: 2880 }), fc.integer({ min: 1, max: 12 }), fc.oneof(fc.integer({ min: 1, max: 31 }), fc.constantFrom(28, 29, 30, 31)))
  .map(([y, m, d]) => iso(y, m, Math.min(d, daysIn(y, m))));
const leapDay = fc.integer({ min: 475, max: 720 }).map((k) => iso(k * 4, 2, 29)).filter((s) => isLeap(parts(s)[0]));
const monthsList = fc.array(fc.integer({ min: 1, max: 60 }), { minLength: 1, maxLength: 12 }).filter((ms) => ms.reduce((a, b) => a + b, 0) <= 120);

const phasesOf = (ms: number[]) => ms.map((months, i) => ({ id: `p${i}`, name: `Phase ${i + 1}`, months }));

describe('planTimeline', () => {
  test('contract example', () => {
    const t = planTimeline({ start: '2026-03-01', phases: phasesOf([3, 6, 3]) });
    expect(t.phases.map((p) => [p.start, p.end])).toEqual([
      ['2026-03-01', '2026-05-31'],
      ['2026-06-01', '2026-11-30'],
      ['2026-12-01', '2027-02-28'],
    ]);
    expect(t.end).toBe('2027-02-28');
    expect(t.totalMonths).toBe(12);
    expect(t.phases.map((p) => p.offsetMonths)).toEqual([0, 3, 9]);
  });

  test.each([
    // start, months → [start, end] of each phase (reference: worked by hand on a calendar)
    ['2026-01-31', [1, 1, 1], [['2026-01-31', '2026-02-27'], ['2026-02-28', '2026-03-30'], ['2026-03-31', '2026-04-29']]],
    ['2024-02-29', [12, 12], [['2024-02-29', '2025-02-27'], ['2025-02-28', '2026-02-27']]],
    ['2026-08-31', [6], [['2026-08-31', '2027-02-27']]],
    ['2025-12-15', [1], [['2025-12-15', '2026-01-14']]],
    ['2026-05-30', [9], [['2026-05-30', '2027-02-27']]],
  ] as const)('%s + %j', (start, ms, expected) => {
    const t = planTimeline({ start, phases: phasesOf([...ms]) });
    expect(t.phases.map((p) => [p.start, p.end])).toEqual(expected);
  });

  test('addMonths clamps to the last day of the month', () => {
    expect(addMonthsIso('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonthsIso('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonthsIso('2026-03-31', -1)).toBe('2026-02-28');
  });

  test('property: contiguous phases, no gap or overlap, dates from the plan start (any start, incl. 29–31 and 29 Feb)', () => {
    fc.assert(
      fc.property(fc.oneof(startDate, leapDay), monthsList, (start, ms) => {
        const t = planTimeline({ start, phases: phasesOf(ms) });
        expect(t.phases[0]?.start).toBe(start);
        let offset = 0;
        t.phases.forEach((p, i) => {
          expect(p.start).toBe(refAddMonths(start, offset));
          offset += p.months;
          expect(refNextDay(p.end)).toBe(refAddMonths(start, offset));
          expect(p.end >= p.start).toBe(true);
          const next = t.phases[i + 1];
          if (next) expect(next.start).toBe(refNextDay(p.end));
        });
        expect(t.end).toBe(t.phases[t.phases.length - 1]?.end);
      }),
      { numRuns: 300 },
    );
  });

  const originalTz = process.env.TZ;
  afterEach(() => {
    process.env.TZ = originalTz;
  });

  test('the machine time zone never moves a date', () => {
    const input = { start: '2011-12-29', phases: phasesOf([1, 2, 3, 12]) };
    process.env.TZ = 'UTC';
    const reference = planTimeline(input);
    for (const tz of ['Pacific/Apia', 'America/Sao_Paulo', 'Asia/Shanghai', 'Pacific/Kiritimati', 'America/Adak']) {
      process.env.TZ = tz;
      expect(planTimeline(input)).toEqual(reference);
      expect(planTimeline({ start: '2026-03-29', phases: phasesOf([1, 6]) }).phases[1]?.start).toBe('2026-04-29');
    }
  });

  test('presets', () => {
    const lgm = planTimeline({ start: '2026-03-01', phases: presetPhases('launch-growth-mature', 'zh-CN', { includeOptional: false }) });
    expect(lgm.phases.map((p) => [p.name, p.months])).toEqual([
      ['启动期', 3],
      ['成长期', 6],
      ['成熟期', 3],
    ]);
    expect(presetPhases('launch-growth-mature', 'en').map((p) => p.name)).toEqual(['Launch', 'Growth', 'Maturity', 'Ongoing upkeep']);
    expect(presetPhases('three-step', 'zh-CN').map((p) => p.months)).toEqual([6, 12, 12]);
    expect(presetPhases('three-step', 'en')[0]?.kpis).toContainEqual({ metric: 'Daily interaction rate', target: '≥ 15%' });
    expect(presetPhases('four-stage', 'zh-CN').map((p) => p.name)).toEqual(['基础建设', '互动激活', '价值共创', '商业变现']);
    for (const id of Object.keys(TIMELINE_PRESETS) as TimelinePresetId[]) {
      for (const locale of ['zh-CN', 'en'] as const) {
        expect(() => planTimeline({ start: '2026-01-31', phases: presetPhases(id, locale) })).not.toThrow();
      }
    }
  });

  test('raw input of the wrong shape is reported, not crashed on', () => {
    expect(issuesOf(() => planTimeline({ start: '2026-01-01', phases: 'x' } as never))).toEqual([{ path: 'phases', code: 'invalid_value' }]);
    expect(issuesOf(() => planTimeline(null as never))).toEqual([{ path: '', code: 'invalid_value' }]);
    expect(issuesOf(() => planTimeline({ start: '2026-01-01', phases: [null, { id: 5, name: 'x', months: 'y' }] } as never))).toEqual([
      { path: 'phases.0', code: 'invalid_value' },
      { path: 'phases.1.id', code: 'invalid_value' },
      { path: 'phases.1.months', code: 'not_a_number' },
    ]);
  });

  test('bad timelines', () => {
    expect(issuesOf(() => planTimeline({ start: '2026-02-30', phases: [] }))).toEqual([
      { path: 'start', code: 'invalid_date' },
      { path: 'phases', code: 'required' },
    ]);
    expect(issuesOf(() => planTimeline({ start: '1899-12-31', phases: phasesOf(Array(13).fill(1)) }))).toEqual([
      { path: 'start', code: 'invalid_date' },
      { path: 'phases', code: 'too_many_phases', limit: 12 },
    ]);
    expect(issuesOf(() => planTimeline({ start: '2026-01-01', phases: phasesOf([61, 60, 0]) }))).toEqual([
      { path: 'phases.0.months', code: 'too_large', limit: 60 },
      { path: 'phases.2.months', code: 'too_small', limit: 1 },
      { path: 'phases', code: 'total_too_long', limit: 120 },
    ]);
    expect(
      issuesOf(() =>
        planTimeline({
          start: '2026-01-01',
          phases: [
            { id: 'a', name: 'A', months: 1 },
            { id: 'a', name: ' ', months: 1.5 },
            { id: 'b c', name: 'B', months: 1, kpis: [{ metric: '', target: 'x' }] },
          ],
        }),
      ),
    ).toEqual([
      { path: 'phases.1.name', code: 'required' },
      { path: 'phases.1.months', code: 'not_integer' },
      { path: 'phases.2.id', code: 'invalid_value' },
      { path: 'phases.2.kpis.0.metric', code: 'required' },
      { path: 'phases.1.id', code: 'duplicate_id' },
    ]);
  });
});

// ---- iCalendar ----

/** Splits the UTF-8 bytes at CRLF and decodes each physical line strictly (throws on a split character). */
function physicalLines(ics: string): { octets: number; text: string }[] {
  const bytes = new TextEncoder().encode(ics);
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const out: { octets: number; text: string }[] = [];
  let from = 0;
  for (let i = 0; i < bytes.length - 1; i++) {
    if (bytes[i] === 0x0d && bytes[i + 1] === 0x0a) {
      const slice = bytes.subarray(from, i);
      out.push({ octets: slice.length, text: decoder.decode(slice) });
      from = i + 2;
      i++;
    }
  }
  expect(from).toBe(bytes.length); // ends with CRLF
  return out;
}

function events(ics: string) {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  return calendar.getAllSubcomponents('vevent').map((v) => {
    const e = new ICAL.Event(v);
    return { uid: e.uid, summary: e.summary, description: e.description, start: e.startDate, end: e.endDate };
  });
}

const icalDate = (t: ICAL.Time) => iso(t.year, t.month, t.day);

describe('timelineToIcs', () => {
  const plan = planTimeline({
    start: '2026-03-01',
    phases: [
      { id: 'launch', name: '启动期', months: 3, kpis: [{ metric: 'DAU/MAU', target: '≥ 0.4' }] },
      { id: 'growth', name: '成长期', months: 6 },
      { id: 'mature', name: '成熟期', months: 3 },
    ],
  });

  test('golden output for the contract example', () => {
    const ics = timelineToIcs(plan, { title: '社群计划' });
    expect(ics).toBe(
      [
        'BEGIN:VCALENDAR',
        'VERSION:2.0',
        'PRODID:-//Community Operations Playbook//Phase timeline 1.0//EN',
        'CALSCALE:GREGORIAN',
        'METHOD:PUBLISH',
        'X-WR-CALNAME:社群计划',
        'BEGIN:VEVENT',
        'UID:20260301-launch@community-ops-playbook',
        'DTSTAMP:20260301T000000Z',
        'DTSTART;VALUE=DATE:20260301',
        'DTEND;VALUE=DATE:20260601',
        'SUMMARY:社群计划 · 启动期',
        'DESCRIPTION:3个月 (2026-03-01 – 2026-05-31)\\nDAU/MAU: ≥ 0.4',
        'TRANSP:TRANSPARENT',
        'END:VEVENT',
        'BEGIN:VEVENT',
        'UID:20260301-growth@community-ops-playbook',
        'DTSTAMP:20260301T000000Z',
        'DTSTART;VALUE=DATE:20260601',
        'DTEND;VALUE=DATE:20261201',
        'SUMMARY:社群计划 · 成长期',
        'DESCRIPTION:6个月 (2026-06-01 – 2026-11-30)',
        'TRANSP:TRANSPARENT',
        'END:VEVENT',
        'BEGIN:VEVENT',
        'UID:20260301-mature@community-ops-playbook',
        'DTSTAMP:20260301T000000Z',
        'DTSTART;VALUE=DATE:20261201',
        'DTEND;VALUE=DATE:20270301',
        'SUMMARY:社群计划 · 成熟期',
        'DESCRIPTION:3个月 (2026-12-01 – 2027-02-28)',
        'TRANSP:TRANSPARENT',
        'END:VEVENT',
        'END:VCALENDAR',
        '',
      ].join('\r\n'),
    );
    expect(timelineToIcs(plan, { title: '社群计划' })).toBe(ics); // deterministic
  });

  test('a KPI without a target is written as typed, never marked done', () => {
    const tl = planTimeline({
      start: '2026-03-01',
      phases: [{ id: 'launch', name: '启动期', months: 3, kpis: kpisFromText('成员 1,000; 粘性: ≥ 0.4') }],
    });
    const ics = timelineToIcs(tl);
    expect(events(ics)[0]!.description).toBe('3个月 (2026-03-01 – 2026-05-31)\n成员 1,000\n粘性: ≥ 0.4');
    expect(ics).not.toContain('✓');
    // A target of spaces is no target either.
    expect(planTimeline({ start: '2026-03-01', phases: [{ id: 'a', name: 'A', months: 1, kpis: [{ metric: '上线', target: '  ' }] }] }).phases[0]!.kpis).toEqual([{ metric: '上线', target: '' }]);
  });

  test('no title, English description', () => {
    const ics = timelineToIcs(plan, { locale: 'en' });
    expect(ics).not.toContain('X-WR-CALNAME');
    expect(events(ics).map((e) => [e.summary, e.description.split('\n')[0]])).toEqual([
      ['启动期', '3 months (2026-03-01 – 2026-05-31)'],
      ['成长期', '6 months (2026-06-01 – 2026-11-30)'],
      ['成熟期', '3 months (2026-12-01 – 2027-02-28)'],
    ]);
  });

  test('escaping and folding helpers', () => {
    expect(escapeText('a,b;c\\d\r\ne\rf\ng\u0007')).toBe('a\\,b\\;c\\\\d\\ne\\nf\\ng');
    expect(foldLine('x'.repeat(75))).toBe('x'.repeat(75));
    expect(foldLine('x'.repeat(76))).toBe(`${'x'.repeat(75)}\r\n x`);
    // 25 CJK characters = 75 octets fit; the 26th moves to a continuation line
    expect(foldLine('中'.repeat(26))).toBe(`${'中'.repeat(25)}\r\n 中`);
    // a 4-octet emoji never straddles the break
    expect(foldLine(`${'x'.repeat(73)}😀`)).toBe(`${'x'.repeat(73)}\r\n 😀`);
  });

  test('bad input', () => {
    expect(issuesOf(() => timelineToIcs({ start: 'x', end: '2026-01-01', phases: [] } as unknown as Timeline))).toEqual([
      { path: 'start', code: 'invalid_date' },
      { path: 'phases', code: 'required' },
    ]);
    expect(issuesOf(() => timelineToIcs(plan, { title: 'x'.repeat(201), locale: 'fr' as 'en' }))).toEqual([
      { path: 'title', code: 'too_long', limit: 200 },
      { path: 'locale', code: 'invalid_option' },
    ]);
  });

  const char = fc.constantFrom('社', '群', '運', 'a', 'Z', '1', ',', ';', '\\', ' ', '😀', 'é', '\n', ':', '"', '·', '—');
  const text = (min: number, max: number) => fc.array(char, { minLength: min, maxLength: max }).map((cs) => cs.join(''));
  const name = text(1, 100).filter((s) => s.trim().length > 0);

  test('property: parses back (ical.js) to the same phases; lines ≤ 75 octets, no split UTF-8, CRLF only', () => {
    fc.assert(
      fc.property(
        fc.oneof(startDate, leapDay),
        fc.array(fc.tuple(fc.integer({ min: 1, max: 10 }), name, fc.array(fc.tuple(text(1, 60), text(1, 30)), { maxLength: 3 })), { minLength: 1, maxLength: 12 }),
        text(0, 200),
        fc.constantFrom('zh-CN' as const, 'en' as const),
        (start, specs, title, locale) => {
          const timeline = planTimeline({
            start,
            phases: specs.map(([months, n, kpis], i) => ({
              id: `phase-${i}`,
              name: n,
              months,
              kpis: kpis.filter(([m, t]) => m.trim() && t.trim()).map(([metric, target]) => ({ metric, target })),
            })),
          });
          const ics = timelineToIcs(timeline, { title, locale });
          for (const line of physicalLines(ics)) {
            expect(line.octets).toBeLessThanOrEqual(75);
            expect(line.text).not.toMatch(/[\r\n]/);
          }
          const parsed = events(ics);
          expect(parsed).toHaveLength(timeline.phases.length);
          parsed.forEach((e, i) => {
            const phase = timeline.phases[i]!;
            expect(e.summary).toBe(title ? `${title} · ${phase.name}` : phase.name);
            expect(e.start.isDate && e.end.isDate).toBe(true);
            expect(icalDate(e.start)).toBe(phase.start);
            expect(icalDate(e.end)).toBe(refNextDay(phase.end));
            expect(e.uid).toBe(`${start.replace(/-/g, '')}-${phase.id}@community-ops-playbook`);
            const head = `${formatMonths(phase.months, locale)} (${phase.start} – ${phase.end})`;
            expect(e.description).toBe([head, ...phase.kpis.map((k) => `${k.metric}: ${k.target}`)].join('\n'));
          });
        },
      ),
      { numRuns: 150 },
    );
  });
});
