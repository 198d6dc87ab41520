/**
 * A trainee's progress file: what the onboarding page exports ("Export my progress") and the trainer's
 * cohort page imports. One JSON document per trainee, built and read entirely in the browser.
 *
 * What is stored (read from this browser's localStorage, see `src/lib/training.ts` for those shapes):
 *   {
 *     "kind": "playbook-training-progress", "version": 1,
 *     "name": "王小明",                       // typed by the trainee, required (1–80 characters)
 *     "exported": "2026-11-30T09:15:00.000Z", // ISO time of the export
 *     "locale": "zh-CN",                      // the page language it was exported from
 *     "onboarding": { "w1-t1": "2026-11-23" },// onboarding item id → day ticked (playbook:onboarding)
 *     "drills": { "hostile-koc": "2026-11-28" }, // drill id → day signed off; {} while the site stores none
 *     "quizzes": { "metrics": { "answers": { "metrics-1": [2] }, "submitted": true, "right": 5, "total": 6 } }
 *   }
 * `right`/`total` are the score the trainee saw when exporting; the cohort page rescores the answers against
 * the current quiz data, so an edited question never shows a stale score.
 *
 * Versions and migration (`readProgressFile`):
 * - 1 (current): the shape above.
 * - 0: the onboarding page's earlier export, `{ "kind": "onboarding-progress", "version": 1, "exported",
 *   "locale", "progress": "50%", "done": { id: day } }` — no name and no self-checks. It migrates to version 1
 *   with `done` as `onboarding`, no quizzes or drills, and the name taken from the file name (the caller
 *   passes it); without a usable name it is refused.
 * A file of our kind without a version counts as version 0 of its kind only if it carries `done` (that is,
 * the earlier export with its kind renamed by hand); otherwise it is refused as invalid. A newer version,
 * JSON of another kind (a plan file, a health-check export, any object), or text that is not JSON is refused
 * with the reason, so the caller can say why per file and leave what it shows unchanged.
 */
import * as z from 'zod/mini';
import { readQuizState, scoreQuiz } from './training';

export const PROGRESS_FILE_KIND = 'playbook-training-progress';
export const PROGRESS_FILE_VERSION = 1;
/** The kind the onboarding page wrote before version 1 of this format existed. */
const LEGACY_KIND = 'onboarding-progress';
/** Larger than any real export by far (15 quizzes, 60 items ≈ 10 KB): anything bigger is not ours. */
export const MAX_FILE_CHARS = 1_000_000;
export const MAX_NAME = 80;

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;
const ID = /^[a-z0-9-]{1,80}$/;
// Only the zod/mini parts the calculators already use: zod lands in a chunk every calculator page loads, and
// the plan builder sits at its JS budget (a record, literal or datetime schema would each add to it).
const day = z.string().check(z.regex(ISO_DAY));
const time = z.string().check(
  z.regex(ISO_TIME),
  z.refine((s) => Number.isFinite(Date.parse(s)), 'not a time'),
);
// An id → value map: an empty object with a catch-all rather than `z.record` (0.6 KB more for every calculator).
const idMap = <T extends z.core.SomeType>(value: T) =>
  z.catchall(z.object({}), value).check(z.refine((m) => Object.keys(m).every((k) => ID.test(k)), { message: 'not an id', abort: true }));

const quizAttempt = z.object({
  answers: idMap(z.array(z.int().check(z.minimum(0), z.maximum(9))).check(z.maxLength(10))),
  submitted: z.boolean(),
  right: z.optional(z.int().check(z.minimum(0))),
  total: z.optional(z.int().check(z.minimum(0))),
});
const fileSchema = z.object({
  kind: z.enum([PROGRESS_FILE_KIND]),
  version: z.int().check(z.minimum(PROGRESS_FILE_VERSION), z.maximum(PROGRESS_FILE_VERSION)),
  name: z.string().check(z.trim(), z.minLength(1), z.maxLength(MAX_NAME)),
  exported: time,
  locale: z.optional(z.enum(['zh-CN', 'en'])),
  onboarding: idMap(day),
  drills: idMap(day),
  quizzes: idMap(quizAttempt),
});
export type ProgressFile = z.infer<typeof fileSchema>;
export type QuizAttempt = z.infer<typeof quizAttempt>;

const legacySchema = z.object({
  kind: z.enum([LEGACY_KIND]),
  exported: time,
  locale: z.optional(z.enum(['zh-CN', 'en'])),
  done: idMap(day),
});

/** What the trainee's browser holds, gathered by the onboarding page. */
export interface ProgressInput {
  name: string;
  exported: string;
  locale: 'zh-CN' | 'en';
  onboarding: Record<string, string>;
  drills?: Record<string, string>;
  quizzes: Record<string, QuizAttempt>;
}

export type BuildResult = { ok: true; file: ProgressFile; text: string } | { ok: false; error: 'name-empty' | 'name-long' };

