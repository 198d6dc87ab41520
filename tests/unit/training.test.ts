import { readdirSync, readFileSync, existsSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { inTrack, isRight, progressShare, readProgress, readQuizState, readTrack, scoreQuiz, splitMinutes, weekMinutes, writeProgress, writeQuizState } from '../../src/lib/training';
import { CORE_CHAPTERS, onboardingSchema, quizSchema } from '../../src/content/training-schema';

describe('scoring', () => {
  it.each([
    [[1], [1], true],
    [[1], [0], false],
    [[0, 2], [2, 0], true],
    [[0, 2], [0], false],
    [[0, 2], [0, 1, 2], false],
    [[0], [], false],
    [[0], undefined, false],
  ])('correct %j, picked %j → %s', (correct, picked, right) => {
    expect(isRight({ id: 'q', correct }, picked)).toBe(right);
  });
  it('counts right answers and never exceeds the total', () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.integer({ min: 0, max: 4 }), { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 10 }), fc.array(fc.array(fc.integer({ min: 0, max: 4 }))), (corrects, picks) => {
        const qs = corrects.map((c, i) => ({ id: `q${i}`, correct: c }));
        const answers = Object.fromEntries(picks.map((p, i) => [`q${i}`, p]));
        const s = scoreQuiz(qs, answers);
        expect(s.total).toBe(qs.length);
        expect(s.right).toBeGreaterThanOrEqual(0);
        expect(s.right).toBeLessThanOrEqual(s.total);
        expect(scoreQuiz(qs, Object.fromEntries(qs.map((q) => [q.id, [...q.correct].reverse()]))).right).toBe(qs.length);
      }),
    );
  });
});

describe('saved training state', () => {
  const qs = [
    { id: 'a-1', options: 4 },
    { id: 'a-2', options: 3 },
  ];
  it('round-trips quiz state and drops what no longer exists', () => {
    const text = writeQuizState({ answers: { 'a-1': [2, 0], 'a-2': [7], gone: [1] }, submitted: true });
    expect(readQuizState(text, qs)).toEqual({ answers: { 'a-1': [0, 2], 'a-2': [] }, submitted: true });
  });
  it.each(['{', '[]', 'null', '{"v":2,"answers":{},"submitted":false}', '{"v":1,"answers":[],"submitted":false}', '{"v":1,"answers":{}}'])('ignores unusable quiz state %s', (text) => {
    expect(readQuizState(text, qs)).toBeNull();
  });
  it('has no quiz state when nothing is saved', () => expect(readQuizState(null, qs)).toBeNull());
  it('round-trips onboarding progress and keeps only real items and real dates', () => {
    const text = writeProgress({ x: '2026-11-23', y: 'yesterday', gone: '2026-11-01' });
    expect(readProgress(text, ['x', 'y'])).toEqual({ x: '2026-11-23' });
    expect(readProgress('{"v":1,"done":5}', ['x'])).toBeNull();
    expect(progressShare(['x', 'y'], { x: '2026-11-23' })).toBe(0.5);
    expect(progressShare([], {})).toBe(0);
  });
});

describe('training content data', () => {
  const dir = 'src/data/quizzes';
  const files = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.json')) : [];
  it('has a self-check for every core chapter', () => {
    expect(files.map((f) => f.replace('.json', '')).sort()).toEqual([...CORE_CHAPTERS].sort());
  });
  for (const f of files) {
    it(`${f} passes the quiz schema and is named after its chapter`, () => {
      const r = quizSchema.safeParse(JSON.parse(readFileSync(`${dir}/${f}`, 'utf8')));
      expect(r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`)).toEqual([]);
      expect(r.data?.chapter).toBe(f.replace('.json', ''));
    });
  }
  it('the onboarding path passes its schema', () => {
    const r = onboardingSchema.safeParse(JSON.parse(readFileSync('src/data/onboarding.json', 'utf8')));
    expect(r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`)).toEqual([]);
  });
  it('the quiz schema refuses a single-choice question with two answers and mismatched languages', () => {
    const q = { id: 'metrics-1', type: 'single', correct: [0, 1], zh: { prompt: 'p', options: [{ text: 'a', explanation: 'e' }, { text: 'b', explanation: 'e' }, { text: 'c', explanation: 'e' }] }, en: { prompt: 'p', options: [{ text: 'a', explanation: 'e' }, { text: 'b', explanation: 'e' }, { text: 'c', explanation: 'e' }, { text: 'd', explanation: 'e' }] } };
    const r = quizSchema.safeParse({ chapter: 'metrics', questions: Array(6).fill(q).map((x, i) => ({ ...x, id: `metrics-${i}` })) });
    expect(r.success).toBe(false);
    expect(r.error!.issues.map((i) => i.message)).toContain('a single-choice question has exactly one correct option');
    expect(r.error!.issues.map((i) => i.message)).toContain('zh and en must have the same options');
  });
  it.each(['下面哪些做法正确？（多选）', 'Which are right? (Choose all that apply.)', 'Which one? (select all that apply)'])('the quiz schema refuses a prompt that names its own type: %s', (text) => {
    const opts = [{ text: 'a', explanation: 'e' }, { text: 'b', explanation: 'e' }, { text: 'c', explanation: 'e' }];
    const q = { id: 'metrics-1', type: 'multiple', correct: [0, 1], zh: { prompt: text, options: opts }, en: { prompt: text, options: opts } };
    const r = quizSchema.safeParse({ chapter: 'metrics', questions: Array(6).fill(q).map((x, i) => ({ ...x, id: `metrics-${i}` })) });
    expect(r.success).toBe(false);
    expect(r.error!.issues.map((i) => i.message)).toContain('leave the question type out of the prompt: the page adds it');
  });
});

