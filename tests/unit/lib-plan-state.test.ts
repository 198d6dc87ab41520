import { describe, expect, it } from 'vitest';
import { buildPlan, defaultPlanInput, InputError, defaultPlanState, readPlanFile, readPlanState, stateFromInput, statePathOf, writePlanFile, type PlanState } from '../../src/lib';

describe('plan state', () => {
  it('reads the default state back into exactly the default plan', () => {
    const { input, errors } = readPlanState(defaultPlanState());
    expect(errors).toEqual({});
    expect(buildPlan(input!).totals).toEqual(buildPlan(defaultPlanInput).totals);
  });

  it('translates phase names and keeps everything else', () => {
    const s = defaultPlanState({ launch: 'Launch', growth: 'Growth', mature: 'Maturity' });
    expect(s.phases.map((p) => p.name)).toEqual(['Launch', 'Growth', 'Maturity']);
    expect(s.phases[0]!.churn).toBe('8');
  });

  it('lists every field that does not parse, by its place in the form', () => {
    const s = structuredClone(defaultPlanState()) as PlanState;
    s.basics.arpu = 'abc';
    s.phases[1]!.churn = '';
    s.team.roles[0]!.salary = '1e999';
    s.basics.revenue = '';
    const { input, errors } = readPlanState(s);
    expect(input).toBeNull();
    expect(errors).toEqual({ 'basics.arpu': 'invalid', 'phases.1.churn': 'empty', 'team.roles.0.salary': 'invalid' });
  });

  it('hands the library a draft, so one unreadable field does not hide the range errors of the others', () => {
    const s = structuredClone(defaultPlanState()) as PlanState;
    s.basics.arpu = 'abc';
    s.team.contingency = '150';
    s.team.roles[0]!.count = '-5';
    const { input, draft, errors } = readPlanState(s);
    expect(input).toBeNull();
    expect(errors).toEqual({ 'basics.arpu': 'invalid' });
    expect(draft.arpuMonthly).toBeNaN();
    let thrown: unknown;
    try {
      buildPlan(draft);
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(InputError);
    const paths = (thrown as InputError).issues.map((i) => `${statePathOf(i.path)} ${i.code}`);
    expect(paths).toEqual(expect.arrayContaining(['basics.arpu not_finite', 'team.contingency too_large', 'team.roles.0.count must_be_non_negative']));
  });

  it('accepts full-width and 万 input', () => {
    const s = structuredClone(defaultPlanState()) as PlanState;
    s.basics.revenue = '２０００万';
    s.phases[0]!.churn = '８％';
    const { input } = readPlanState(s);
    expect(input!.annualRevenue).toBe(20_000_000);
    expect(input!.phases![0]!.monthlyChurn).toBe(0.08);
  });

  it.each([
    ['phases.1.monthlyChurn', 'phases.1.churn'],
    ['coreTeam.0.annualSalary', 'team.roles.0.salary'],
    ['arpuMonthly', 'basics.arpu'],
    ['overheadRate', 'team.overhead'],
    ['phases', 'phases'],
  ])('maps library path %s to %s', (lib, state) => expect(statePathOf(lib)).toBe(state));
});

describe('plan files', () => {
  const state = defaultPlanState();
  it('round-trips through export and import', () => {
    const r = readPlanFile(writePlanFile(state, '2026-11-23T00:00:00.000Z'));
    expect(r).toEqual({ ok: true, state, migratedFrom: null });
  });

  it('migrates version 0 (the library input) to the current version', () => {
    const r = readPlanFile(JSON.stringify({ kind: 'community-plan', version: 0, plan: { ...defaultPlanInput, arpuMonthly: 95 } }));
    expect(r.ok && r.migratedFrom).toBe(0);
    if (r.ok) {
      expect(r.state.basics.arpu).toBe('95');
      expect(r.state).toEqual(stateFromInput({ ...defaultPlanInput, arpuMonthly: 95 }));
    }
  });

  it.each([
    ['not JSON', '{', 'not-json', 'file: not JSON'],
    ['an array', '[]', 'not-plan', 'file: not a plan object'],
    ['another kind', JSON.stringify({ kind: 'x', version: 1, plan: {} }), 'not-plan', 'kind: expected "community-plan"'],
    ['a newer version', JSON.stringify({ kind: 'community-plan', version: 2, plan: {} }), 'newer', 'version: 2 is newer than this site reads (1)'],
    ['no version', JSON.stringify({ kind: 'community-plan', plan: {} }), 'invalid', 'version: missing or not a whole number'],
  ])('refuses %s', (_, text, reason, problem) => {
    expect(readPlanFile(text)).toEqual({ ok: false, reason, problems: [problem] });
  });

  it('lists the problems of a damaged plan', () => {
    const bad = JSON.parse(writePlanFile(state, 'x'));
    bad.plan.phases[0].churn = 8;
    delete bad.plan.team.tools;
    expect(readPlanFile(JSON.stringify(bad))).toEqual({ ok: false, reason: 'invalid', problems: ['plan.phases.0.churn: expected string', 'plan.team.tools: expected string'] });
    const long = JSON.parse(writePlanFile(state, 'x'));
    long.plan.phases = Array(13).fill(long.plan.phases[0]);
    expect(readPlanFile(JSON.stringify(long))).toEqual({ ok: false, reason: 'invalid', problems: ['plan.phases: too large or too long (at most 12)'] });
    const legacyBad = readPlanFile(JSON.stringify({ kind: 'community-plan', version: 0, plan: { arpuMonthly: -1 } }));
    expect(legacyBad.ok).toBe(false);
  });
});

const HAND_PHASE = { id: 'a', name: 'A', months: 1, newPerMonth: 1, monthlyChurn: 0.1, membersPerOperator: 1000, eventsPerMonth: 0, contentMonthly: 0, incentivesMonthly: 0, acquisitionMonthly: 0 };

describe('plan file problems are described in words', () => {
  it.each([
    [{ kind: 'community-plan', version: 0, plan: { arpuMonthly: -1 } }, 'plan.arpuMonthly: too small or too short (at least 0)'],
    [{ kind: 'community-plan', version: 0, plan: { phases: [HAND_PHASE, HAND_PHASE] } }, 'plan.phases.1.id: duplicate_id'],
    [{ kind: 'community-plan', version: 0, plan: { start: '2026-02-30' } }, 'plan.start: invalid_format'],
    [{ kind: 'community-plan', version: -1, plan: {} }, 'version: missing or not a whole number'],
    [{ kind: 'community-plan', version: 1, plan: { ...JSON.parse(writePlanFile(defaultPlanState(), 'x')).plan, phases: [] } }, 'plan.phases: too small or too short (at least 1)'],
  ])('%j', (file, problem) => {
    const r = readPlanFile(JSON.stringify(file));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems).toContain(problem);
  });
});

describe('plan state — the KOC programme switch', () => {
  it('a version-1 file written before the switch existed keeps the programme on; "off" leaves it out; anything else is refused', () => {
    const s = structuredClone(defaultPlanState()) as PlanState;
    delete s.team.koc;
    const old = readPlanFile(writePlanFile(s, '2026-11-01T00:00:00.000Z'));
    expect(old.ok).toBe(true);
    if (!old.ok) return;
    expect(readPlanState(old.state).input!.kocProgramme).toBe(true);
    const off = structuredClone(defaultPlanState()) as PlanState;
    off.team.koc = 'off';
    const plan = buildPlan(readPlanState(off).input!);
    expect(plan.months.every((m) => m.cost.koc === 0)).toBe(true);
    expect(buildPlan(readPlanState(defaultPlanState()).input!).months[0]!.cost.koc).toBeGreaterThan(0);
    const bad = JSON.parse(writePlanFile(s, '2026-11-01T00:00:00.000Z'));
    bad.plan.team.koc = 'maybe';
    expect(readPlanFile(JSON.stringify(bad)).ok).toBe(false);
    expect(stateFromInput({ ...defaultPlanInput, kocProgramme: false }).team.koc).toBe('off');
  });
});
