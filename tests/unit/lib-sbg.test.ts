import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { SBG_BOUNDS, fitSbg, sbgSurvival } from '../../src/lib';
import { nelderMead } from '../../src/lib/optimize';
import { issuesOf } from './issues-of';

// Fader & Hardie (2007), "How to project customer retention", Table 1: % of each cohort surviving years 0–7.
const HIGH_END = [1, 0.869, 0.743, 0.653, 0.593, 0.551, 0.517, 0.491];
const REGULAR = [1, 0.631, 0.468, 0.382, 0.326, 0.289, 0.262, 0.241];

/** Log-likelihood per member written straight from the contract (differences of S, no logs tricks). */
function referenceLL(alpha: number, beta: number, s: number[]): number {
  const model = sbgSurvival(alpha, beta, s.length - 1);
  let ll = 0;
  for (let t = 1; t < s.length; t++) {
    const w = (s[t - 1] as number) - (s[t] as number);
    if (w > 0) ll += w * Math.log((model[t - 1] as number) - (model[t] as number));
  }
  const last = s[s.length - 1] as number;
  return last > 0 ? ll + last * Math.log(model[s.length - 1] as number) : ll;
}

describe('sbgSurvival', () => {
  test('closed forms', () => {
    // α = β = 1: S(t) = 1/(t + 1)
    sbgSurvival(1, 1, 24).forEach((s, t) => expect(s).toBeCloseTo(1 / (t + 1), 14));
    // α = 1: the product telescopes to S(t) = β/(β + t)
    sbgSurvival(1, 3.5, 36).forEach((s, t) => expect(s).toBeCloseTo(3.5 / (3.5 + t), 14));
    expect(sbgSurvival(0.704, 1.182, 0)).toEqual([1]);
    const two = sbgSurvival(0.704, 1.182, 2);
    expect(two[1]).toBeCloseTo(1.182 / 1.886, 14);
    expect(two[2]).toBeCloseTo((1.182 / 1.886) * (2.182 / 2.886), 14);
  });

  test('bad input', () => {
    expect(issuesOf(() => sbgSurvival(0, -1, 601))).toEqual([
      { path: 'alpha', code: 'must_be_positive' },
      { path: 'beta', code: 'must_be_positive' },
      { path: 'months', code: 'too_large', limit: 600 },
    ]);
  });
});

