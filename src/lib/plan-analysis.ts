/**
 * What-ifs on a plan: scenarios (the same plan with intake, churn and acquisition spend scaled) and a
 * one-at-a-time sensitivity of LTV/CAC and the annual budget to each main input (the data of a tornado chart).
 */
import { buildPlan, type Plan, type PlanInput, type PlanValues, planInputSchema } from './plan';
import { validate } from './validate';

export interface ScenarioFactors {
  /** Multiplies every phase's new members per month. */
  newMembers: number;
  /** Multiplies every phase's monthly churn (capped at 100%). */
  churn: number;
  /** Multiplies every phase's acquisition spend. */
  acquisition: number;
}

/** Editorial presets: a cautious and an ambitious variant around the plan as entered. */
export const SCENARIO_PRESETS: Record<'cautious' | 'base' | 'ambitious', ScenarioFactors> = {
  cautious: { newMembers: 0.8, churn: 1.25, acquisition: 1 },
  base: { newMembers: 1, churn: 1, acquisition: 1 },
  ambitious: { newMembers: 1.25, churn: 0.85, acquisition: 1.2 },
};

/**
 * The plan with every phase scaled by `factors`; shares are capped at 1.
 * Example: churn 0.08 × 1.25 → 0.1; new members 300 × 0.8 → 240.
 */
export function applyScenario(input: PlanInput, factors: ScenarioFactors): PlanValues {
  const v = validate(planInputSchema, input);
  return {
    ...v,
    phases: v.phases.map((p) => ({
      ...p,
      newPerMonth: p.newPerMonth * factors.newMembers,
      monthlyChurn: Math.min(1, p.monthlyChurn * factors.churn),
      acquisitionMonthly: p.acquisitionMonthly * factors.acquisition,
    })),
  };
}

export const DRIVERS = ['arpuMonthly', 'grossMargin', 'monthlyChurn', 'newPerMonth', 'acquisitionMonthly', 'operatorAnnualSalary', 'toolsAnnual'] as const;
export type Driver = (typeof DRIVERS)[number];

function scaled(v: PlanValues, driver: Driver, factor: number): PlanValues {
  const cap = (x: number) => Math.min(1, x);
  switch (driver) {
    case 'arpuMonthly':
    case 'operatorAnnualSalary':
    case 'toolsAnnual':
      return { ...v, [driver]: v[driver] * factor };
    case 'grossMargin':
      return { ...v, grossMargin: cap(v.grossMargin * factor) };
    case 'monthlyChurn':
      return { ...v, phases: v.phases.map((p) => ({ ...p, monthlyChurn: cap(p.monthlyChurn * factor) })) };
    case 'newPerMonth':
    case 'acquisitionMonthly':
      return { ...v, phases: v.phases.map((p) => ({ ...p, [driver]: p[driver] * factor })) };
  }
}

export interface SensitivityRow {
  driver: Driver;
  /** Outputs with the driver at (1 − variation) and (1 + variation). */
  low: { ltvCac: number | null; annualizedCost: number };
  high: { ltvCac: number | null; annualizedCost: number };
}

/** One driver's row of the sensitivity table: the plan rebuilt with it at (1 − variation) and (1 + variation). */
export function sensitivityRow(v: PlanValues, driver: Driver, variation = 0.2): SensitivityRow {
  const at = (factor: number) => {
    const p = buildPlan(scaled(v, driver, factor));
    return { ltvCac: p.totals.ltvCac, annualizedCost: p.totals.annualizedCost };
  };
  return { driver, low: at(1 - variation), high: at(1 + variation) };
}

/** Rows sorted by how far they move the annual budget plus LTV/CAC from the base plan, largest first. */
export function rankRows(base: Plan, rows: readonly SensitivityRow[]): SensitivityRow[] {
  const swing = (r: SensitivityRow) =>
    Math.abs(r.high.annualizedCost - r.low.annualizedCost) / Math.max(1, base.totals.annualizedCost) +
    Math.abs((r.high.ltvCac ?? 0) - (r.low.ltvCac ?? 0)) / Math.max(1e-9, base.totals.ltvCac ?? 1);
  return [...rows].sort((a, b) => swing(b) - swing(a));
}

/**
 * One-at-a-time sensitivity: each driver moved by ±variation (default 20%) with everything else fixed.
 * Rows are sorted by how far they move the annual budget plus LTV/CAC (largest swing first, as a tornado).
 * Example: the default plan's acquisition spend +20% raises the annual budget by 20% of its acquisition.
 * (The plan builder calls sensitivityRow and rankRows itself, one row per task.)
 */
export function sensitivity(input: PlanInput, variation = 0.2): { base: Plan; rows: SensitivityRow[] } {
  const v = validate(planInputSchema, input);
  const base = buildPlan(v);
  return { base, rows: rankRows(base, DRIVERS.map((driver) => sensitivityRow(v, driver, variation))) };
}

/** A driver's bars in the tornado: how far LTV/CAC and the annualised cost move, relative to the base plan. */
export interface TornadoRow extends SensitivityRow {
  /** (value ÷ base) − 1 at −variation and +variation; null when there is nothing to compare (no LTV/CAC, or a base of 0). */
  change: { ltvCac: { low: number | null; high: number | null }; annualizedCost: { low: number | null; high: number | null } };
}

/**
 * The tornado's rows: each output's relative change, so LTV/CAC (a ratio) and the annualised cost (yuan)
 * share one axis — the same measure `rankRows` orders by. A driver that moves neither output is left out
 * (an empty row says nothing). Changes within 1e-12 of zero are zero.
 *
 * Example: ARPU −20% lowers LTV/CAC by 20% (LTV is proportional to it) and leaves the cost as it is: change
 * { ltvCac: { low: −0.2, high: 0.2 }, annualizedCost: { low: 0, high: 0 } }.
 */
export function tornadoRows(base: Plan, rows: readonly SensitivityRow[]): TornadoRow[] {
  const relative = (x: number | null, b: number | null): number | null => {
    if (x === null || b === null || b === 0) return null;
    const r = x / b - 1;
    return Math.abs(r) <= 1e-12 ? 0 : r;
  };
  return rows
    .map((r) => ({
      ...r,
      change: {
        ltvCac: { low: relative(r.low.ltvCac, base.totals.ltvCac), high: relative(r.high.ltvCac, base.totals.ltvCac) },
        annualizedCost: { low: relative(r.low.annualizedCost, base.totals.annualizedCost), high: relative(r.high.annualizedCost, base.totals.annualizedCost) },
      },
    }))
    .filter((r) => [r.change.ltvCac.low, r.change.ltvCac.high, r.change.annualizedCost.low, r.change.annualizedCost.high].some((c) => c !== null && c !== 0));
}
