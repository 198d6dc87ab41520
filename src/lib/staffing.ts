/**
 * Staffing: how many operators, KOCs and chat groups a community of a given size needs, and what the team costs.
 */
import * as z from 'zod/mini';
import { GROUP_CAPACITY, KOC_BASE_SHARE, KOC_SHARE, MEMBERS_PER_OPERATOR_LAUNCH, OPERATOR_SALARY } from './defaults';
import { count, integer, MAX_COUNT, money, share } from './fields';
import { ceilCount, roundCount } from './numeric';
import { validate } from './validate';

/** Role ids of the default core team, with their labels. */
export const ROLE_LABELS = {
  lead: { 'zh-CN': '社群负责人', en: 'Community lead' },
  content: { 'zh-CN': '内容策划', en: 'Content planner' },
  analyst: { 'zh-CN': '数据分析', en: 'Data analyst' },
} as const;

/** One role of the core team (also used by the plan builder). */
export const coreRoleSchema = z.object({
  /** Role name or id, e.g. `lead` (see `ROLE_LABELS`). */
  role: z.string().check(z.trim(), z.minLength(1), z.maxLength(60)),
  /** People in this role. */
  count: integer().check(z.minimum(0), z.maximum(10_000)),
  /** Salary per person per year, yuan. */
  annualSalary: money(),
});

export const staffingInputSchema = z.object({
  /** Members in the community. Default 20,000 (editorial example). */
  members: z._default(count(), 20_000),
  /** Members per operator, ≥ 1. Source default 5,000 at launch; 10,000 when mature. */
  membersPerOperator: z._default(
    z.number().check(z.positive(), z.minimum(1), z.maximum(MAX_COUNT)),
    MEMBERS_PER_OPERATOR_LAUNCH,
  ),
  /** Share of members in the core and active tiers (the KOC base), 0–1. Default 5% + 20% (source tiers). */
  activeShare: z._default(share(), KOC_BASE_SHARE),
  /** KOC target as a share of active members. Source default 5%–8%. */
  kocShare: z.prefault(
    z
      .object({ min: z._default(share(), KOC_SHARE.min), max: z._default(share(), KOC_SHARE.max) })
      .check(z.refine((k) => k.min <= k.max, { error: 'min_exceeds_max', path: ['max'] })),
    {},
  ),
  /** Core team besides the operators. Default: a lead ¥300k, a content planner ¥180k, an analyst ¥200k (editorial). */
  coreTeam: z._default(z.array(coreRoleSchema).check(z.maxLength(50)), () => [
    { role: 'lead', count: 1, annualSalary: 300_000 },
    { role: 'content', count: 1, annualSalary: 180_000 },
    { role: 'analyst', count: 1, annualSalary: 200_000 },
  ]),
  /** Salary per operator per year, yuan. Source range ¥150k–200k; default the low end. */
  operatorAnnualSalary: z._default(money(), OPERATOR_SALARY.min),
  /** Employer costs on top of salary (social insurance, housing fund, equipment), ≥ 0. Default 0.30 (editorial). */
  overheadRate: z._default(z.number().check(z.minimum(0), z.maximum(5)), 0.3),
  /** Members one chat group holds. Default 500, the cap of a WeChat / WeCom customer group. */
  groupCapacity: z._default(integer().check(z.positive(), z.maximum(1_000_000)), GROUP_CAPACITY),
});

export type StaffingInput = z.input<typeof staffingInputSchema>;
export type StaffingValues = z.output<typeof staffingInputSchema>;

/** Every field at its default: the form's initial values. */
export const defaultStaffingInput: StaffingValues = staffingInputSchema.parse({});

export interface StaffingPlan {
  operators: number;
  groups: number;
  activeMembers: number;
  koc: { min: number; max: number };
  /** Σ coreTeam.count + operators. */
  headcount: number;
  /** Σ count × annualSalary, before overhead. */
  annualCoreSalaries: number;
  /** operators × operatorAnnualSalary, before overhead. */
  annualOperatorSalaries: number;
  annualPersonnelCost: number;
  monthlyPersonnelCost: number;
  /** members / headcount; null when nobody is on the team. */
  membersPerHead: number | null;
}

/**
 * Team size and cost for a community.
 *
 * operators = ⌈members / membersPerOperator⌉; groups = ⌈members / groupCapacity⌉;
 * activeMembers = round(members × activeShare); koc = ⌈activeMembers × kocShare.min … max⌉;
 * annualPersonnelCost = (Σ count × annualSalary + operators × operatorAnnualSalary) × (1 + overheadRate), yuan;
 * monthlyPersonnelCost = annual / 12. Whole counts are rounded only after forgiving float noise.
 *
 * Example: 20,000 members at 1:5,000, 25% active, KOC 5–8%, core team ¥300k + ¥180k + ¥200k, operators
 * ¥150k, overhead 30% → 4 operators, 5,000 active, KOC 250–400, headcount 7, ¥1,664,000 a year
 * (¥138,666.67 a month), 40 groups of 500.
 */
export function planStaffing(input: StaffingInput = {}): StaffingPlan {
  const v = validate(staffingInputSchema, input);
  const operators = ceilCount(v.members / v.membersPerOperator);
  const activeMembers = roundCount(v.members * v.activeShare);
  const coreHeadcount = v.coreTeam.reduce((sum, r) => sum + r.count, 0);
  const annualCoreSalaries = v.coreTeam.reduce((sum, r) => sum + r.count * r.annualSalary, 0);
  const annualOperatorSalaries = operators * v.operatorAnnualSalary;
  const annualPersonnelCost = (annualCoreSalaries + annualOperatorSalaries) * (1 + v.overheadRate);
  const headcount = coreHeadcount + operators;
  return {
    operators,
    groups: ceilCount(v.members / v.groupCapacity),
    activeMembers,
    koc: { min: ceilCount(activeMembers * v.kocShare.min), max: ceilCount(activeMembers * v.kocShare.max) },
    headcount,
    annualCoreSalaries,
    annualOperatorSalaries,
    annualPersonnelCost,
    monthlyPersonnelCost: annualPersonnelCost / 12,
    membersPerHead: headcount === 0 ? null : v.members / headcount,
  };
}

/**
 * The hand-over to the budget calculator: every figure the budget shares with a staffing plan, as the budget's
 * query parameters (see `src/lib/calc-state.ts`) — the monthly personnel cost (`personnel`, yuan to the fen, as
 * shown) and the members it is spent on (`members`), so the budget's cost per member divides the same cost by
 * the same community. (The budget has no field for salaries, headcount or months; its phase is not implied
 * by a staffing ratio.)
 *
 * Example: the default plan for 20,000 members → `?personnel=138666.67&members=20000`.
 */
export function budgetHandOff(plan: Pick<StaffingPlan, 'monthlyPersonnelCost'>, members: number): string {
  const fen = (x: number) => String(Number(x.toFixed(2)));
  return `?${new URLSearchParams({ personnel: fen(plan.monthlyPersonnelCost), members: String(members) })}`;
}
