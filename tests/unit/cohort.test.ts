import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildProgressFile, nameFromFileName, progressFileName, quizAttempts, readProgressFile, type ProgressFile, type ProgressInput } from '../../src/lib/progress-file';
import { addToCohort, cohortCells, mostMissed, toCsv, traineeKey, traineeRow, type CourseSpec } from '../../src/lib/cohort';

const input = (over: Partial<ProgressInput> = {}): ProgressInput => ({
  name: '王小明',
  exported: '2026-11-30T09:00:00.000Z',
  locale: 'zh-CN',
  onboarding: { 'w1-t1': '2026-11-23', 'w2-t1': '2026-11-27' },
  quizzes: { metrics: { answers: { 'metrics-1': [2] }, submitted: true, right: 1, total: 2 } },
  ...over,
});
const file = (over: Partial<ProgressInput> = {}): ProgressFile => {
  const r = buildProgressFile(input(over));
  if (!r.ok) throw new Error(r.error);
  return r.file;
};

describe('progress file', () => {
  it('round-trips an export', () => {
    const built = buildProgressFile(input({ drills: { 'hostile-koc': '2026-11-28' } }));
    expect(built.ok).toBe(true);
    if (!built.ok) return;
    const read = readProgressFile(built.text);
    expect(read).toEqual({ ok: true, file: built.file, migratedFrom: null });
    expect(built.file).toMatchObject({ kind: 'playbook-training-progress', version: 1, name: '王小明', drills: { 'hostile-koc': '2026-11-28' } });
  });
  it('trims the name and refuses an empty or whitespace-only one', () => {
    expect(buildProgressFile(input({ name: '  Ana  ' }))).toMatchObject({ ok: true, file: { name: 'Ana' } });
    expect(buildProgressFile(input({ name: '' }))).toEqual({ ok: false, error: 'name-empty' });
    expect(buildProgressFile(input({ name: ' \u3000 ' }))).toEqual({ ok: false, error: 'name-empty' });
    expect(buildProgressFile(input({ name: 'x'.repeat(81) }))).toEqual({ ok: false, error: 'name-long' });
  });
  it('migrates the onboarding page’s earlier export (version 0), naming the trainee after the file', () => {
    const old = JSON.stringify({ kind: 'onboarding-progress', version: 1, exported: '2026-11-25T08:00:00.000Z', locale: 'en', progress: '4%', done: { 'w1-t1': '2026-11-23' } });
    const r = readProgressFile(old, nameFromFileName('C:\\Downloads\\Li Lei.json'));
    expect(r).toEqual({
      ok: true,
      migratedFrom: 0,
      file: { kind: 'playbook-training-progress', version: 1, name: 'Li Lei', exported: '2026-11-25T08:00:00.000Z', locale: 'en', onboarding: { 'w1-t1': '2026-11-23' }, drills: {}, quizzes: {} },
    });
    expect(readProgressFile(old)).toMatchObject({ ok: false, reason: 'no-name' });
  });
  it('reads a hand-made file of our kind without a version as version 0', () => {
    const r = readProgressFile(JSON.stringify({ kind: 'playbook-training-progress', exported: '2026-11-25T08:00:00Z', done: { 'w1-p1': '2026-11-24' } }), 'Zoe');
    expect(r).toMatchObject({ ok: true, migratedFrom: 0, file: { name: 'Zoe', onboarding: { 'w1-p1': '2026-11-24' }, version: 1 } });
    expect(readProgressFile(JSON.stringify({ kind: 'playbook-training-progress', name: 'Zoe' }), 'Zoe')).toMatchObject({ ok: false, reason: 'invalid' });
    // An earlier export with broken fields is refused too, saying which.
    const broken = readProgressFile(JSON.stringify({ kind: 'onboarding-progress', version: 1, exported: 'soon', done: [] }), 'Zoe');
    expect(broken).toMatchObject({ ok: false, reason: 'invalid' });
    expect(!broken.ok && broken.detail).toMatch(/exported: .*; done: expected object/);
    // Without a locale it is taken as the Chinese edition's, where the site starts.
    expect(readProgressFile(JSON.stringify({ kind: 'onboarding-progress', version: 1, exported: '2026-11-25T08:00:00Z', done: {} }), 'Zoe')).toMatchObject({ ok: true, file: { locale: 'zh-CN' } });
  });
  it.each([
    ['corrupt JSON', '{"kind":"playbook-training-progress", "name": "A"', 'not-json', ''],
    ['an empty file', '', 'not-json', ''],
    ['a plan file', JSON.stringify({ kind: 'community-plan', version: 1, plan: {} }), 'foreign', 'community-plan'],
    ['a calculator export', JSON.stringify({ calculator: 'ltv-cac', inputs: {} }), 'foreign', 'ltv-cac'],
    ['a random object', JSON.stringify({ hello: 'world' }), 'foreign', ''],
    ['an array', '[1,2,3]', 'foreign', ''],
    ['a number', '42', 'foreign', ''],
    ['a newer version', JSON.stringify({ ...file(), version: 2 }), 'newer', '2'],
  ])('refuses %s', (_, text, reason, detail) => {
    expect(readProgressFile(text, 'X')).toEqual({ ok: false, reason, detail });
  });
  it('refuses our kind with broken fields, saying where', () => {
    const r = readProgressFile(JSON.stringify({ ...file(), onboarding: { 'w1-t1': 'yesterday' } }));
    expect(r).toMatchObject({ ok: false, reason: 'invalid' });
    expect(!r.ok && r.detail).toContain('onboarding.w1-t1');
    expect(readProgressFile(JSON.stringify({ ...file(), name: '   ' }))).toMatchObject({ ok: false, reason: 'invalid' });
    expect(readProgressFile(JSON.stringify({ ...file(), quizzes: { metrics: { answers: { 'metrics-1': ['a'] }, submitted: true } } }))).toMatchObject({ ok: false, reason: 'invalid' });
    expect(readProgressFile(JSON.stringify({ ...file(), drills: { 'Not An Id!': '2026-11-28' } }))).toMatchObject({ ok: false, reason: 'invalid' });
    for (const exported of ['2026-11-30', '2026-13-45T99:99Z', 'yesterday', '']) expect(readProgressFile(JSON.stringify({ ...file(), exported })), exported).toMatchObject({ ok: false, reason: 'invalid' });
    for (const exported of ['2026-11-30T09:00:00+08:00', '2026-11-30T09:00Z']) expect(readProgressFile(JSON.stringify({ ...file(), exported })).ok, exported).toBe(true);
    expect(readProgressFile('x'.repeat(1_000_001))).toMatchObject({ ok: false, reason: 'too-large' });
  });
  it('gathers and scores every answered self-check from the saved quiz states, skipping unanswered or unreadable ones', () => {
    const specs = [
      { chapter: 'metrics', questions: [{ id: 'metrics-1', options: 4, correct: [2] }, { id: 'metrics-2', options: 4, correct: [0, 1] }] },
      { chapter: 'goals', questions: [{ id: 'goals-1', options: 3, correct: [1] }] },
      { chapter: 'content', questions: [{ id: 'content-1', options: 3, correct: [1] }] },
      { chapter: 'moderation', questions: [{ id: 'moderation-1', options: 3, correct: [1] }] },
    ];
    const saved: Record<string, string> = {
      metrics: JSON.stringify({ v: 1, answers: { 'metrics-1': [2], 'metrics-2': [1, 0, 9] }, submitted: true }),
      goals: JSON.stringify({ v: 1, answers: { 'goals-1': [] }, submitted: false }),
      content: '{broken',
    };
    expect(quizAttempts(specs, (c) => saved[c] ?? null)).toEqual({ metrics: { answers: { 'metrics-1': [2], 'metrics-2': [0, 1] }, submitted: true, right: 2, total: 2 } });
  });
  it('names the export after the trainee, without characters a file system refuses', () => {
    expect(progressFileName(' Li Lei ', '2026-11-30')).toBe('Li-Lei-progress-2026-11-30.json');
    expect(progressFileName('a/b:c*?"<>|d', '2026-11-30')).toBe('a-b-c-d-progress-2026-11-30.json');
    expect(progressFileName('王小明', '2026-11-30')).toBe('王小明-progress-2026-11-30.json');
  });
  it('reads a file with a byte-order mark', () => {
    const built = buildProgressFile(input());
    expect(built.ok && readProgressFile(`\uFEFF${built.text}`).ok).toBe(true);
  });
});

