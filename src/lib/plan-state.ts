/**
 * The plan builder's state: every input as the text the planner typed, so nothing typed is ever lost,
 * plus the plan file format used by export, import and localStorage.
 *
 * Stored in localStorage `playbook:plan` and exported as JSON:
 *   { "kind": "community-plan", "version": 1, "exported": "<ISO time>", "plan": PlanState }
 * Versions:
 * - 1 (current): `plan` holds text fields (see `PlanState`).
 * - 0: `plan` holds the library's own numeric input (`PlanInput`: numbers, shares as fractions), as written
 *   by hand or by a script against `buildPlan`. It is migrated to version 1 on import.
 * A file of a newer version, another kind, or a shape that does not fit is refused with the list of
 * problems, and the plan on screen is left untouched.
 */
import * as z from 'zod/mini';
import { parseNumber } from './parse';
import type { ParseErrorCode } from './errors';
import { defaultPlanInput, planInputSchema, type PlanInput, type PlanValues } from './plan';
import { percentText } from './calc-state';

export const PLAN_FILE_VERSION = 1;
export const PLAN_FILE_KIND = 'community-plan';

const text = () => z.string().check(z.maxLength(2000));
const phaseState = z.object({
  name: text(),
  months: text(),
  newPerMonth: text(),
  churn: text(),
  ratio: text(),
  events: text(),
  content: text(),
  incentives: text(),
  acquisition: text(),
});
const planStateSchema = z.object({
  basics: z.object({ name: text(), sector: text(), start: text(), members: text(), revenue: text(), arpu: text(), margin: text(), active: text(), stickiness: text() }),
  phases: z.array(phaseState).check(z.minLength(1), z.maxLength(12)),
  team: z.object({
    roles: z.array(z.object({ role: text(), count: text(), salary: text() })).check(z.maxLength(50)),
    operatorSalary: text(),
    overhead: text(),
    tools: text(),
    eventCost: text(),
    contingency: text(),
    groupCap: text(),
    /** 'off' leaves the KOC programme out of the budget; absent (files written before it existed) or 'on' keeps it. */
    koc: z.optional(z.enum(['on', 'off'])),
  }),
});
export type PlanState = z.infer<typeof planStateSchema>;
export type PhaseState = PlanState['phases'][number];

const num = (x: number) => String(Number(x.toPrecision(12)));

/** Text state for a numeric plan (used for defaults and to migrate version 0 files). */
export function stateFromInput(v: PlanValues): PlanState {
  return {
    basics: {
      name: v.name,
      sector: v.sector,
      start: v.start,
      members: num(v.currentMembers),
      revenue: v.annualRevenue === null ? '' : num(v.annualRevenue),
      arpu: num(v.arpuMonthly),
      margin: percentText(v.grossMargin),
      active: percentText(v.activeShare),
      stickiness: num(v.stickiness),
    },
    phases: v.phases.map((p) => ({
      name: p.name,
      months: num(p.months),
      newPerMonth: num(p.newPerMonth),
      churn: percentText(p.monthlyChurn),
      ratio: num(p.membersPerOperator),
      events: num(p.eventsPerMonth),
      content: num(p.contentMonthly),
      incentives: num(p.incentivesMonthly),
      acquisition: num(p.acquisitionMonthly),
    })),
    team: {
      roles: v.coreTeam.map((r) => ({ role: r.role, count: num(r.count), salary: num(r.annualSalary) })),
      operatorSalary: num(v.operatorAnnualSalary),
      overhead: percentText(v.overheadRate),
      tools: num(v.toolsAnnual),
      eventCost: num(v.onlineEventCost),
      contingency: percentText(v.contingencyRate),
      groupCap: num(v.groupCapacity),
      koc: v.kocProgramme ? 'on' : 'off',
    },
  };
}

/** The default plan in the reader's language (phase names translated). */
export function defaultPlanState(phaseNames: Record<string, string> = {}): PlanState {
  return stateFromInput({ ...defaultPlanInput, phases: defaultPlanInput.phases.map((p) => ({ ...p, name: phaseNames[p.id] ?? p.name })) });
}

