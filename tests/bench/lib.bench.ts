// Median time of each library function on realistic inputs (issue #3 target: well under 1 ms each, fitSbg < 5 ms).
// Vitest 5 style: `bench` is a test-context fixture; each test runs one benchmark and checks its median (p50).
import { afterAll, expect, test } from 'vitest';
import {
  convertRetention,
  fitSbg,
  formatCurrency,
  formatNumber,
  ltvCac,
  parseNumber,
  planBudget,
  planStaffing,
  planTimeline,
  presetPhases,
  projectMembers,
  requiredNewPerMonth,
  sbgSurvival,
  steadyState,
  stickiness,
  tiers,
  timelineToIcs,
} from '../../src/lib';

// Local bindings: calling through the module namespace would add getter overhead to every iteration.
const lib = { convertRetention, fitSbg, formatCurrency, formatNumber, ltvCac, parseNumber, planBudget, planStaffing, planTimeline, presetPhases, projectMembers, requiredNewPerMonth, sbgSurvival, steadyState, stickiness, tiers, timelineToIcs };

// A 24-month cohort with noise, as a planner would paste it.
const cohort24 = sbgSurvival(0.7, 1.2, 24).map((s, t) => (t === 0 ? 1 : Math.round(s * 1000 * (1 + 0.01 * Math.sin(t))) / 1000));
for (let t = 1; t < cohort24.length; t++) cohort24[t] = Math.min(cohort24[t] as number, cohort24[t - 1] as number);
const timeline = planTimeline({ start: '2026-03-01', phases: presetPhases('three-step', 'zh-CN') });
const timelineInput = { start: '2026-01-31', phases: presetPhases('launch-growth-mature', 'zh-CN') };

const medians: [string, number][] = [];
const MS = 1;

function check(name: string, p50: number, limit: number) {
  medians.push([name, p50]);
  expect(p50, `${name}: median ${p50.toFixed(4)} ms`).toBeLessThan(limit);
}

test('parseNumber', async ({ bench }) => {
  const r = await bench('parseNumber', () => {
    lib.parseNumber('１２．５万');
  }).run();
  check('parseNumber', r.latency.p50, MS);
});

test('formatCurrency + formatNumber (cached Intl)', async ({ bench }) => {
  const r = await bench('formatCurrency + formatNumber (cached Intl)', () => {
    lib.formatCurrency(1_664_000, 'zh-CN');
    lib.formatNumber(1_664_000, 'en', { compact: true });
  }).run();
  check('formatCurrency + formatNumber (cached Intl)', r.latency.p50, MS);
});

test('planStaffing', async ({ bench }) => {
  const r = await bench('planStaffing', () => {
    lib.planStaffing({ members: 48_000, membersPerOperator: 5_000, activeShare: 0.3 });
  }).run();
  check('planStaffing', r.latency.p50, MS);
});

test('planBudget', async ({ bench }) => {
  const r = await bench('planBudget', () => {
    lib.planBudget({ personnelMonthly: 138_666.67, annualRevenue: 30_000_000, phase: 'mature' });
  }).run();
  check('planBudget', r.latency.p50, MS);
});

test('ltvCac (no horizon: 600-month curve)', async ({ bench }) => {
  const r = await bench('ltvCac (no horizon: 600-month curve)', () => {
    lib.ltvCac({ arpuMonthly: 100, grossMargin: 0.6, monthlyChurn: 0.05, cac: 400 });
  }).run();
  check('ltvCac (no horizon: 600-month curve)', r.latency.p50, MS);
});

test('ltvCac (36 months, 10% discount)', async ({ bench }) => {
  const r = await bench('ltvCac (36 months, 10% discount)', () => {
    lib.ltvCac({ arpuMonthly: 100, grossMargin: 0.6, monthlyChurn: 0.05, annualDiscountRate: 0.1, horizonMonths: 36, cac: 400 });
  }).run();
  check('ltvCac (36 months, 10% discount)', r.latency.p50, MS);
});

test('projectMembers (36 months)', async ({ bench }) => {
  const r = await bench('projectMembers (36 months)', () => {
    lib.projectMembers({ start: 1_000, newPerMonth: 500, monthlyChurn: 0.05, months: 36 });
  }).run();
  check('projectMembers (36 months)', r.latency.p50, MS);
});

test('requiredNewPerMonth', async ({ bench }) => {
  const r = await bench('requiredNewPerMonth', () => {
    lib.requiredNewPerMonth({ start: 1_000, target: 5_000, monthlyChurn: 0.05, months: 12 });
  }).run();
  check('requiredNewPerMonth', r.latency.p50, MS);
});

test('steadyState', async ({ bench }) => {
  const r = await bench('steadyState', () => {
    lib.steadyState({ newPerMonth: 500, monthlyChurn: 0.05 });
  }).run();
  check('steadyState', r.latency.p50, MS);
});

test('convertRetention', async ({ bench }) => {
  const r = await bench('convertRetention', () => {
    lib.convertRetention(0.6, 7, 30);
  }).run();
  check('convertRetention', r.latency.p50, MS);
});

test('stickiness', async ({ bench }) => {
  const r = await bench('stickiness', () => {
    lib.stickiness(1_200, 3_000);
  }).run();
  check('stickiness', r.latency.p50, MS);
});

test('tiers', async ({ bench }) => {
  const r = await bench('tiers', () => {
    lib.tiers(1_003);
  }).run();
  check('tiers', r.latency.p50, MS);
});

test('sbgSurvival (36 months)', async ({ bench }) => {
  const r = await bench('sbgSurvival (36 months)', () => {
    lib.sbgSurvival(0.704, 1.182, 36);
  }).run();
  check('sbgSurvival (36 months)', r.latency.p50, MS);
});

test('fitSbg (24 points)', async ({ bench }) => {
  const r = await bench('fitSbg (24 points)', () => {
    lib.fitSbg(cohort24);
  }).run();
  check('fitSbg (24 points)', r.latency.p50, 5 * MS);
});

test('planTimeline (4 phases)', async ({ bench }) => {
  const r = await bench('planTimeline (4 phases)', () => {
    lib.planTimeline(timelineInput);
  }).run();
  check('planTimeline (4 phases)', r.latency.p50, MS);
});

test('timelineToIcs (3 phases with KPIs)', async ({ bench }) => {
  const r = await bench('timelineToIcs (3 phases with KPIs)', () => {
    lib.timelineToIcs(timeline, { title: '社群运营计划 2026' });
  }).run();
  check('timelineToIcs (3 phases with KPIs)', r.latency.p50, MS);
});

afterAll(() => {
  console.log(['| function | median (ms) |', '| --- | ---: |', ...medians.map(([n, m]) => `| ${n} | ${m.toFixed(4)} |`)].join('\n'));
});
