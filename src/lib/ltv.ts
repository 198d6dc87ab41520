/**
 * Customer lifetime value against acquisition cost, with a payback curve.
 */
import * as z from 'zod/mini';
import { LTV_CAC_TARGET } from './defaults';
import { asRecord, crossCheck, integer, MAX_COUNT, MAX_MONTHS, positiveMoney, positiveShare } from './fields';
import { atMost } from './numeric';
import { validate } from './validate';

/** How far the payback search goes when there is no horizon (months). */
export const PAYBACK_SEARCH_MONTHS = MAX_MONTHS;

export const ltvInputSchema = z
  .object({
    /** Revenue per customer per month, yuan, > 0. Default ¥100 (editorial example). */
    arpuMonthly: z._default(positiveMoney(), 100),
    /** Gross margin, 0 < m ≤ 1. Default 0.6. */
    grossMargin: z._default(positiveShare(), 0.6),
    /** Share of customers lost each month, 0 < c ≤ 1. Default 0.05. */
    monthlyChurn: z._default(positiveShare(), 0.05),
    /** Yearly discount rate, ≥ 0 (0.1 = 10%/yr). Default 0. */
    annualDiscountRate: z._default(z.number().check(z.minimum(0), z.maximum(10)), 0),
    /** Months counted, 1 … 600, or null for no limit. Default null. */
    horizonMonths: z._default(z.nullable(integer().check(z.minimum(1), z.maximum(MAX_MONTHS))), null),
    /** Acquisition cost per customer, yuan. Give it, or `acquisitionSpend` and `newCustomers`; it wins if both. */
    cac: z.optional(positiveMoney()),
    /** Total acquisition spend, yuan (with `newCustomers`: cac = spend / customers). */
    acquisitionSpend: z.optional(positiveMoney()),
    /** Customers won by that spend. */
    newCustomers: z.optional(integer().check(z.positive(), z.maximum(MAX_COUNT))),
  })
  .check(
    crossCheck((value, addIssue) => {
      const v = asRecord(value);
      if (v.cac !== undefined) return;
      if (v.acquisitionSpend === undefined) addIssue(['acquisitionSpend'], 'cac_required');
      if (v.newCustomers === undefined) addIssue(['newCustomers'], 'cac_required');
    }),
  );

export type LtvInput = z.input<typeof ltvInputSchema>;
export type LtvValues = z.output<typeof ltvInputSchema>;
/** The form's initial values (the contract example: CAC ¥400). */
export const defaultLtvInput: LtvValues = ltvInputSchema.parse({ cac: 400 });

export type LtvVerdict = 'healthy' | 'marginal' | 'losing';

export interface LtvResult {
  cac: number;
  /** m = arpuMonthly × grossMargin, yuan per month. */
  marginMonthly: number;
  /** d = (1 + annual)^(1/12) − 1. */
  monthlyDiscountRate: number;
  ltv: number;
  ratio: number;
  verdict: LtvVerdict;
  simplePaybackMonths: number;
  paybackMonths: number | null;
  /** Cumulative discounted expected margin after month 1, 2, …: `horizonMonths` values, or 600 without a horizon. */
  cumulative: number[];
}

/**
 * Lifetime value of a customer and the LTV/CAC ratio.
 *
 * m = arpu × margin; d = (1 + r)^(1/12) − 1; a customer pays at the end of month t with probability (1 − c)^(t−1):
 * ltv = Σ_{t=1..H} m (1 − c)^(t−1) / (1 + d)^t = m (1 − q^H) / (c + d) with q = (1 − c)/(1 + d) (the contract's
 * m/(1+d) × (1 − q^H)/(1 − q), since 1 − q = (c + d)/(1 + d)); with no horizon q^H → 0, so ltv = m / (c + d), and
 * with d = 0 the familiar m / c. Verdict: ratio ≥ 3 healthy, ≥ 1 marginal, else losing (compared with a 1e-9
 * tolerance so that 1200 / 400 counts as 3). paybackMonths = first month whose cumulative value reaches cac.
 * Reference: Gupta & Lehmann, "Customers as assets", J. Interactive Marketing 17(1), 2003 (retention-discounted margin).
 *
 * Example: ARPU 100, margin 60%, churn 5%, no discount, no horizon, CAC 400 → ltv 1,200, ratio 3 (healthy),
 * simple payback 6.67, payback 8; with 10%/yr discount and a 36-month horizon → ltv 912.26, payback 9.
 */
export function ltvCac(input: LtvInput = {}): LtvResult {
  const v = validate(ltvInputSchema, input);
  // The schema guarantees cac, or both spend and customers.
  const cac = v.cac ?? (v.acquisitionSpend as number) / (v.newCustomers as number);
  const m = v.arpuMonthly * v.grossMargin;
  const c = v.monthlyChurn;
  const d = Math.expm1(Math.log1p(v.annualDiscountRate) / 12);
  const q = (1 - c) / (1 + d);
  const perUnit = m / (c + d);
  const ltv = v.horizonMonths === null ? perUnit : perUnit * (1 - q ** v.horizonMonths);
  const months = v.horizonMonths ?? PAYBACK_SEARCH_MONTHS;
  const cumulative: number[] = [];
  let paybackMonths: number | null = null;
  for (let t = 1; t <= months; t++) {
    const value = perUnit * (1 - q ** t);
    cumulative.push(value);
    if (paybackMonths === null && atMost(cac, value)) paybackMonths = t;
  }
  const ratio = ltv / cac;
  const verdict: LtvVerdict = atMost(LTV_CAC_TARGET, ratio) ? 'healthy' : atMost(1, ratio) ? 'marginal' : 'losing';
  return { cac, marginMonthly: m, monthlyDiscountRate: d, ltv, ratio, verdict, simplePaybackMonths: cac / m, paybackMonths, cumulative };
}
