/**
 * The plan builder's chain: phases → members month by month → staffing → budget → unit economics →
 * guideline checks. Every step calls the calculator that owns it (projectMembers' recurrence, planStaffing,
 * planBudget, ltvCac, tiers, planTimeline), so the plan and the single calculators can never disagree.
 */
import * as z from 'zod/mini';
import { planBudget } from './budget';
import { planKocProgramme } from './koc';
import { checkWorkload, type OperatorRecommendation } from './workload';
import { addMonthsIso, isoDate } from './dates';
import { LTV_CAC_TARGET, STICKINESS_TARGET, TECH_SHARE_LIMIT, REVENUE_SHARE_LIMIT, GROUP_CAPACITY, OPERATOR_SALARY } from './defaults';
import { amount, count, money, positiveMoney, positiveShare, share, crossCheck, asRecord, MAX_COUNT, MIN_MONEY } from './fields';
import { ltvCac, type LtvVerdict } from './ltv';
import { roundCount } from './numeric';
import { coreRoleSchema, planStaffing } from './staffing';
import { tiers, type TierCounts } from './tiers';
import { planTimeline, TIMELINE_LIMITS } from './timeline';
import { validate } from './validate';

const phaseSchema = z.object({
  /** Stable id (letters, digits, `-`). */
  id: z.string().check(z.regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/, { error: 'invalid_value' })),
  /** Name shown in the plan. */
  name: z.string().check(z.trim(), z.minLength(1), z.maxLength(100)),
  /** Whole months, 1 … 60. */
  months: z.number().check(z.refine(Number.isInteger, { error: 'not_integer' }), z.minimum(1), z.maximum(TIMELINE_LIMITS.maxPhaseMonths)),
  /** New members joining each month of the phase (end of month). */
  newPerMonth: amount(),
  /** Share of members lost each month, > 0 (LTV divides by it). */
  monthlyChurn: positiveShare(),
  /** Members one operator looks after (source default 5,000 at launch, 10,000 mature). */
  membersPerOperator: z.number().check(z.minimum(1), z.maximum(MAX_COUNT)),
  /** Online events per month. */
  eventsPerMonth: z.number().check(z.minimum(0), z.maximum(10_000)),
  /** Content production per month, yuan. */
  contentMonthly: money(),
  /** Member incentives per month, yuan. */
  incentivesMonthly: money(),
  /** Paid acquisition per month, yuan: CAC = this ÷ new members. */
  acquisitionMonthly: money(),
});

const phase = (id: string, name: string, months: number, newPerMonth: number, monthlyChurn: number, membersPerOperator: number, eventsPerMonth: number, contentMonthly: number, incentivesMonthly: number, acquisitionMonthly: number) =>
  ({ id, name, months, newPerMonth, monthlyChurn, membersPerOperator, eventsPerMonth, contentMonthly, incentivesMonthly, acquisitionMonthly });

