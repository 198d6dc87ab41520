/**
 * Cohort survival with the shifted-beta-geometric (sBG) model of Fader & Hardie, "How to project customer
 * retention", Journal of Interactive Marketing 21(1), 2007: each member churns at a constant rate θ, and θ
 * varies across members as Beta(α, β).
 */
import * as z from 'zod/mini';
import { months, share } from './fields';
import { nelderMead } from './optimize';
import { validate } from './validate';

const shape = () => z.number().check(z.positive(), z.maximum(1e6));

export const sbgSurvivalInputSchema = z.object({
  alpha: shape(),
  beta: shape(),
  /** Periods to compute, 0 … 600. */
  months: months(0),
});

export type SbgSurvivalInput = z.input<typeof sbgSurvivalInputSchema>;

/**
 * Share of a cohort still there after each period: S(0) = 1, S(t) = S(t−1) × (β + t − 1)/(α + β + t − 1).
 * Returns `months + 1` fractions. α = β = 1 gives S(t) = 1/(t + 1).
 *
 * Example: `sbgSurvival(1, 1, 3)` → [1, 0.5, 0.3333, 0.25]; `sbgSurvival(0.704, 1.182, 2)` → [1, 0.6267, 0.4738].
 */
export function sbgSurvival(alpha: number, beta: number, monthsCount: number): number[] {
  const v = validate(sbgSurvivalInputSchema, { alpha, beta, months: monthsCount });
  const s = [1];
  let current = 1;
  for (let t = 1; t <= v.months; t++) {
    // (t − 1) added last, so that a tiny α or β is not lost to rounding (5e-324 + 1 − 1 = 0)
    current *= (v.beta + (t - 1)) / (v.alpha + v.beta + (t - 1));
    s.push(current);
  }
  return s;
}

/** Fewest and most values `fitSbg` takes: S(0) plus 2 … 36 observed periods. */
export const SBG_POINTS = { min: 3, max: 37 } as const;
/** The fit keeps α and β within [1e-4, 1e5]. */
export const SBG_BOUNDS = { min: 1e-4, max: 1e5 } as const;

export const fitSbgInputSchema = z.object({
  survival: z.array(share()).check(
    z.minLength(SBG_POINTS.min, { error: 'too_few_points' }),
    z.maxLength(SBG_POINTS.max, { error: 'too_many_points' }),
    z.superRefine((s: number[], ctx) => {
      // shape checks only make sense once every value is a valid fraction
      if (!s.every((x) => typeof x === 'number' && x >= 0 && x <= 1)) return;
      if (s[0] !== undefined && Math.abs(s[0] - 1) > 1e-9) ctx.addIssue({ code: 'custom', path: [0], message: 'must_start_at_one' });
      for (let t = 1; t < s.length; t++) {
        if ((s[t] as number) > (s[t - 1] as number) + 1e-12) {
          ctx.addIssue({ code: 'custom', path: [t], message: 'not_non_increasing' });
        }
      }
      const last = s[s.length - 1];
      if (last !== undefined && last >= 1 - 1e-12) ctx.addIssue({ code: 'custom', path: [], message: 'no_churn_observed' });
    }),
  ),
});

export type FitSbgInput = z.input<typeof fitSbgInputSchema>;

export interface SbgFit {
  alpha: number;
  beta: number;
  /** Maximised log-likelihood per member of the cohort. */
  logLikelihood: number;
  iterations: number;
  converged: boolean;
  /** True when α or β ends within 0.1% of a bound of `SBG_BOUNDS` (see `fitSbg`). */
  atBound: boolean;
}

const LN_MIN = Math.log(SBG_BOUNDS.min);
const LN_MAX = Math.log(SBG_BOUNDS.max);

/** Log-likelihood per member; computed in logs (P(t) = S(t−1) α/(α+β+t−1)), so it never under- or overflows. */
function logLikelihood(alpha: number, beta: number, observed: readonly number[]): number {
  const lnAlpha = Math.log(alpha);
  let lnS = 0;
  let ll = 0;
  for (let t = 1; t < observed.length; t++) {
    const lnDen = Math.log(alpha + beta + (t - 1));
    const churned = (observed[t - 1] as number) - (observed[t] as number);
    if (churned > 0) ll += churned * (lnS + lnAlpha - lnDen);
    lnS += Math.log(beta + (t - 1)) - lnDen;
  }
  const survivors = observed[observed.length - 1] as number;
  return survivors > 0 ? ll + survivors * lnS : ll;
}

const clampLn = (x: number) => Math.min(LN_MAX, Math.max(LN_MIN, x));

/**
 * Maximum-likelihood sBG fit to an observed survival curve.
 *
 * `survival` = S(0) = 1, S(1), …, S(k): fractions, non-increasing, 2 ≤ k ≤ 36. Maximises
 * LL(α, β) = Σ_{t=1..k} (S(t−1) − S(t)) ln P(t) + S(k) ln S_model(k), P(t) = S_model(t−1) − S_model(t), by Nelder–Mead
 * on (ln α, ln β), started from the best point of a 8 × 8 grid (α, β ∈ e^−3 … e^4) and restarted once from
 * its own optimum. Steps where nobody leaves (S(t) = S(t−1)) and a curve that reaches 0 are fine (their terms
 * are 0).
 *
 * Boundary behaviour: a curve with no churn at all (S(k) within 1e-12 of 1) is refused (`no_churn_observed`). When the data pull the
 * optimum to the edge — e.g. retention that falls over time, which the sBG can only approach as α, β → ∞ (a
 * single constant churn rate), or everyone leaving in period 1 (β → 0) — α and β are held within [1e-4, 1e5]
 * and `atBound` is true; the fitted curve is then the closest the model gets.
 *
 * Example (Fader & Hardie 2007, Table 1, years 0–7, "Regular" customers): [1, .631, .468, .382, .326, .289,
 * .262, .241] → α = 0.704, β = 1.182; "High End": [1, .869, .743, .653, .593, .551, .517, .491] → α = 0.668,
 * β = 3.806.
 */
export function fitSbg(survival: readonly number[]): SbgFit {
  const { survival: s } = validate(fitSbgInputSchema, { survival });
  const objective = ([la = 0, lb = 0]: number[]) => {
    const ca = clampLn(la);
    const cb = clampLn(lb);
    return -logLikelihood(Math.exp(ca), Math.exp(cb), s) + 1e3 * ((la - ca) ** 2 + (lb - cb) ** 2);
  };
  let start = [0, 0];
  let startValue = Infinity;
  for (let i = -3; i <= 4; i++) {
    for (let j = -3; j <= 4; j++) {
      const value = objective([i, j]);
      if (value < startValue) [start, startValue] = [[i, j], value];
    }
  }
  const first = nelderMead(objective, start, { step: 0.5 });
  const second = nelderMead(objective, first.x, { step: 0.05 });
  const [la = 0, lb = 0] = second.x;
  const clamp = (x: number) => Math.min(SBG_BOUNDS.max, Math.max(SBG_BOUNDS.min, x));
  const alpha = clamp(Math.exp(clampLn(la)));
  const beta = clamp(Math.exp(clampLn(lb)));
  const near = (x: number, b: number) => Math.abs(Math.log(x) - b) < 1e-3;
  return {
    alpha,
    beta,
    logLikelihood: logLikelihood(alpha, beta, s),
    iterations: first.iterations + second.iterations,
    converged: second.converged,
    atBound: near(alpha, LN_MIN) || near(alpha, LN_MAX) || near(beta, LN_MIN) || near(beta, LN_MAX),
  };
}