const course: CourseSpec = {
  weeks: [
    { id: 'week-1', items: ['w1-p1', 'w1-t1', 'w1-t2'] },
    { id: 'week-2', items: ['w2-t1', 'w2-t2'] },
  ],
  quizzes: [
    { chapter: 'metrics', questions: [{ id: 'metrics-1', correct: [2] }, { id: 'metrics-2', correct: [0, 1] }] },
    { chapter: 'goals', questions: [{ id: 'goals-1', correct: [1] }] },
  ],
  drills: ['hostile-koc', 'product-quality-crisis'],
};

describe('cohort table', () => {
  it('counts tasks per week, scores per chapter, drills and the last activity, ignoring ids the course lost', () => {
    const row = traineeRow(course, file({ onboarding: { 'w1-t1': '2026-11-23', 'w1-t2': '2026-11-24', 'w2-t2': '2026-11-29', gone: '2026-12-30' }, drills: { 'hostile-koc': '2026-11-28', gone: '2026-12-31' } }));
    expect(row.weeks).toEqual([
      { id: 'week-1', done: 2, total: 3 },
      { id: 'week-2', done: 1, total: 2 },
    ]);
    expect(row.quizzes).toEqual([{ right: 1, total: 2, submitted: true }, null]);
    expect(row.drills).toEqual({ done: 1, total: 2 });
    expect(row.lastActivity).toBe('2026-11-29');
    expect(traineeRow(course, file({ onboarding: {}, quizzes: {} })).lastActivity).toBeNull();
  });
  it('shows an unsubmitted attempt with its score, and an attempt without answers as none', () => {
    const row = traineeRow(course, file({ quizzes: { metrics: { answers: { 'metrics-2': [1, 0] }, submitted: false }, goals: { answers: { 'goals-1': [] }, submitted: true } } }));
    expect(row.quizzes).toEqual([{ right: 1, total: 2, submitted: false }, null]);
  });
  it('keeps the later export of the same trainee, whatever order they are added in', () => {
    const early = file({ name: 'Ana', exported: '2026-11-20T00:00:00Z' });
    const late = file({ name: ' ana ', exported: '2026-11-29T00:00:00Z' });
    const a = addToCohort(addToCohort([], early).cohort, late);
    expect(a.outcome).toEqual({ kind: 'replaced', previous: '2026-11-20T00:00:00Z' });
    expect(a.cohort).toEqual([late]);
    const b = addToCohort(addToCohort([], late).cohort, early);
    expect(b.outcome).toEqual({ kind: 'kept-newer', kept: '2026-11-29T00:00:00Z' });
    expect(b.cohort).toEqual([late]);
    expect(addToCohort([early], file({ name: 'Bo' })).outcome).toEqual({ kind: 'added' });
    expect(traineeKey('ＡＮＡ  Li')).toBe(traineeKey('ana li'));
  });
  it('lists the questions most of those who submitted got wrong, most-missed first', () => {
    const f = (name: string, m1: number[], m2: number[], g1: number[], submitted = true) =>
      file({ name, quizzes: { metrics: { answers: { 'metrics-1': m1, 'metrics-2': m2 }, submitted }, goals: { answers: { 'goals-1': g1 }, submitted } } });
    const files = [f('A', [2], [0], [0]), f('B', [1], [0, 1], [0]), f('C', [1], [0], [1]), f('D', [1], [1], [0], false)];
    // D has not asked for a score: 3 attempts; each question missed by 2 of them, so course order.
    expect(mostMissed(course, files)).toEqual([
      { chapter: 'metrics', id: 'metrics-1', attempted: 3, wrong: 2, share: 2 / 3 },
      { chapter: 'metrics', id: 'metrics-2', attempted: 3, wrong: 2, share: 2 / 3 },
      { chapter: 'goals', id: 'goals-1', attempted: 3, wrong: 2, share: 2 / 3 },
    ]);
    // A fourth who got metrics-2 and goals-1 right leaves only metrics-1 over half (3 of 4 wrong).
    expect(mostMissed(course, [...files, f('E', [0], [0, 1], [1])]).map((m) => [m.id, m.wrong, m.attempted])).toEqual([['metrics-1', 3, 4]]);
    expect(mostMissed(course, [])).toEqual([]);
    expect(mostMissed(course, files.slice(0, 1))).toEqual([
      { chapter: 'metrics', id: 'metrics-2', attempted: 1, wrong: 1, share: 1 },
      { chapter: 'goals', id: 'goals-1', attempted: 1, wrong: 1, share: 1 },
    ]);
  });
  it('never counts more than there is, and lists shares in order (invariant)', () => {
    const day = fc.constantFrom('2026-11-23', '2026-11-24', '2026-12-01');
    const pick = fc.array(fc.integer({ min: 0, max: 3 }), { maxLength: 3 });
    const anyFile = fc.record({
      onboarding: fc.dictionary(fc.constantFrom('w1-p1', 'w1-t1', 'w1-t2', 'w2-t1', 'w2-t2', 'old-1'), day),
      drills: fc.dictionary(fc.constantFrom('hostile-koc', 'product-quality-crisis', 'gone'), day),
      m: fc.record({ 'metrics-1': pick, 'metrics-2': pick }),
      g: fc.record({ 'goals-1': pick }),
      submitted: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(anyFile, { maxLength: 6 }), (specs) => {
        const files = specs.map((s, i) => file({ name: `T${i}`, onboarding: s.onboarding, drills: s.drills, quizzes: { metrics: { answers: s.m, submitted: s.submitted }, goals: { answers: s.g, submitted: s.submitted } } }));
        for (const f of files) {
          const row = traineeRow(course, f);
          for (const w of row.weeks) expect(w.done).toBeLessThanOrEqual(w.total);
          for (const q of row.quizzes) if (q) expect(q.right).toBeLessThanOrEqual(q.total);
          expect(row.drills.done).toBeLessThanOrEqual(row.drills.total);
          if (row.lastActivity) expect(row.lastActivity <= '2026-12-01').toBe(true);
        }
        const missed = mostMissed(course, files);
        for (let i = 0; i < missed.length; i++) {
          expect(missed[i]!.share).toBeGreaterThan(0.5);
          expect(missed[i]!.wrong).toBeLessThanOrEqual(missed[i]!.attempted);
          if (i > 0) expect(missed[i]!.share).toBeLessThanOrEqual(missed[i - 1]!.share);
        }
      }),
    );
  });
  it('writes CSV with a byte-order mark, headers in the page’s words, counts Excel will not read as dates, and defused formulas', () => {
    const rows = [traineeRow(course, file({ name: '=HYPERLINK("x")' })), traineeRow(course, file({ name: 'Bo, "B"', quizzes: { goals: { answers: { 'goals-1': [1] }, submitted: false } } }))];
    const csv = toCsv(cohortCells(course, rows, { name: 'Name', week: (n) => `Week ${n}`, quiz: (c) => `Self-check: ${c}`, drills: 'Drills', lastActivity: 'Last activity', exported: 'Exported', notSubmitted: ' (not checked)', ratio: (a, b) => `${a} of ${b}` }));
    expect(csv.startsWith('\uFEFF"Name","Week 1","Week 2","Self-check: metrics","Self-check: goals","Drills","Last activity","Exported"\r\n')).toBe(true);
    const lines = csv.slice(1).trimEnd().split('\r\n');
    expect(lines).toHaveLength(3);
    expect(lines[1]).toBe(`"'=HYPERLINK(""x"")","1 of 3","1 of 2","1 of 2","","0 of 2","2026-11-27","2026-11-30"`);
    expect(toCsv(cohortCells(course, [traineeRow(course, file({ onboarding: {}, quizzes: {} }))], { name: 'N', week: String, quiz: String, drills: 'D', lastActivity: 'L', exported: 'E', notSubmitted: '', ratio: (a, b) => `${a}:${b}` })).split('\r\n')[1]).toBe('"王小明","0:3","0:2","","","0:2","","2026-11-30"');
    const day = (iso: string) => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai' }).format(new Date(iso));
    const late = traineeRow(course, file({ exported: '2026-11-30T20:00:00Z' }));
    expect(cohortCells(course, [late], { name: 'N', week: String, quiz: String, drills: 'D', lastActivity: 'L', exported: 'E', notSubmitted: '', ratio: String, day })[1]!.at(-1)).toBe('2026-12-01');
    expect(lines[2]).toBe(`"Bo, ""B""","1 of 3","1 of 2","","1 of 1 (not checked)","0 of 2","2026-11-27","2026-11-30"`);
  });
});