export const planInputSchema = z
  .object({
    /** Community name, shown on the plan. */
    name: z._default(z.string().check(z.maxLength(100)), ''),
    /** Sector, e.g. 茶饮 / tea drinks. */
    sector: z._default(z.string().check(z.maxLength(100)), ''),
    /** First day of the plan. */
    start: z._default(isoDate(), '2027-01-01'),
    /** Members today. */
    currentMembers: z._default(count(), 2_000),
    /** Company revenue per year, yuan; null when not shared (no revenue check then). */
    annualRevenue: z._default(z.nullable(z.number().check(z.minimum(1), z.maximum(1e15))), 20_000_000),
    /** Revenue per member per month, yuan. */
    arpuMonthly: z._default(positiveMoney(), 80),
    /** Gross margin, 0–1. */
    grossMargin: z._default(positiveShare(), 0.5),
    /** Monthly active members as a share of members. */
    activeShare: z._default(share(), 0.25),
    /** Expected DAU/MAU; the source plans aim for at least 0.4. */
    stickiness: z._default(share(), 0.3),
    /** Phases in order (at most 12, 120 months in all). Default: launch 3 / growth 6 / maturity 3 months. */
    phases: z._default(z.array(phaseSchema).check(z.minLength(1, { error: 'required' }), z.maxLength(TIMELINE_LIMITS.maxPhases, { error: 'too_many_phases' })), () => [
      phase('launch', '启动期', 3, 300, 0.08, 5_000, 4, 5_000, 3_000, 90_000),
      phase('growth', '成长期', 6, 600, 0.05, 5_000, 6, 8_000, 6_000, 150_000),
      phase('mature', '成熟期', 3, 400, 0.04, 10_000, 6, 8_000, 6_000, 80_000),
    ]),
    /** Core team besides operators. */
    coreTeam: z._default(z.array(coreRoleSchema).check(z.maxLength(50)), () => [
      { role: 'lead', count: 1, annualSalary: 300_000 },
      { role: 'content', count: 1, annualSalary: 180_000 },
      { role: 'analyst', count: 1, annualSalary: 200_000 },
    ]),
    operatorAnnualSalary: z._default(money(), OPERATOR_SALARY.min),
    overheadRate: z._default(z.number().check(z.minimum(0), z.maximum(5)), 0.3),
    toolsAnnual: z._default(money(), 120_000),
    onlineEventCost: z._default(money(), 2_000),
    contingencyRate: z._default(z.number().check(z.minimum(0), z.maximum(1)), 0.1),
    groupCapacity: z._default(z.number().check(z.refine(Number.isInteger, { error: 'not_integer' }), z.minimum(1), z.maximum(1_000_000)), GROUP_CAPACITY),
    /**
     * Budget a KOC programme each month: the top of staffing's KOC range on planKocProgramme's default ladder,
     * attrition and recruitment cost (site examples). Default true.
     */
    kocProgramme: z._default(z.boolean(), true),
  })
  .check(
    crossCheck((value, addIssue) => {
      const phases = asRecord(value).phases;
      if (!Array.isArray(phases)) return;
      const total = phases.reduce((s: number, p) => s + (typeof asRecord(p).months === 'number' ? (asRecord(p).months as number) : 0), 0);
      if (total > TIMELINE_LIMITS.maxTotalMonths) addIssue(['phases'], 'total_too_long', TIMELINE_LIMITS.maxTotalMonths);
      const ids = phases.map((p) => asRecord(p).id);
      ids.forEach((id, i) => ids.indexOf(id) !== i && addIssue(['phases', i, 'id'], 'duplicate_id'));
    }),
  );

export type PlanInput = z.input<typeof planInputSchema>;
export type PlanValues = z.output<typeof planInputSchema>;
export const defaultPlanInput: PlanValues = planInputSchema.parse({});

export interface PlanMonth {
  month: number;
  /** First day of the month, ISO. */
  date: string;
  phaseId: string;
  newMembers: number;
  /** Members at the end of the month (expected value, not rounded). */
  members: number;
  activeMembers: number;
  tiers: TierCounts;
  operators: number;
  groups: number;
  headcount: number;
  /** KOCs the programme pays for this month (staffing's upper KOC target); 0 without a programme. */
  kocs: number;
  /** Monthly cost lines, yuan. `incentives` holds the phase's member incentives and the KOC programme; `koc` is the programme's part of it. */
  cost: { personnel: number; tools: number; activities: number; content: number; incentives: number; koc: number; contingency: number; acquisition: number; total: number };
}

/**
 * Operators at the end of a phase by two rules: the phase's member ratio (what the plan costs) and the work
 * itself (planWorkload with the phase's groups, intake and events; every other task at the workload page's
 * defaults), the larger recommended. `extraPersonnelMonthly`: what the recommendation adds to the personnel
 * line each month (0 when the ratio already calls for the most).
 */
export interface PhaseStaffing extends OperatorRecommendation {
  taskHours: number;
  coverageHours: number;
  extraPersonnelMonthly: number;
}

export interface PlanCheck {
  id: 'techShare' | 'revenueShare' | 'ltvCac' | 'stickiness';
  phaseId: string | null;
  value: number;
  limit: number;
  /** 'max': value must not exceed limit; 'min': value must reach it. */
  kind: 'max' | 'min';
  ok: boolean;
  /** The handbook chapter that explains the guideline. */
  chapter: string;
}

export interface PlanPhase {
  id: string;
  name: string;
  start: string;
  end: string;
  months: number;
  membersStart: number;
  membersEnd: number;
  newMembers: number;
  operatorsEnd: number;
  headcountEnd: number;
  staffing: PhaseStaffing;
  /** KOCs and the programme's monthly cost in the phase's last month; the programme's cost over the phase. */
  kocsEnd: number;
  kocMonthlyEnd: number;
  kocCost: number;
  cost: number;
  acquisition: number;
  techShare: number | null;
  /** acquisition ÷ new members, yuan; null when the phase brings no new members. */
  cac: number | null;
  ltv: number;
  ltvCac: number | null;
  verdict: LtvVerdict | null;
  paybackMonths: number | null;
}

