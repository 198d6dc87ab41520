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

/** The four-week onboarding path (`src/data/onboarding.json`). */
export const onboardingSchema = z
  .object({
    version: z.literal(1),
    weeks: z
      .array(
        z.object({
          id,
          zh: z.object({ title: z.string().min(1), goal: z.string().min(1) }),
          en: z.object({ title: z.string().min(1), goal: z.string().min(1) }),
          reading: z.array(z.enum(CHAPTERS)).min(1),
          practice: z
            .array(
              z.object({
                id,
                calculator: z.enum(CALCULATORS),
                zh: z.object({ task: z.string().min(1), expected: z.string().min(1) }),
                en: z.object({ task: z.string().min(1), expected: z.string().min(1) }),
                /** Query string that opens the calculator with the exercise's inputs. */
                query: z.string(),
              }),
            )
            .min(1),
          tasks: z.array(z.object({ id }).extend(twoLang(z.string().min(1)).shape)).min(1),
        }),
      )
      .length(4),
  })
  .superRefine((path, ctx) => {
    const ids = path.weeks.flatMap((w) => [w.id, ...w.practice.map((p) => p.id), ...w.tasks.map((t) => t.id)]);
    if (new Set(ids).size !== ids.length) ctx.addIssue({ code: 'custom', path: ['weeks'], message: 'ids must be unique' });
  });
export type Onboarding = z.infer<typeof onboardingSchema>;