describe('onboarding tracks and times (issue #19)', () => {
  it('puts shared items in both tracks and tracked items in one', () => {
    expect(inTrack(undefined, 'operator')).toBe(true);
    expect(inTrack('both', 'planner')).toBe(true);
    expect(inTrack('planner', 'operator')).toBe(false);
    expect(inTrack('planner', 'all')).toBe(true);
    expect(readTrack('planner')).toBe('planner');
    expect(readTrack('{"v":1}')).toBe('all');
    expect(readTrack(null)).toBe('all');
  });
  it('totals a week per track and splits minutes into hours', () => {
    const items = [{ minutes: 30 }, { minutes: 60, track: 'planner' as const }, { minutes: 45, track: 'operator' as const }, { minutes: 20, track: 'both' as const }];
    expect(weekMinutes(items, 'operator')).toBe(95);
    expect(weekMinutes(items, 'planner')).toBe(110);
    expect(splitMinutes(95)).toEqual({ hours: 1, minutes: 35 });
    expect(splitMinutes(120)).toEqual({ hours: 2, minutes: 0 });
  });

  type Item = { id: string; minutes: number; track?: string; calculator?: string; rubric?: string; zh: unknown; en: unknown };
  type Week = { id: string; reading: (string | { chapter: string; track: string })[]; practice: Item[]; tasks: Item[] };
  const path: { weeks: Week[] } = JSON.parse(readFileSync('src/data/onboarding.json', 'utf8'));
  const week = (id: string) => path.weeks.find((w) => w.id === id)!;
  const chapters = (w: Week, track: string) => w.reading.flatMap((r) => (typeof r === 'string' ? [r] : r.track === track ? [r.chapter] : []));
  const items = (w: Week, track: string) => [...w.practice, ...w.tasks].filter((i) => !i.track || i.track === 'both' || i.track === track);

  it('assigns organisation and culture in week 2, theory and monetisation in month 2', () => {
    expect(week('week-2').reading).toContain('organization-culture');
    expect(week('month-2').reading).toEqual(expect.arrayContaining(['theory', 'monetization']));
  });
  it('gives budget and phase-model work to the planner track, not to the operator\'s week 3', () => {
    const w3 = week('week-3');
    const operator = items(w3, 'operator');
    expect(operator.filter((i) => i.calculator === 'timeline' || i.calculator === 'staffing')).toEqual([]);
    expect(operator.map((i) => i.id)).not.toContain('w3-t6');
    expect(operator.map((i) => i.id)).not.toContain('w3-t7');
    expect(chapters(w3, 'operator')).not.toContain('team-budget');
    expect(chapters(w3, 'planner')).toEqual(expect.arrayContaining(['team-budget', 'phases']));
    expect(items(w3, 'planner').map((i) => i.id)).toEqual(expect.arrayContaining(['w3-t6', 'w3-t7', 'w3-p3']));
    expect(items(w3, 'operator').length).toBeGreaterThanOrEqual(4);
  });
  it('keeps the ids trainees have already ticked', () => {
    const ids = path.weeks.flatMap((w) => [...w.practice, ...w.tasks].map((i) => i.id));
    for (const w of [1, 2, 3, 4]) for (const n of [1, 2, 3]) expect(ids).toContain(`w${w}-p${n}`);
    for (const [w, last] of [[1, 8], [2, 8], [3, 7], [4, 8]]) for (let n = 1; n <= last!; n++) expect(ids).toContain(`w${w}-t${n}`);
  });
  it('has week one work from the training data pack, never from live member exports', () => {
    const text = JSON.stringify(week('week-1').tasks);
    expect(text).not.toMatch(/导出带教人指定|导出成 CSV|Export the member lists|Export the last 30 days/);
    for (const file of ['members.csv', 'chat-export.csv', 'wecom-roster.json']) {
      expect(text).toContain(file);
      expect(existsSync(`public/training-data/${file}`)).toBe(true);
    }
  });
  it('the schema refuses a tracked item in the shared weeks', () => {
    const data = JSON.parse(readFileSync('src/data/onboarding.json', 'utf8'));
    data.weeks[0].tasks[0].track = 'planner';
    const r = onboardingSchema.safeParse(data);
    expect(r.success).toBe(false);
    expect(r.error!.issues[0]!.message).toMatch(/weeks 1–2 are shared by both tracks: w1-t1/);
  });
});