export type StateErrors = Record<string, ParseErrorCode>;

/**
 * Reads the text state into the library's input; every field that does not parse is listed by its state
 * path (e.g. `phases.1.churn`) and the input is then null. `draft` is the input in any case, with NaN where a
 * field did not parse: handing it to `buildPlan` lets the library judge the ranges of every other field, so
 * one unreadable field does not hide the others' errors (the NaN fields are refused as not finite).
 */
export function readPlanState(state: PlanState): { input: PlanInput | null; draft: PlanInput; errors: StateErrors } {
  const errors: StateErrors = {};
  const read = (path: string, value: string, opts: { percent?: boolean; optional?: boolean } = {}): number => {
    if (opts.optional && value.trim() === '') return Number.NaN;
    const r = parseNumber(value, { percent: opts.percent ?? false });
    if (r.ok) return r.value;
    errors[path] = r.error;
    return Number.NaN;
  };
  const b = state.basics;
  const revenue = read('basics.revenue', b.revenue, { optional: true });
  const input: PlanInput = {
    name: b.name,
    sector: b.sector,
    start: b.start.trim(),
    currentMembers: read('basics.members', b.members),
    annualRevenue: b.revenue.trim() === '' ? null : revenue,
    arpuMonthly: read('basics.arpu', b.arpu),
    grossMargin: read('basics.margin', b.margin, { percent: true }),
    activeShare: read('basics.active', b.active, { percent: true }),
    stickiness: read('basics.stickiness', b.stickiness),
    phases: state.phases.map((p, i) => ({
      id: `p${i + 1}`,
      name: p.name,
      months: read(`phases.${i}.months`, p.months),
      newPerMonth: read(`phases.${i}.newPerMonth`, p.newPerMonth),
      monthlyChurn: read(`phases.${i}.churn`, p.churn, { percent: true }),
      membersPerOperator: read(`phases.${i}.ratio`, p.ratio),
      eventsPerMonth: read(`phases.${i}.events`, p.events),
      contentMonthly: read(`phases.${i}.content`, p.content),
      incentivesMonthly: read(`phases.${i}.incentives`, p.incentives),
      acquisitionMonthly: read(`phases.${i}.acquisition`, p.acquisition),
    })),
    coreTeam: state.team.roles.map((r, i) => ({ role: r.role, count: read(`team.roles.${i}.count`, r.count), annualSalary: read(`team.roles.${i}.salary`, r.salary) })),
    operatorAnnualSalary: read('team.operatorSalary', state.team.operatorSalary),
    overheadRate: read('team.overhead', state.team.overhead, { percent: true }),
    toolsAnnual: read('team.tools', state.team.tools),
    onlineEventCost: read('team.eventCost', state.team.eventCost),
    contingencyRate: read('team.contingency', state.team.contingency, { percent: true }),
    groupCapacity: read('team.groupCap', state.team.groupCap),
    kocProgramme: state.team.koc !== 'off',
  };
  return { input: Object.keys(errors).length ? null : input, draft: input, errors };
}

const LIB_TO_STATE: Record<string, string> = {
  currentMembers: 'basics.members',
  annualRevenue: 'basics.revenue',
  arpuMonthly: 'basics.arpu',
  grossMargin: 'basics.margin',
  activeShare: 'basics.active',
  stickiness: 'basics.stickiness',
  start: 'basics.start',
  name: 'basics.name',
  sector: 'basics.sector',
  months: 'months',
  newPerMonth: 'newPerMonth',
  monthlyChurn: 'churn',
  membersPerOperator: 'ratio',
  eventsPerMonth: 'events',
  contentMonthly: 'content',
  incentivesMonthly: 'incentives',
  acquisitionMonthly: 'acquisition',
  count: 'count',
  annualSalary: 'salary',
  role: 'role',
  operatorAnnualSalary: 'team.operatorSalary',
  overheadRate: 'team.overhead',
  toolsAnnual: 'team.tools',
  onlineEventCost: 'team.eventCost',
  contingencyRate: 'team.contingency',
  groupCapacity: 'team.groupCap',
};

