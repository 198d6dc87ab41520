/**
 * Scoring of self-checks and the saved state of the training pages.
 *
 * Stored in localStorage (never sent anywhere):
 * - `playbook:quiz:<chapter>`: `{"v":1,"answers":{"metrics-1":[2]},"submitted":true}` — the options the
 *   trainee ticked per question, and whether they asked for the score.
 * - `playbook:onboarding`: `{"v":1,"done":{"w1-t1":"2026-11-23"}}` — each finished item with the day it was
 *   ticked (trainers ask "when"), as a calendar date in the trainee's time zone.
 * - `playbook:drills`: the same shape as `playbook:onboarding`, drill id → day the trainer signed it off.
 * - `playbook:trainee-name`: plain text, the name last typed for "Export my progress".
 * The export built from these (for the trainer's cohort page) is defined in `src/lib/progress-file.ts`.
 * Migration: there is only version 1. A value that is not JSON, has another `v` or the wrong shape is
 * treated as absent (the page then says so and starts fresh without overwriting it until the trainee
 * acts); answers for questions or items that no longer exist are dropped, so editing the content never
 * breaks a saved state.
 */

export interface ScoredQuestion {
  id: string;
  correct: readonly number[];
}

export type Answers = Record<string, number[]>;

/**
 * A question counts as right when the ticked options are exactly the correct ones (order ignored).
 * Example: correct [0, 2]; answers [2, 0] → right; [0] → wrong; [] → wrong.
 */
export function isRight(question: ScoredQuestion, picked: readonly number[] = []): boolean {
  const want = new Set(question.correct);
  const got = new Set(picked);
  return want.size === got.size && [...want].every((i) => got.has(i));
}

/** Right answers out of all questions: `{ right: 5, total: 6, perQuestion: { q1: true, … } }`. */
export function scoreQuiz(questions: readonly ScoredQuestion[], answers: Answers) {
  const perQuestion = Object.fromEntries(questions.map((q) => [q.id, isRight(q, answers[q.id])]));
  return { right: Object.values(perQuestion).filter(Boolean).length, total: questions.length, perQuestion };
}

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
const parse = (text: string | null): Record<string, unknown> | null => {
  if (text === null) return null;
  try {
    const data: unknown = JSON.parse(text);
    return isObject(data) && data.v === 1 ? data : null;
  } catch {
    return null;
  }
};

export interface QuizState {
  answers: Answers;
  submitted: boolean;
}

/** Saved quiz state, or null when there is none or it is unusable. Options out of range are dropped. */
export function readQuizState(text: string | null, questions: readonly { id: string; options: number }[]): QuizState | null {
  const data = parse(text);
  if (!data || !isObject(data.answers) || typeof data.submitted !== 'boolean') return null;
  const answers: Answers = {};
  for (const q of questions) {
    const picked = data.answers[q.id];
    if (!Array.isArray(picked)) continue;
    answers[q.id] = [...new Set(picked.filter((i): i is number => Number.isInteger(i) && i >= 0 && i < q.options))].sort((a, b) => a - b);
  }
  return { answers, submitted: data.submitted };
}

export const writeQuizState = (state: QuizState): string => JSON.stringify({ v: 1, ...state });

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Saved onboarding progress (item id → day done), keeping only items that still exist. */
export function readProgress(text: string | null, itemIds: readonly string[]): Record<string, string> | null {
  const data = parse(text);
  if (!data || !isObject(data.done)) return null;
  const done: Record<string, string> = {};
  for (const id of itemIds) {
    const day = data.done[id];
    if (typeof day === 'string' && ISO_DAY.test(day)) done[id] = day;
  }
  return done;
}

export const writeProgress = (done: Record<string, string>): string => JSON.stringify({ v: 1, done });

/** Share of items done, 0–1 (0 for an empty list): `progressShare(['a','b'], { a: '…' })` → 0.5. */
export function progressShare(itemIds: readonly string[], done: Record<string, string>): number {
  return itemIds.length === 0 ? 0 : itemIds.filter((id) => id in done).length / itemIds.length;
}

/**
 * The two tracks of the onboarding path (issue #19): operators run groups, planners own targets, budgets
 * and phases. Weeks 1–2 are shared; later items carry a track, and `both` (or none) belongs to both.
 * The reader's choice is kept under its own key, `playbook:onboarding-track` (`operator` | `planner` |
 * `all`), so the progress record above keeps its shape.
 */
export type Track = 'operator' | 'planner';
export type TrackChoice = Track | 'all';
export type ItemTrack = Track | 'both';
export const TRACK_CHOICES: readonly TrackChoice[] = ['all', 'operator', 'planner'];

/** Whether an item belongs to the chosen track: `inTrack('planner', 'operator')` → false; `all` shows everything. */
export const inTrack = (item: ItemTrack | undefined, choice: TrackChoice): boolean => choice === 'all' || item === undefined || item === 'both' || item === choice;

/** A saved track choice, or `all` when there is none or it is not one of the three. */
export const readTrack = (text: string | null): TrackChoice => (TRACK_CHOICES as readonly (string | null)[]).includes(text) ? (text as TrackChoice) : 'all';

/**
 * Minutes a track spends on a week's items: `weekMinutes([{ minutes: 30 }, { minutes: 60, track: 'planner' }], 'operator')` → 30.
 */
export function weekMinutes(items: readonly { minutes: number; track?: ItemTrack }[], track: Track): number {
  return items.filter((i) => inTrack(i.track, track)).reduce((sum, i) => sum + i.minutes, 0);
}

/** Whole hours and the minutes left over, for "5 h 30 min": `splitMinutes(330)` → `{ hours: 5, minutes: 30 }`. */
export const splitMinutes = (total: number): { hours: number; minutes: number } => ({ hours: Math.floor(total / 60), minutes: total % 60 });