export interface Plan {
  input: PlanValues;
  months: PlanMonth[];
  phases: PlanPhase[];
  /** ltvCac: Σ (new members × phase LTV) ÷ Σ acquisition over the plan; null without acquisition spend. */
  totals: { months: number; cost: number; annualizedCost: number; acquisition: number; newMembers: number; membersEnd: number; revenueShare: number | null; ltvCac: number | null };
  checks: PlanCheck[];
}

/**
 * Builds the month-by-month plan.
 *
 * Members: A₀ = currentMembers, Aₘ = Aₘ₋₁ × (1 − cₚ) + Nₚ with the churn and intake of month m's phase.
 * Each month: staffing = planStaffing(round(Aₘ), phase ratio, core team, salaries); budget = planBudget(
 * personnel, tools, events × cost, content, incentives + KOC programme, contingency) + acquisition, where the
 * KOC programme is planKocProgramme(staffing's upper KOC target) on its defaults. At each phase's end the
 * operators are also worked out from the work (planWorkload) and the larger of the rules is recommended. Per phase:
 * CAC = acquisition ÷ N, LTV = ltvCac(ARPU, margin, phase churn, CAC). Checks: tech share ≤ 20% (15% once
 * a phase staffs at ≥ 10,000 members per operator), annualised cost ≤ 5% of revenue, LTV/CAC ≥ 3 per phase,
 * planned stickiness ≥ 0.4 — all source-plan guidelines.
 *
 * Example (the defaults): 2,000 members, phases 3 / 6 / 3 months → 12 months, 2027-01-01…2027-12-31.
 */