/** The export: refuses an empty (or whitespace-only) or over-long name, trims it otherwise. */
export function buildProgressFile(input: ProgressInput): BuildResult {
  const name = input.name.trim();
  if (name === '') return { ok: false, error: 'name-empty' };
  if (name.length > MAX_NAME) return { ok: false, error: 'name-long' };
  const file: ProgressFile = {
    kind: PROGRESS_FILE_KIND,
    version: PROGRESS_FILE_VERSION,
    name,
    exported: input.exported,
    locale: input.locale,
    onboarding: input.onboarding,
    drills: input.drills ?? {},
    quizzes: input.quizzes,
  };
  return { ok: true, file, text: JSON.stringify(file, null, 2) };
}

/**
 * Why a file was refused: not JSON; JSON of another kind (`foreign`, with the kind it names if any); a newer
 * version than this site reads; our kind with fields that do not fit; or an old export with no name to give it.
 */
export type ProgressRefusal = 'not-json' | 'foreign' | 'newer' | 'invalid' | 'no-name' | 'too-large';
export type ProgressReadResult =
  | { ok: true; file: ProgressFile; migratedFrom: number | null }
  | { ok: false; reason: ProgressRefusal; detail: string };

const describe = (issues: readonly z.core.$ZodIssue[]) =>
  issues
    .slice(0, 3)
    .map((i) => `${i.path.join('.') || 'file'}: ${i.code === 'invalid_type' ? `expected ${(i as { expected?: string }).expected ?? 'another type'}` : i.code}`)
    .join('; ');

/**
 * The export's file name: the trainee's name first, so a trainer's download folder sorts by trainee, with the
 * characters file systems refuse (and spaces) turned into dashes. `progressFileName('Li Lei', '2026-11-30')` →
 * `Li-Lei-progress-2026-11-30.json`.
 */
export const progressFileName = (name: string, day: string) => `${name.trim().replace(/[\\/:*?"<>|\s]+/g, '-')}-progress-${day}.json`;

/** The file's name without folder and extension, as a fallback trainee name for old exports. */
export const nameFromFileName = (fileName: string) =>
  fileName
    .replace(/^.*[\\/]/, '')
    .replace(/\.json$/i, '')
    .trim();

/**
 * Reads one imported file. `fallbackName` names a trainee in a version-0 file (which has none): the page
 * passes the file name. Examples: `readProgressFile('{')` → not-json; `readProgressFile('{"kind":"community-plan"}')`
 * → foreign, detail "community-plan".
 */
export function readProgressFile(text: string, fallbackName = ''): ProgressReadResult {
  if (text.length > MAX_FILE_CHARS) return { ok: false, reason: 'too-large', detail: String(text.length) };
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    return { ok: false, reason: 'not-json', detail: '' };
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return { ok: false, reason: 'foreign', detail: '' };
  const doc = data as Record<string, unknown>;
  const version = doc.kind === PROGRESS_FILE_KIND ? doc.version : doc.kind === LEGACY_KIND ? 0 : undefined;
  if (doc.kind !== PROGRESS_FILE_KIND && doc.kind !== LEGACY_KIND) {
    return { ok: false, reason: 'foreign', detail: typeof doc.kind === 'string' ? doc.kind.slice(0, 40) : typeof doc.calculator === 'string' ? doc.calculator.slice(0, 40) : '' };
  }
  if (version === undefined && 'done' in doc) return migrate0({ ...doc, kind: LEGACY_KIND }, fallbackName);
  if (version === 0) return migrate0(doc, fallbackName);
  if (typeof version !== 'number' || !Number.isInteger(version)) return { ok: false, reason: 'invalid', detail: 'version: missing' };
  if (version > PROGRESS_FILE_VERSION) return { ok: false, reason: 'newer', detail: String(version) };
  const parsed = z.safeParse(fileSchema, doc);
  if (!parsed.success) return { ok: false, reason: 'invalid', detail: describe(parsed.error.issues) };
  return { ok: true, file: parsed.data, migratedFrom: null };
}

/** Version 0 → 1: the onboarding page's earlier export. */
function migrate0(doc: Record<string, unknown>, fallbackName: string): ProgressReadResult {
  const parsed = z.safeParse(legacySchema, doc);
  if (!parsed.success) return { ok: false, reason: 'invalid', detail: describe(parsed.error.issues) };
  const built = buildProgressFile({ name: fallbackName, exported: parsed.data.exported, locale: parsed.data.locale ?? 'zh-CN', onboarding: parsed.data.done, quizzes: {} });
  if (!built.ok) return { ok: false, reason: 'no-name', detail: '' };
  return { ok: true, file: built.file, migratedFrom: 0 };
}

export interface QuizSpec {
  chapter: string;
  questions: { id: string; options: number; correct: number[] }[];
}

/**
 * Every self-check the trainee has answered, from the saved quiz states (`getItem` reads
 * `playbook:quiz:<chapter>`), scored against the quiz data; chapters never answered or unreadable are left out.
 */
export function quizAttempts(specs: readonly QuizSpec[], getItem: (chapter: string) => string | null): Record<string, QuizAttempt> {
  const out: Record<string, QuizAttempt> = {};
  for (const spec of specs) {
    const state = readQuizState(getItem(spec.chapter), spec.questions);
    if (!state || !Object.values(state.answers).some((a) => a.length > 0)) continue;
    const score = scoreQuiz(spec.questions, state.answers);
    out[spec.chapter] = { answers: state.answers, submitted: state.submitted, right: score.right, total: score.total };
  }
  return out;
}
