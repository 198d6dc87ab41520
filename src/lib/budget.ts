/**
 * Budget: the monthly cost of running a community, and the source plans' two spending checks.
 */
import * as z from 'zod/mini';
import { REVENUE_SHARE_LIMIT, TECH_SHARE_LIMIT } from './defaults';
import { count, money } from './fields';
import { atMost } from './numeric';
import { validate } from './validate';

const events = () => z.number().check(z.minimum(0), z.maximum(10_000));

export const budgetInputSchema = z.object({
  /** Personnel cost per month, yuan (e.g. `planStaffing(...).monthlyPersonnelCost`). Default ¥60,000. */
  personnelMonthly: z._default(money(), 60_000),
  /** Tools and systems per year, yuan. Source range ¥100k–300k a year; default ¥120,000 (editorial, in range). */
  toolsAnnual: z._default(money(), 120_000),
  /** Online events per month. Default 4. */
  onlineEventsPerMonth: z._default(events(), 4),
  /** Cost of one online event, yuan. Default ¥2,000. */
  onlineEventCost: z._default(money(), 2_000),
  /** Offline events per quarter. Default 1. */
  offlineEventsPerQuarter: z._default(events(), 1),
  /** Cost of one offline event, yuan. Default ¥30,000. */
  offlineEventCost: z._default(money(), 30_000),
  /** Content production per month, yuan. Default ¥5,000. */
  contentMonthly: z._default(money(), 5_000),
  /** Member incentives (points, gifts, rewards) per month, yuan. Default ¥3,000. */
  incentivesMonthly: z._default(money(), 3_000),
  /** Reserve on top of the subtotal, as a fraction. Default 0.10. */
  contingencyRate: z._default(z.number().check(z.minimum(0), z.maximum(1)), 0.1),
  /** Members served; used for the cost per member. Default 20,000. */
  members: z._default(count(), 20_000),
  /** Company revenue per year, yuan (≥ ¥1); null when unknown (no revenue check then). */
  annualRevenue: z._default(z.nullable(z.number().check(z.positive(), z.minimum(1), z.maximum(1e15))), null),
  /** Stage of the community: sets the technology-share limit (20% at launch, 15% when mature). */
  phase: z._default(z.enum(['launch', 'mature']), 'launch'),
});

export type BudgetInput = z.input<typeof budgetInputSchema>;
export type BudgetValues = z.output<typeof budgetInputSchema>;
export const defaultBudgetInput: BudgetValues = budgetInputSchema.parse({});

export interface BudgetCheck {
  value: number | null;
  limit: number;
  /** value ≤ limit (true when there is nothing to compare). */
  ok: boolean;
}

export interface BudgetPlan {
  lines: { personnel: number; tools: number; activities: number; content: number; incentives: number };
  subtotal: number;
  contingency: number;
  monthlyTotal: number;
  annualTotal: number;
  costPerMemberMonthly: number | null;
  /** tools / subtotal; null when the subtotal is 0. */
  techShare: number | null;
  /** annualTotal / annualRevenue; null without revenue. */
  revenueShare: number | null;
  checks: { techShare: BudgetCheck; revenueShare: BudgetCheck | null };
}

/**
 * Monthly budget (yuan per month unless named annual).
 *
 * tools = toolsAnnual / 12; activities = online × onlineCost + offlinePerQuarter / 3 × offlineCost;
 * subtotal = personnel + tools + activities + content + incentives; contingency = subtotal × rate;
 * monthlyTotal = subtotal + contingency; annualTotal = 12 × monthlyTotal. Checks (source plans):
 * techShare = tools / subtotal ≤ 0.20 at launch, ≤ 0.15 when mature; revenueShare = annualTotal / revenue ≤ 0.05.
 *
 * Example: personnel 60,000, tools 120,000/yr, 4 online × 2,000, 1 offline/quarter × 30,000, content 5,000,
 * incentives 3,000, contingency 10%, 20,000 members, revenue 10,000,000 → activities 18,000, subtotal 96,000,
 * monthly 105,600, annual 1,267,200, 5.28 per member, techShare 0.1042 (ok at launch), revenueShare 0.1267 (not ok).
 */
export function planBudget(input: BudgetInput = {}): BudgetPlan {
  const v = validate(budgetInputSchema, input);
  const lines = {
    personnel: v.personnelMonthly,
    tools: v.toolsAnnual / 12,
    activities: v.onlineEventsPerMonth * v.onlineEventCost + (v.offlineEventsPerQuarter / 3) * v.offlineEventCost,
    content: v.contentMonthly,
    incentives: v.incentivesMonthly,
  };
  const subtotal = lines.personnel + lines.tools + lines.activities + lines.content + lines.incentives;
  const contingency = subtotal * v.contingencyRate;
  const monthlyTotal = subtotal + contingency;
  const annualTotal = monthlyTotal * 12;
  const techShare = subtotal === 0 ? null : lines.tools / subtotal;
  const revenueShare = v.annualRevenue === null ? null : annualTotal / v.annualRevenue;
  const techLimit = TECH_SHARE_LIMIT[v.phase];
  return {
    lines,
    subtotal,
    contingency,
    monthlyTotal,
    annualTotal,
    costPerMemberMonthly: v.members === 0 ? null : monthlyTotal / v.members,
    techShare,
    revenueShare,
    checks: {
      techShare: { value: techShare, limit: techLimit, ok: techShare === null || atMost(techShare, techLimit) },
      revenueShare:
        revenueShare === null
          ? null
          : { value: revenueShare, limit: REVENUE_SHARE_LIMIT, ok: atMost(revenueShare, REVENUE_SHARE_LIMIT) },
    },
  };
}