/** Where a `buildPlan` issue belongs in the state: `phases.1.monthlyChurn` → `phases.1.churn`. */
export function statePathOf(libPath: string): string {
  const parts = libPath.split('.');
  if (parts[0] === 'phases' && parts.length >= 3) return `phases.${parts[1]}.${LIB_TO_STATE[parts[2]!] ?? parts[2]}`;
  if (parts[0] === 'coreTeam' && parts.length >= 3) return `team.roles.${parts[1]}.${LIB_TO_STATE[parts[2]!] ?? parts[2]}`;
  return LIB_TO_STATE[parts[0]!] ?? libPath;
}

export const writePlanFile = (state: PlanState, exported: string): string =>
  JSON.stringify({ kind: PLAN_FILE_KIND, version: PLAN_FILE_VERSION, exported, plan: state }, null, 2);

/** One zod issue as `path: reason` (zod/mini carries no message texts, so the reason is built here). */
function describe(issue: z.core.$ZodIssue): string {
  const i = issue as z.core.$ZodIssue & { expected?: string; maximum?: number; minimum?: number };
  const reason =
    i.code === 'invalid_type'
      ? `expected ${i.expected ?? 'another type'}`
      : i.code === 'too_big'
        ? `too large or too long (at most ${String(i.maximum)})`
        : i.code === 'too_small'
          ? `too small or too short (at least ${String(i.minimum)})`
          : i.code === 'custom' || i.message !== 'Invalid input'
            ? i.message
            : i.code;
  return `plan.${i.path.join('.')}: ${reason}`;
}

/**
 * Why a file was refused, for a sentence in the reader's language: not JSON at all, JSON that is not a plan
 * file of this site (another kind), a plan file from a newer site, or a plan file whose fields are wrong.
 */
export type PlanFileRefusal = 'not-json' | 'not-plan' | 'newer' | 'invalid';
export type PlanFileResult = { ok: true; state: PlanState; migratedFrom: number | null } | { ok: false; reason: PlanFileRefusal; problems: string[] };

/**
 * Reads a plan file (export, import or saved state). Problems are listed as `path: reason`, e.g.
 * `plan.phases.0.churn: expected text`, or `version: 3 is newer than this site reads (1)`.
 */
export function readPlanFile(textContent: string): PlanFileResult {
  let data: unknown;
  try {
    data = JSON.parse(textContent);
  } catch {
    return { ok: false, reason: 'not-json', problems: ['file: not JSON'] };
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return { ok: false, reason: 'not-plan', problems: ['file: not a plan object'] };
  const file = data as Record<string, unknown>;
  if (file.kind !== PLAN_FILE_KIND) return { ok: false, reason: 'not-plan', problems: [`kind: expected "${PLAN_FILE_KIND}"`] };
  if (typeof file.version !== 'number' || !Number.isInteger(file.version) || file.version < 0) return { ok: false, reason: 'invalid', problems: ['version: missing or not a whole number'] };
  if (file.version > PLAN_FILE_VERSION) return { ok: false, reason: 'newer', problems: [`version: ${file.version} is newer than this site reads (${PLAN_FILE_VERSION})`] };
  if (file.version === 0) {
    const legacy = z.safeParse(planInputSchema, file.plan);
    if (!legacy.success) return { ok: false, reason: 'invalid', problems: legacy.error.issues.map(describe) };
    return { ok: true, state: stateFromInput(legacy.data), migratedFrom: 0 };
  }
  const current = z.safeParse(planStateSchema, file.plan);
  if (!current.success) return { ok: false, reason: 'invalid', problems: current.error.issues.map(describe) };
  return { ok: true, state: current.data, migratedFrom: null };
}
