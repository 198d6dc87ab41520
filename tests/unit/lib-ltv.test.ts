import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { InputError, PAYBACK_SEARCH_MONTHS, defaultLtvInput, ltvCac } from '../../src/lib';

/** Reference: the defining sum, term by term (no closed form), and the first month it reaches cac. */
function bruteForce(m: number, c: number, annual: number, horizon: number, cac: number) {
  const d = (1 + annual) ** (1 / 12) - 1;
  let sum = 0;
  let payback: number | null = null;
  for (let t = 1; t <= horizon; t++) {
    sum += (m * (1 - c) ** (t - 1)) / (1 + d) ** t;
    if (payback === null && sum >= cac * (1 - 1e-12)) payback = t;
  }
  return { ltv: sum, payback };
}

describe('ltvCac', () => {
  test('contract example: no discount, no horizon', () => {
    const r = ltvCac({ arpuMonthly: 100, grossMargin: 0.6, monthlyChurn: 0.05, annualDiscountRate: 0, horizonMonths: null, cac: 400 });
    expect(r.ltv).toBeCloseTo(1200, 9); // m / c = 60 / 0.05
    expect(r.ratio).toBeCloseTo(3, 12);
    expect(r.verdict).toBe('healthy');
    expect(r.simplePaybackMonths).toBeCloseTo(6.67, 2);
    expect(r.paybackMonths).toBe(8); // 1200 (1 − 0.95^t) ≥ 400 ⇔ t ≥ ln(2/3) / ln(0.95) = 7.9
    expect(r.cumulative).toHaveLength(PAYBACK_SEARCH_MONTHS);
    expect(r.monthlyDiscountRate).toBe(0);
  });

  test('contract example: 10%/yr discount, 36 months', () => {
    const r = ltvCac({ arpuMonthly: 100, grossMargin: 0.6, monthlyChurn: 0.05, annualDiscountRate: 0.1, horizonMonths: 36, cac: 400 });
    // Reference 912.2599843314069: the 36-term sum evaluated separately in Python (float64).
    expect(r.ltv).toBeCloseTo(912.26, 2);
    expect(r.ltv).toBeCloseTo(912.2599843314069, 9);
    expect(r.paybackMonths).toBe(9);
    expect(r.verdict).toBe('marginal');
    expect(r.cumulative).toHaveLength(36);
    expect(r.cumulative[35]).toBeCloseTo(r.ltv, 9);
  });

  test.each([
    // arpu, margin, churn, annual, horizon, cac → ltv reference (Python: the sum over t = 1 … H, or 1 … 20,000 for ∞)
    [250, 0.8, 0.03, 0.08, 24, 1_000, 3223.70226472421],
    [250, 0.8, 0.03, 0.08, null, 1_000, 5489.373516905754],
  ])('arpu %d margin %d churn %d disc %d H %s', (arpu, margin, churn, annual, horizon, cac, expected) => {
    const r = ltvCac({ arpuMonthly: arpu, grossMargin: margin, monthlyChurn: churn, annualDiscountRate: annual, horizonMonths: horizon, cac });
    expect(r.ltv).toBeCloseTo(expected, 6);
  });

  test('cac from spend and customers; cac wins when both are given', () => {
    expect(ltvCac({ acquisitionSpend: 40_000, newCustomers: 100 }).cac).toBe(400);
    expect(ltvCac({ cac: 300, acquisitionSpend: 40_000, newCustomers: 100 }).cac).toBe(300);
    expect(defaultLtvInput.cac).toBe(400);
  });

  test('verdicts and a payback that never comes', () => {
    const losing = ltvCac({ cac: 5_000 });
    expect(losing.verdict).toBe('losing');
    expect(losing.paybackMonths).toBeNull(); // ltv 1,200 < 5,000
    expect(ltvCac({ cac: 1_200 }).verdict).toBe('marginal'); // ratio exactly 1
    const short = ltvCac({ cac: 400, horizonMonths: 6 });
    expect(short.paybackMonths).toBeNull();
    expect(short.cumulative).toHaveLength(6);
    const churnAll = ltvCac({ monthlyChurn: 1, cac: 60 });
    expect(churnAll.ltv).toBe(60);
    expect(churnAll.paybackMonths).toBe(1);
  });

  test('missing cac lists both alternatives', () => {
    try {
      ltvCac({ acquisitionSpend: 10 });
      expect.unreachable();
    } catch (e) {
      expect((e as InputError).issues).toEqual([{ path: 'newCustomers', code: 'cac_required' }]);
    }
    try {
      ltvCac({ monthlyChurn: 0, grossMargin: 1.5 });
      expect.unreachable();
    } catch (e) {
      expect((e as InputError).issues).toEqual([
        { path: 'grossMargin', code: 'not_a_share' },
        { path: 'monthlyChurn', code: 'must_be_positive' },
        { path: 'acquisitionSpend', code: 'cac_required' },
        { path: 'newCustomers', code: 'cac_required' },
      ]);
    }
  });

  const arb = {
    arpu: fc.double({ min: 0.01, max: 1e5, noNaN: true }),
    margin: fc.double({ min: 0.01, max: 1, noNaN: true }),
    churn: fc.double({ min: 0.001, max: 1, noNaN: true }),
    annual: fc.double({ min: 0, max: 1, noNaN: true }),
    horizon: fc.option(fc.integer({ min: 1, max: 600 }), { nil: null }),
    cac: fc.double({ min: 0.01, max: 1e6, noNaN: true }),
  };

  test('property: matches the term-by-term sum and its payback month', () => {
    fc.assert(
      fc.property(arb.arpu, arb.margin, arb.churn, arb.annual, fc.integer({ min: 1, max: 240 }), arb.cac, (arpu, margin, churn, annual, horizon, cac) => {
        const r = ltvCac({ arpuMonthly: arpu, grossMargin: margin, monthlyChurn: churn, annualDiscountRate: annual, horizonMonths: horizon, cac });
        const ref = bruteForce(arpu * margin, churn, annual, horizon, cac);
        expect(r.ltv).toBeCloseTo(ref.ltv, Math.max(0, 8 - Math.ceil(Math.log10(ref.ltv + 1))));
        // the payback month may differ only when the sum lands within rounding of cac
        if (r.paybackMonths !== ref.payback) {
          const t = (r.paybackMonths ?? ref.payback) as number;
          expect(Math.abs((r.cumulative[t - 1] as number) - cac)).toBeLessThan(1e-6 * cac);
        }
      }),
    );
  });

  test('property: equals m / c with no horizon and no discount; falls as churn rises; finite', () => {
    fc.assert(
      fc.property(arb.arpu, arb.margin, arb.churn, arb.churn, arb.annual, arb.horizon, arb.cac, (arpu, margin, c1, c2, annual, horizon, cac) => {
        const base = { arpuMonthly: arpu, grossMargin: margin, annualDiscountRate: annual, horizonMonths: horizon, cac };
        const plain = ltvCac({ arpuMonthly: arpu, grossMargin: margin, monthlyChurn: c1, cac });
        expect(plain.ltv).toBeCloseTo((arpu * margin) / c1, 6);
        const [lo, hi] = c1 <= c2 ? [c1, c2] : [c2, c1];
        const a = ltvCac({ ...base, monthlyChurn: lo });
        const b = ltvCac({ ...base, monthlyChurn: hi });
        expect(b.ltv).toBeLessThanOrEqual(a.ltv * (1 + 1e-12));
        for (const r of [a, b]) {
          expect(Number.isFinite(r.ltv) && Number.isFinite(r.ratio) && r.ltv > 0).toBe(true);
          expect(r.ltv).toBeLessThanOrEqual(arpu * margin * (horizon ?? Infinity) * (1 + 1e-12));
          for (let i = 1; i < r.cumulative.length; i++) expect(r.cumulative[i]).toBeGreaterThanOrEqual(r.cumulative[i - 1] as number);
        }
      }),
    );
  });
});
