import { z } from 'astro/zod';

/** The handbook chapters that have a self-check: every chapter (issue #19). */
export const CORE_CHAPTERS = ['why-community', 'diagnosis', 'goals', 'metrics', 'theory', 'positioning-tiers', 'koc-programme', 'content', 'engagement-events', 'member-journey', 'tools-data', 'platform-data', 'risk-crisis', 'moderation', 'personal-information', 'team-budget', 'workload-rota', 'phases', 'organization-culture', 'evaluation', 'monetization', 'outside-china'] as const;
export const CALCULATORS = ['budget', 'staffing', 'ltv-cac', 'retention', 'timeline'] as const;
const CHAPTERS = ['why-community', 'diagnosis', 'goals', 'metrics', 'theory', 'positioning-tiers', 'koc-programme', 'content', 'engagement-events', 'member-journey', 'tools-data', 'platform-data', 'risk-crisis', 'moderation', 'personal-information', 'team-budget', 'workload-rota', 'phases', 'organization-culture', 'evaluation', 'monetization', 'outside-china'] as const;

const option = z.object({
  text: z.string().trim().min(1),
  /** Why this option is right or wrong, pointing at the handbook. */
  explanation: z.string().trim().min(1),
});
// The page prints "(Choose one)" / "(Choose all that apply)" after every prompt; a prompt that says it too reads twice.
const TYPE_HINT = /[（(]\s*(单选|多选|choose one|(choose|select) all that apply)/i;
const prompt = z
  .string()
  .trim()
  .min(1)
  .refine((p) => !TYPE_HINT.test(p), 'leave the question type out of the prompt: the page adds it');
const questionText = z.object({ prompt, options: z.array(option).min(3).max(5) });

/**
 * One self-check question in both languages (`src/data/quizzes/<chapter>.json`).
 * `single`: exactly one correct option; `multiple`: two or more.
 */
export const questionSchema = z
  .object({
    id: z.string().regex(/^[a-z-]+-\d+$/),
    type: z.enum(['single', 'multiple']),
    /** 0-based indices of the correct options. */
    correct: z.array(z.number().int().min(0)).min(1),
    zh: questionText,
    en: questionText,
  })
  .superRefine((q, ctx) => {
    if (q.zh.options.length !== q.en.options.length) ctx.addIssue({ code: 'custom', path: ['en', 'options'], message: 'zh and en must have the same options' });
    if (q.correct.some((i) => i >= q.zh.options.length)) ctx.addIssue({ code: 'custom', path: ['correct'], message: 'a correct index is past the last option' });
    if (new Set(q.correct).size !== q.correct.length) ctx.addIssue({ code: 'custom', path: ['correct'], message: 'duplicate correct index' });
    if (q.type === 'single' && q.correct.length !== 1) ctx.addIssue({ code: 'custom', path: ['correct'], message: 'a single-choice question has exactly one correct option' });
    if (q.type === 'multiple' && q.correct.length < 2) ctx.addIssue({ code: 'custom', path: ['correct'], message: 'a multiple-choice question has at least two correct options' });
  });

export const quizSchema = z
  .object({
    chapter: z.enum(CORE_CHAPTERS),
    questions: z.array(questionSchema).min(6),
  })
  .superRefine((quiz, ctx) => {
    const ids = quiz.questions.map((q) => q.id);
    if (new Set(ids).size !== ids.length) ctx.addIssue({ code: 'custom', path: ['questions'], message: 'question ids must be unique' });
  });
export type Quiz = z.infer<typeof quizSchema>;
export type Question = z.infer<typeof questionSchema>;

const twoLang = <T extends z.ZodType>(t: T) => z.object({ zh: t, en: t });
const id = z.string().regex(/^[a-z0-9-]+$/);

const chapter = z.enum(CHAPTERS);
/** Which track an item belongs to (issue #19); weeks 1–2 are shared, so their items leave it out or say `both`. */
const track = z.enum(['both', 'operator', 'planner']);
/** A time estimate in minutes, so a trainer can plan the week and the page can total it. */
const minutes = z.number().int().min(5).max(480);
/** The written tasks that have a rubric and a model answer on the written-work page (anchor ids there). */
export const RUBRICS = ['value-proposition', 'content-calendar', 'event-brief', 'kpi-tree', 'crisis-statement'] as const;

/** The onboarding path (`src/data/onboarding.json`): four weeks, then month two. */
export const onboardingSchema = z
  .object({
    version: z.literal(1),
    weeks: z
      .array(
        z.object({
          id,
          zh: z.object({ title: z.string().min(1), goal: z.string().min(1) }),
          en: z.object({ title: z.string().min(1), goal: z.string().min(1) }),
          /** A chapter for everyone, or one track's chapter. */
          reading: z.array(z.union([chapter, z.object({ chapter, track })])).min(1),
          practice: z
            .array(
              z.object({
                id,
                calculator: z.enum(CALCULATORS),
                minutes,
                track: track.optional(),
                zh: z.object({ task: z.string().min(1), expected: z.string().min(1) }),
                en: z.object({ task: z.string().min(1), expected: z.string().min(1) }),
                /** Query string that opens the calculator with the exercise's inputs. */
                query: z.string(),
              }),
            )
            .min(1),
          tasks: z
            .array(
              z
                .object({ id, minutes, track: track.optional(), rubric: z.enum(RUBRICS).optional() })
                .extend(twoLang(z.string().min(1)).shape),
            )
            .min(1),
        }),
      )
      .length(5),
  })
  .superRefine((path, ctx) => {
    const ids = path.weeks.flatMap((w) => [w.id, ...w.practice.map((p) => p.id), ...w.tasks.map((t) => t.id)]);
    if (new Set(ids).size !== ids.length) ctx.addIssue({ code: 'custom', path: ['weeks'], message: 'ids must be unique' });
    // Weeks 1–2 are shared by both tracks.
    path.weeks.slice(0, 2).forEach((w, n) => {
      const tracked = [...w.practice, ...w.tasks].filter((i) => i.track && i.track !== 'both');
      if (tracked.length) ctx.addIssue({ code: 'custom', path: ['weeks', n], message: `weeks 1–2 are shared by both tracks: ${tracked.map((i) => i.id).join(', ')}` });
    });
    const rubrics = path.weeks.flatMap((w) => w.tasks.flatMap((t) => (t.rubric ? [t.rubric] : [])));
    for (const r of RUBRICS) if (!rubrics.includes(r)) ctx.addIssue({ code: 'custom', path: ['weeks'], message: `no task links the ${r} rubric` });
  });
export type Onboarding = z.infer<typeof onboardingSchema>;
