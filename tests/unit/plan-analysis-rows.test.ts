import { describe, expect, it } from 'vitest';
import { buildPlan, DRIVERS, rankRows, sensitivity, sensitivityRow } from '../../src/lib';

// The plan builder computes the tornado one row per task; the pieces must add up to sensitivity().
describe('sensitivity, row by row', () => {
  it('rows computed one at a time and ranked equal sensitivity()', () => {
    const plan = buildPlan({ currentMembers: 3000 });
    const rows = DRIVERS.map((d) => sensitivityRow(plan.input, d));
    expect(rankRows(plan, rows)).toEqual(sensitivity(plan.input).rows);
  });

  it('a row moves only its driver: +20% tools spend raises the annual cost by 20% of the tools line', () => {
    const plan = buildPlan({});
    const row = sensitivityRow(plan.input, 'toolsAnnual', 0.2);
    expect(row.driver).toBe('toolsAnnual');
    expect(row.high.annualizedCost - plan.totals.annualizedCost).toBeCloseTo(plan.totals.annualizedCost - row.low.annualizedCost, 6);
    expect(row.high.ltvCac).toBeLessThanOrEqual(plan.totals.ltvCac ?? Infinity);
  });
});
