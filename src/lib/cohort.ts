/**
 * The trainer's cohort view: progress files of several trainees (`progress-file.ts`) turned into one table
 * and a list of the questions most of the cohort gets wrong. Everything is driven by the course data the page
 * passes in (the weeks of `onboarding.json`, the questions of `src/data/quizzes/`, the drills), so a new week
 * item, quiz or drill appears without a change here. Ids in a file that the course no longer has are ignored.
 */
import { isRight, scoreQuiz, type ScoredQuestion } from './training';
import type { ProgressFile } from './progress-file';

export interface CourseSpec {
  /** Each week's checklist item ids (practice and tasks), in course order. */
  weeks: { id: string; items: string[] }[];
  quizzes: { chapter: string; questions: ScoredQuestion[] }[];
  drills: string[];
}

export interface QuizCell {
  right: number;
  total: number;
  /** False when the trainee answered but never asked for the score: shown, but not counted as missed. */
  submitted: boolean;
}

export interface TraineeRow {
  name: string;
  exported: string;
  weeks: { id: string; done: number; total: number }[];
  /** One per course quiz, in course order; null when the trainee answered none of it. */
  quizzes: (QuizCell | null)[];
  drills: { done: number; total: number };
  /** Latest day anything was ticked or signed off (YYYY-MM-DD), or null when nothing has been. */
  lastActivity: string | null;
}

const latest = (days: string[]) => days.reduce<string | null>((a, d) => (a === null || d > a ? d : a), null);

/** One trainee's row: counts only what the course still has. */
export function traineeRow(course: CourseSpec, file: ProgressFile): TraineeRow {
  const weeks = course.weeks.map((w) => ({ id: w.id, done: w.items.filter((id) => id in file.onboarding).length, total: w.items.length }));
  const quizzes = course.quizzes.map((q): QuizCell | null => {
    const attempt = file.quizzes[q.chapter];
    if (!attempt || !q.questions.some((x) => (attempt.answers[x.id]?.length ?? 0) > 0)) return null;
    const s = scoreQuiz(q.questions, attempt.answers);
    return { right: s.right, total: s.total, submitted: attempt.submitted };
  });
  const items = new Set(course.weeks.flatMap((w) => w.items));
  const drillsDone = course.drills.filter((d) => d in file.drills);
  const days = [...Object.entries(file.onboarding).filter(([id]) => items.has(id)).map(([, d]) => d), ...drillsDone.map((d) => file.drills[d]!)];
  return { name: file.name, exported: file.exported, weeks, quizzes, drills: { done: drillsDone.length, total: course.drills.length }, lastActivity: latest(days) };
}

/** Two exports are the same trainee when their names match ignoring case, width and surrounding spaces. */
export const traineeKey = (name: string) => name.normalize('NFKC').trim().replace(/\s+/g, ' ').toLowerCase();

export type AddOutcome = { kind: 'added' } | { kind: 'replaced'; previous: string } | { kind: 'kept-newer'; kept: string };

/**
 * Adds one trainee's file to the cohort (a new array; the old one is untouched). The same name again keeps
 * the later export (by `exported`; on a tie the one added last): `replaced` says an older one was dropped,
 * `kept-newer` that the file added is the older one and was not used.
 */
export function addToCohort(cohort: readonly ProgressFile[], file: ProgressFile): { cohort: ProgressFile[]; outcome: AddOutcome } {
  const key = traineeKey(file.name);
  const at = cohort.findIndex((f) => traineeKey(f.name) === key);
  if (at < 0) return { cohort: [...cohort, file], outcome: { kind: 'added' } };
  const old = cohort[at]!;
  if (Date.parse(file.exported) < Date.parse(old.exported)) return { cohort: [...cohort], outcome: { kind: 'kept-newer', kept: old.exported } };
  const next = [...cohort];
  next[at] = file;
  return { cohort: next, outcome: { kind: 'replaced', previous: old.exported } };
}

export interface MissedQuestion {
  chapter: string;
  id: string;
  /** Trainees who submitted this chapter's self-check, and how many of them got the question wrong. */
  attempted: number;
  wrong: number;
  share: number;
}

/**
 * The questions more than `threshold` (default half) of the trainees who submitted that self-check got wrong,
 * most-missed first (ties in course order). Unsubmitted attempts are not counted: the trainee may still be
 * answering. Example: 3 submitted, 2 wrong → share 0.667, listed.
 */
export function mostMissed(course: CourseSpec, files: readonly ProgressFile[], threshold = 0.5): MissedQuestion[] {
  const out: MissedQuestion[] = [];
  for (const q of course.quizzes) {
    const attempts = files.map((f) => f.quizzes[q.chapter]).filter((a) => a?.submitted);
    if (attempts.length === 0) continue;
    for (const question of q.questions) {
      const wrong = attempts.filter((a) => !isRight(question, a!.answers[question.id])).length;
      const share = wrong / attempts.length;
      if (share > threshold) out.push({ chapter: q.chapter, id: question.id, attempted: attempts.length, wrong, share });
    }
  }
  // A stable sort keeps course order among equal shares.
  return out.sort((a, b) => b.share - a.share);
}

/** The cells of the table as text, for CSV: one header row and one row per trainee, in the page's words. */
export function cohortCells(
  course: CourseSpec,
  rows: readonly TraineeRow[],
  labels: {
    name: string;
    week: (n: number) => string;
    quiz: (chapter: string) => string;
    drills: string;
    lastActivity: string;
    exported: string;
    /** Appended as is, e.g. "（未提交）" or " (not checked)". */
    notSubmitted: string;
    ratio: (done: number, total: number) => string;
    /** The export time as a day; the page passes the reader's calendar (default: the UTC day). */
    day?: (iso: string) => string;
  },
): string[][] {
  // Counts are written as words ("5 of 6"), not "5/6", which Excel turns into a date.
  const header = [labels.name, ...course.weeks.map((_, i) => labels.week(i + 1)), ...course.quizzes.map((q) => labels.quiz(q.chapter)), labels.drills, labels.lastActivity, labels.exported];
  const body = rows.map((r) => [
    r.name,
    ...r.weeks.map((w) => labels.ratio(w.done, w.total)),
    ...r.quizzes.map((c) => (c ? `${labels.ratio(c.right, c.total)}${c.submitted ? '' : labels.notSubmitted}` : '')),
    labels.ratio(r.drills.done, r.drills.total),
    r.lastActivity ?? '',
    labels.day ? labels.day(r.exported) : r.exported.slice(0, 10),
  ]);
  return [header, ...body];
}

/**
 * CSV text with a byte-order mark (Excel and WPS then read Chinese correctly) and CRLF line ends. Every cell is
 * quoted; a cell that starts like a formula (`=`, `+`, `-`, `@`) gets a leading apostrophe, as a trainee's name
 * is typed by them.
 */
export function toCsv(cells: readonly (readonly string[])[]): string {
  const cell = (s: string) => `"${(/^[=+\-@\t\r]/.test(s) ? `'${s}` : s).replace(/"/g, '""')}"`;
  return `\uFEFF${cells.map((r) => r.map(cell).join(',')).join('\r\n')}\r\n`;
}
