/**
 * The calculation library behind the calculators (contract: shared/spec/calculators.md).
 * Every function is pure and deterministic, validates its input with the exported zod schema and throws an
 * `InputError` listing every bad field; none returns NaN, Infinity or a negative count.
 */
export {
  InputError,
  REASON_CODES,
  describeIssue,
  errorMessages,
  messageFor,
  type InputIssue,
  type ParseErrorCode,
  type ReasonCode,
} from './errors';
export { toInputIssues, validate } from './validate';
export {
  GROUP_CAPACITY,
  KOC_SHARE,
  LTV_CAC_TARGET,
  MEMBERS_PER_OPERATOR_LAUNCH,
  MEMBERS_PER_OPERATOR_MATURE,
  OPERATOR_SALARY,
  REVENUE_SHARE_LIMIT,
  SOURCE_DEFAULTS,
  SOURCE_PLAN_LABEL,
  STICKINESS_TARGET,
  TECH_SHARE_LIMIT,
  TIER_SHARES,
  TOOLS_ANNUAL,
  type DefaultSource,
  type DocumentedDefault,
  type SourceDefaultKey,
} from './defaults';
export { MAX_COUNT, MAX_MONEY, MAX_MONTHS, MIN_MONEY, MIN_RATE } from './fields';
export { parseNumber, type ParseNumberOptions, type ParseNumberResult } from './parse';
export {
  EM_DASH,
  enumerate,
  formatCurrency,
  formatMonths,
  formatNumber,
  formatPercent,
  joinClauses,
  parenthetical,
  withColon,
  type Locale,
  type NumberFormatOptions,
} from './format';
export {
  ROLE_LABELS,
  defaultStaffingInput,
  planStaffing,
  staffingInputSchema,
  type StaffingInput,
  type StaffingPlan,
  type StaffingValues,
} from './staffing';
export {
  budgetInputSchema,
  defaultBudgetInput,
  planBudget,
  type BudgetCheck,
  type BudgetInput,
  type BudgetPlan,
  type BudgetValues,
} from './budget';
export {
  PAYBACK_SEARCH_MONTHS,
  defaultLtvInput,
  ltvCac,
  ltvInputSchema,
  type LtvInput,
  type LtvResult,
  type LtvValues,
  type LtvVerdict,
} from './ltv';
export {
  defaultProjectMembersInput,
  defaultRequiredNewPerMonthInput,
  defaultSteadyStateInput,
  projectMembers,
  projectMembersInputSchema,
  requiredNewPerMonth,
  requiredNewPerMonthInputSchema,
  steadyState,
  steadyStateInputSchema,
  type ProjectMembersInput,
  type RequiredNewPerMonthInput,
  type SteadyStateInput,
} from './growth';
export {
  convertRetention,
  convertRetentionInputSchema,
  stickiness,
  stickinessInputSchema,
  type ConvertRetentionInput,
  type StickinessInput,
} from './retention';
export { tiers, tiersInputSchema, type TierCounts, type TierShares, type TiersInput } from './tiers';
export {
  SBG_BOUNDS,
  SBG_POINTS,
  fitSbg,
  fitSbgInputSchema,
  sbgSurvival,
  sbgSurvivalInputSchema,
  type FitSbgInput,
  type SbgFit,
  type SbgSurvivalInput,
} from './sbg';
export { YEAR_RANGE, addDaysIso, addMonthsIso } from './dates';
export {
  TIMELINE_LIMITS,
  planTimeline,
  timelineInputSchema,
  type Timeline,
  type TimelineInput,
  type TimelinePhase,
  type TimelinePhaseInput,
} from './timeline';
export {
  TIMELINE_PRESETS,
  presetPhases,
  type PresetPhase,
  type TimelinePreset,
  type TimelinePresetId,
} from './presets';
export { ICS_PRODID, ICS_UID_DOMAIN, escapeText, foldLine, icsOptionsSchema, timelineToIcs, type IcsOptions } from './ics';
export { buildPlan, defaultPlanInput, planInputSchema, type Plan, type PlanCheck, type PlanInput, type PlanMonth, type PlanPhase, type PlanValues } from './plan';
export { DRIVERS, SCENARIO_PRESETS, applyScenario, rankRows, sensitivity, sensitivityRow, tornadoRows, type Driver, type ScenarioFactors, type SensitivityRow, type TornadoRow } from './plan-analysis';
export { PLAN_FILE_KIND, PLAN_FILE_VERSION, defaultPlanState, readPlanFile, readPlanState, stateFromInput, statePathOf, writePlanFile, type PhaseState, type PlanFileResult, type PlanState } from './plan-state';
export { activityOptionsSchema, analyzeActivity, daysBetween, isCalendarDate, type ActivityEvent, type ActivityOptions, type ActivityReport, type KnownMember, type Tier } from './activity';
export { binaryKind, detectEncoding, ENCODING_SAMPLE_BYTES, type DetectedEncoding, type TextEncodingName } from './encoding';
export { cellText, isBlankRow, sheetRowsText, type SheetCell } from './sheet-cells';
export {
  DEFAULT_UTC_OFFSET_MINUTES,
  EventCollector,
  guessColumns,
  MAX_LISTED_BAD_ROWS,
  parseEventDate,
  todayAt,
  UNIQUE_SAMPLE_MIN,
  type BadRow,
  type BadRowReason,
  type CollectOptions,
  type ColumnGuess,
} from './event-rows';
export { averageRetention, equivalentMonthlyChurn, handOffQueries, memberTiers, tierProfile, tierShares, type AverageRetention, type MemberTier, type TierActivityShares, type TierProfile } from './health';
export { normalCdf, normalQuantile, twoSidedP } from './normal';
export { TASKS, WEEKS_PER_MONTH, checkWorkload, coverageSchema, defaultWorkloadInput, planWorkload, recommendOperators, workloadInputSchema, type OperatorRecommendation, type TaskHours, type WorkloadCheck, type WorkloadInput, type WorkloadPlan, type WorkloadValues } from './workload';
export { DEFAULT_KOC_LADDER, MAX_KOC_RUNGS, defaultKocProgrammeInput, kocProgrammeInputSchema, kocRungSchema, planKocProgramme, type KocProgramme, type KocProgrammeInput, type KocProgrammeValues, type KocRung, type KocRungPlan } from './koc';
export { KOC_CELLS, decodeKocLadder, emptyKocRung, encodeKocLadder, kocBudgetHandOff, kocFieldKey, kocHandOff, kocLadderText, readKocLadder, type KocCell, type KocLadderReading, type KocRungText } from './koc-ladder';
export {
  MAX_ASSIGN_GROUPS,
  analyzeExperiment,
  assignGroups,
  assignGroupsInputSchema,
  clusterDesignEffect,
  defaultExperimentPlanInput,
  experimentPlanInputSchema,
  experimentResultInputSchema,
  planExperiment,
  type ExperimentPlan,
  type ExperimentPlanInput,
  type ExperimentPlanValues,
  type ExperimentResult,
  type ExperimentResultInput,
  type GroupAssignment,
} from './experiment';
export { MAX_ROTA_OPERATORS, buildRota, clock, defaultRotaInput, operatorName, rotaInputSchema, rotaIcsOptionsSchema, rotaOperatorsNeeded, rotaToIcs, type Rota, type RotaGap, type RotaHandover, type RotaIcsOptions, type RotaInput, type RotaShift, type RotaValues } from './rota';
