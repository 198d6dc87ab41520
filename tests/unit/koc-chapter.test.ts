/**
 * The KOC chapter's worked example is planKocProgramme with its defaults (issue #17): the ladder table,
 * the counts and every total quoted in both languages, and the self-check's answer, are the library's output.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_KOC_LADDER, defaultKocProgrammeInput, planKocProgramme } from '../../src/lib/koc';

const plan = planKocProgramme();
const n = (v: number, digits = 0) => new Intl.NumberFormat('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(v);
const chapters = { zh: 'src/content/docs/handbook/koc-programme.mdx', en: 'src/content/docs/en/handbook/koc-programme.mdx' };
/** The worked-example paragraph: from its bold lead-in to the end of the paragraph. */
const example = (text: string) => /\*\*(?:算一笔账|A worked example)[^\n]*/.exec(text)![0];

describe('the KOC chapter agrees with planKocProgramme', () => {
  it('uses the defaults the library documents', () => {
    expect(plan.counts).toEqual([36, 18, 6]);
    expect(plan.monthlyTotal).toBe(8450);
  });
  for (const [lang, file] of Object.entries(chapters)) {
    it(`${lang}: the ladder table holds the default unit costs and shares`, () => {
      const text = readFileSync(file, 'utf8');
      const rows = text.split('\n').filter((l) => /^\| (见习|正式|资深|Trainee|KOC|Senior)/.test(l));
      expect(rows).toHaveLength(DEFAULT_KOC_LADDER.length);
      DEFAULT_KOC_LADDER.forEach((rung, i) => {
        expect(rows[i]).toContain(`${n(rung.monthlyReward)} `);
        if (rung.annualGift > 0) expect(rows[i]).toContain(n(rung.annualGift));
        expect(rows[i]).toContain(`| ${n(rung.share * 100)}% |`);
      });
    });
    it(`${lang}: the worked example quotes the library's counts and totals`, () => {
      const p = example(readFileSync(file, 'utf8'));
      const v = defaultKocProgrammeInput;
      for (const figure of [
        n(v.kocs),
        ...plan.counts.map((c) => n(c)),
        ...plan.rungs.map((r) => n(r.monthlyCost)),
        n(plan.rewardsMonthly),
        n(plan.replacementsPerMonth),
        n(v.recruitmentCost),
        n(plan.recruitmentMonthly),
        n(plan.monthlyTotal),
        n(plan.annualTotal),
        n(plan.costPerKocMonthly!, 2),
      ])
        expect(p, figure).toContain(figure);
      expect(p).toContain(`${n(v.monthlyAttrition * 100)}%`);
    });
  }
  it("the self-check's right answer is the library's monthly total", () => {
    const quiz = JSON.parse(readFileSync('src/data/quizzes/koc-programme.json', 'utf8')) as { questions: { correct: number[]; zh: { options: { text: string }[] }; en: { options: { text: string }[] } }[] };
    const q = quiz.questions.find((x) => x.en.options.some((o) => o.text.startsWith(n(plan.rewardsMonthly))))!;
    expect(q.en.options[q.correct[0]!]!.text).toBe(`${n(plan.monthlyTotal)} yuan`);
    expect(q.zh.options[q.correct[0]!]!.text).toBe(`${n(plan.monthlyTotal)} 元`);
  });
});