export function buildPlan(input: PlanInput = {}): Plan {
  const v = validate(planInputSchema, input);
  const timeline = planTimeline({ start: v.start, phases: v.phases.map((p) => ({ id: p.id, name: p.name, months: p.months })) });
  const months: PlanMonth[] = [];
  const phases: PlanPhase[] = [];
  let members = v.currentMembers;
  let month = 0;
  for (const [i, p] of v.phases.entries()) {
    const dates = timeline.phases[i]!;
    const membersStart = members;
    const mature = p.membersPerOperator >= 10_000;
    let cost = 0;
    let tools = 0;
    let operating = 0;
    let kocCost = 0;
    let last: PlanMonth | undefined;
    let staffing: PhaseStaffing | undefined;
    for (let k = 0; k < p.months; k++) {
      month++;
      members = members * (1 - p.monthlyChurn) + p.newPerMonth;
      const people = roundCount(members);
      const staff = planStaffing({
        members: people,
        membersPerOperator: p.membersPerOperator,
        activeShare: v.activeShare,
        coreTeam: v.coreTeam,
        operatorAnnualSalary: v.operatorAnnualSalary,
        overheadRate: v.overheadRate,
        groupCapacity: v.groupCapacity,
      });
      const kocs = v.kocProgramme ? staff.koc.max : 0;
      const kocMonthly = v.kocProgramme ? planKocProgramme({ kocs }).monthlyTotal : 0;
      const budget = planBudget({
        personnelMonthly: staff.monthlyPersonnelCost,
        toolsAnnual: v.toolsAnnual,
        onlineEventsPerMonth: p.eventsPerMonth,
        onlineEventCost: v.onlineEventCost,
        offlineEventsPerQuarter: 0,
        offlineEventCost: 0,
        contentMonthly: p.contentMonthly,
        incentivesMonthly: p.incentivesMonthly + kocMonthly,
        contingencyRate: v.contingencyRate,
        members: people,
        phase: mature ? 'mature' : 'launch',
      });
      const total = budget.monthlyTotal + p.acquisitionMonthly;
      last = {
        month,
        date: addMonthsIso(v.start, month - 1),
        phaseId: p.id,
        newMembers: p.newPerMonth,
        members,
        activeMembers: staff.activeMembers,
        tiers: tiers(people),
        operators: staff.operators,
        groups: staff.groups,
        headcount: staff.headcount,
        kocs,
        cost: { ...budget.lines, koc: kocMonthly, contingency: budget.contingency, acquisition: p.acquisitionMonthly, total },
      };
      months.push(last);
      kocCost += kocMonthly;
      if (k === p.months - 1) {
        const pay = { operatorAnnualSalary: v.operatorAnnualSalary, overheadRate: v.overheadRate };
        const { operators, reason, byRule, workload, extraPersonnelMonthly } = checkWorkload(
          staff.operators,
          { groups: staff.groups, newMembersPerMonth: roundCount(p.newPerMonth), eventsPerMonth: p.eventsPerMonth },
          pay,
        );
        staffing = { operators, reason, byRule, taskHours: workload.taskHours.total, coverageHours: workload.coverageHours, extraPersonnelMonthly: extraPersonnelMonthly! };
      }
      cost += total;
      tools += budget.lines.tools;
      operating += budget.subtotal;
    }
    const cac = p.newPerMonth > 0 && p.acquisitionMonthly > 0 ? p.acquisitionMonthly / p.newPerMonth : null;
    // A CAC under one fen is priced at one fen (ltvCac's floor); without acquisition there is no ratio at all.
    const unit = ltvCac({ arpuMonthly: v.arpuMonthly, grossMargin: v.grossMargin, monthlyChurn: p.monthlyChurn, cac: Math.max(cac ?? MIN_MONEY, MIN_MONEY) });
    phases.push({
      id: p.id,
      name: p.name,
      start: dates.start,
      end: dates.end,
      months: p.months,
      membersStart,
      membersEnd: members,
      newMembers: p.newPerMonth * p.months,
      operatorsEnd: last!.operators,
      headcountEnd: last!.headcount,
      staffing: staffing!,
      kocsEnd: last!.kocs,
      kocMonthlyEnd: last!.cost.koc,
      kocCost,
      cost,
      acquisition: p.acquisitionMonthly * p.months,
      techShare: operating > 0 ? tools / operating : null,
      cac,
      ltv: unit.ltv,
      ltvCac: cac === null ? null : unit.ratio,
      verdict: cac === null ? null : unit.verdict,
      paybackMonths: cac === null ? null : unit.paybackMonths,
    });
  }
  const totalCost = months.reduce((s, m) => s + m.cost.total, 0);
  const acquisition = phases.reduce((s, p) => s + p.acquisition, 0);
  const lifetimeValue = phases.reduce((s, p) => s + p.newMembers * p.ltv, 0);
  const annualizedCost = (totalCost * 12) / month;
  const totals = {
    months: month,
    cost: totalCost,
    annualizedCost,
    acquisition,
    newMembers: phases.reduce((s, p) => s + p.newMembers, 0),
    membersEnd: members,
    revenueShare: v.annualRevenue === null ? null : annualizedCost / v.annualRevenue,
    ltvCac: acquisition > 0 ? lifetimeValue / acquisition : null,
  };
  return { input: v, months, phases, totals, checks: checksOf(v, phases, totals.revenueShare) };
}

const EPS = 1e-9;
function checksOf(v: PlanValues, phases: PlanPhase[], revenueShare: number | null): PlanCheck[] {
  const checks: PlanCheck[] = [];
  for (const [i, p] of phases.entries()) {
    if (p.techShare !== null) {
      const limit = v.phases[i]!.membersPerOperator >= 10_000 ? TECH_SHARE_LIMIT.mature : TECH_SHARE_LIMIT.launch;
      checks.push({ id: 'techShare', phaseId: p.id, value: p.techShare, limit, kind: 'max', ok: p.techShare <= limit + EPS, chapter: '/handbook/team-budget/' });
    }
    if (p.ltvCac !== null) {
      checks.push({ id: 'ltvCac', phaseId: p.id, value: p.ltvCac, limit: LTV_CAC_TARGET, kind: 'min', ok: p.ltvCac >= LTV_CAC_TARGET - EPS, chapter: '/handbook/monetization/' });
    }
  }
  if (revenueShare !== null) {
    checks.push({ id: 'revenueShare', phaseId: null, value: revenueShare, limit: REVENUE_SHARE_LIMIT, kind: 'max', ok: revenueShare <= REVENUE_SHARE_LIMIT + EPS, chapter: '/handbook/team-budget/' });
  }
  checks.push({ id: 'stickiness', phaseId: null, value: v.stickiness, limit: STICKINESS_TARGET, kind: 'min', ok: v.stickiness >= STICKINESS_TARGET - EPS, chapter: '/handbook/metrics/' });
  return checks;
}