describe('fitSbg', () => {
  test('reproduces the published fits of Fader & Hardie (2007) to 3 decimals', () => {
    const high = fitSbg(HIGH_END);
    expect(high.alpha.toFixed(3)).toBe('0.668');
    expect(high.beta.toFixed(3)).toBe('3.806');
    const regular = fitSbg(REGULAR);
    expect(regular.alpha.toFixed(3)).toBe('0.704');
    expect(regular.beta.toFixed(3)).toBe('1.182');
    // Independent check: scipy.optimize.minimize(Nelder–Mead, xatol 1e-12) on the same likelihood in Python
    // gave α = 0.66808837, β = 3.80609511 and α = 0.70407728, β = 1.18204301.
    expect(high.alpha).toBeCloseTo(0.66808837, 6);
    expect(high.beta).toBeCloseTo(3.80609511, 5);
    expect(regular.alpha).toBeCloseTo(0.70407728, 6);
    expect(regular.beta).toBeCloseTo(1.18204301, 6);
    for (const fit of [high, regular]) {
      expect(fit.converged).toBe(true);
      expect(fit.atBound).toBe(false);
    }
    expect(regular.logLikelihood).toBeCloseTo(referenceLL(regular.alpha, regular.beta, REGULAR), 12);
  });

  test('the optimum is a maximum of the contract likelihood', () => {
    for (const s of [HIGH_END, REGULAR]) {
      const { alpha, beta } = fitSbg(s);
      const best = referenceLL(alpha, beta, s);
      for (const [da, db] of [[1.001, 1], [0.999, 1], [1, 1.001], [1, 0.999], [1.001, 1.001], [0.999, 0.999]] as const) {
        expect(referenceLL(alpha * da, beta * db, s)).toBeLessThan(best);
      }
    }
  });

  test('curves that reach 0, steps with no churn, and a 36-period cohort', () => {
    for (const s of [
      [1, 0.5, 0.2, 0],
      [1, 0.4, 0, 0, 0],
      [1, 1, 0.8, 0.8, 0.6],
      [1, 0.98, 0.97, 0.97, 0.96],
      sbgSurvival(0.5, 2, 36),
    ]) {
      const fit = fitSbg(s);
      expect(Number.isFinite(fit.alpha) && Number.isFinite(fit.beta) && Number.isFinite(fit.logLikelihood)).toBe(true);
      expect(fit.alpha).toBeGreaterThanOrEqual(SBG_BOUNDS.min);
      expect(fit.beta).toBeLessThanOrEqual(SBG_BOUNDS.max);
    }
  });

  test('boundary behaviour: everyone leaving at once, and a constant churn rate', () => {
    const allAtOnce = fitSbg([1, 0, 0]);
    expect(allAtOnce.atBound).toBe(true);
    expect(allAtOnce.beta).toBeCloseTo(SBG_BOUNDS.min, 6);
    // exactly geometric (10% a period): the sBG only approaches it as α, β → ∞
    const geometric = [1, 0.9, 0.81, 0.729, 0.6561];
    const fit = fitSbg(geometric);
    expect(fit.atBound).toBe(true);
    expect(fit.alpha / (fit.alpha + fit.beta)).toBeCloseTo(0.1, 3);
    sbgSurvival(fit.alpha, fit.beta, 4).forEach((s, t) => expect(s).toBeCloseTo(geometric[t] as number, 3));
  });

  test('bad curves are refused with a reason', () => {
    expect(issuesOf(() => fitSbg([1, 1, 1]))).toEqual([{ path: 'survival', code: 'no_churn_observed' }]);
    expect(issuesOf(() => fitSbg([1, 0.5]))).toEqual([{ path: 'survival', code: 'too_few_points', limit: 3 }]);
    expect(issuesOf(() => fitSbg(Array.from({ length: 38 }, (_, t) => 1 / (t + 1))))).toEqual([
      { path: 'survival', code: 'too_many_points', limit: 37 },
    ]);
    expect(issuesOf(() => fitSbg([0.9, 0.5, 0.6]))).toEqual([
      { path: 'survival.0', code: 'must_start_at_one' },
      { path: 'survival.2', code: 'not_non_increasing' },
    ]);
    expect(issuesOf(() => fitSbg([100, 86.9, 74.3]))).toEqual([
      { path: 'survival.0', code: 'not_a_share' },
      { path: 'survival.1', code: 'not_a_share' },
      { path: 'survival.2', code: 'not_a_share' },
    ]);
    expect(issuesOf(() => fitSbg([1, Number.NaN, 0.2]))).toEqual([{ path: 'survival.1', code: 'not_finite' }]);
  });

  test('property: recovers α and β from their own expected curve', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.2, max: 5, noNaN: true }),
        fc.double({ min: 0.2, max: 10, noNaN: true }),
        fc.integer({ min: 8, max: 36 }),
        (alpha, beta, k) => {
          const fit = fitSbg(sbgSurvival(alpha, beta, k));
          expect(Math.abs(fit.alpha / alpha - 1)).toBeLessThan(1e-3);
          expect(Math.abs(fit.beta / beta - 1)).toBeLessThan(1e-3);
        },
      ),
      { numRuns: 60 },
    );
  });

  test('property: any non-increasing curve with churn gives a finite fit at least as good as the starting grid', () => {
    const curve = fc
      .array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 2, maxLength: 36 })
      .map((xs) => {
        const s = [1];
        for (const x of xs) s.push((s[s.length - 1] as number) * x);
        return s;
      })
      .filter((s) => (s[s.length - 1] as number) < 1 - 1e-9);
    fc.assert(
      fc.property(curve, (s) => {
        const fit = fitSbg(s);
        expect(Number.isFinite(fit.alpha) && Number.isFinite(fit.beta) && Number.isFinite(fit.logLikelihood)).toBe(true);
        expect(fit.alpha >= SBG_BOUNDS.min && fit.alpha <= SBG_BOUNDS.max).toBe(true);
        expect(fit.beta >= SBG_BOUNDS.min && fit.beta <= SBG_BOUNDS.max).toBe(true);
        expect(fit.logLikelihood).toBeGreaterThanOrEqual(referenceLL(1, 1, s) - 1e-9);
      }),
      { numRuns: 200 },
    );
  });
});

describe('nelderMead', () => {
  test('finds the minimum of the Rosenbrock function and stops at maxIterations', () => {
    const rosenbrock = ([x = 0, y = 0]: number[]) => 100 * (y - x * x) ** 2 + (1 - x) ** 2;
    const r = nelderMead(rosenbrock, [-1.2, 1], { maxIterations: 5_000 });
    expect(r.converged).toBe(true);
    expect(r.x[0]).toBeCloseTo(1, 6);
    expect(r.x[1]).toBeCloseTo(1, 6);
    const capped = nelderMead(rosenbrock, [-1.2, 1], { maxIterations: 5 });
    expect(capped.converged).toBe(false);
    expect(capped.iterations).toBe(5);
  });
});
