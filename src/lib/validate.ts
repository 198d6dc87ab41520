/**
 * Runs a zod schema and turns every zod issue into an `InputIssue` with one of our reason codes.
 *
 * A schema can name the code itself (`z.maxLength(12, { error: 'too_many_phases' })` or a custom issue whose
 * message is a reason code); otherwise the code is derived from the kind of zod issue.
 */
import * as z from 'zod/mini';
import { InputError, isReasonCode, type InputIssue, type ReasonCode } from './errors';

type ZodIssue = z.core.$ZodIssue;

interface LooseIssue {
  code: string;
  path: PropertyKey[];
  message: string;
  input?: unknown;
  expected?: string;
  received?: string;
  origin?: string;
  minimum?: number | bigint;
  maximum?: number | bigint;
  inclusive?: boolean;
  format?: string;
  errors?: LooseIssue[][];
  params?: { limit?: number };
}

const asNumber = (v: number | bigint | undefined): number | undefined =>
  v === undefined ? undefined : Number(v);

/** Codes whose message is completed by the bound (see `describeIssue`). */
const BOUNDED: ReadonlySet<ReasonCode> = new Set<ReasonCode>([
  'too_small',
  'too_large',
  'too_long',
  'too_many_items',
  'too_many_phases',
  'total_too_long',
  'too_few_points',
  'too_many_points',
]);

function codeOf(issue: LooseIssue): { code: ReasonCode; limit?: number } {
  if (isReasonCode(issue.message)) {
    const limit = asNumber(issue.maximum ?? issue.minimum) ?? issue.params?.limit;
    return limit === undefined || !BOUNDED.has(issue.message) ? { code: issue.message } : { code: issue.message, limit };
  }
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return { code: 'required' };
      if (issue.received === 'NaN' || issue.received === 'Infinity' || issue.received === '-Infinity') {
        return { code: 'not_finite' };
      }
      return { code: issue.expected === 'number' ? 'not_a_number' : 'invalid_value' };
    case 'too_small': {
      const min = asNumber(issue.minimum) ?? 0;
      if (issue.origin === 'number' && min === 0) {
        return { code: issue.inclusive ? 'must_be_non_negative' : 'must_be_positive' };
      }
      if (issue.origin === 'string' && min === 1) return { code: 'required' };
      return { code: 'too_small', limit: min };
    }
    case 'too_big': {
      const max = asNumber(issue.maximum) ?? 0;
      if (issue.origin === 'array') return { code: 'too_many_items', limit: max };
      if (issue.origin === 'string') return { code: 'too_long', limit: max };
      return { code: 'too_large', limit: max };
    }
    case 'invalid_format':
      return { code: issue.format === 'date' ? 'invalid_date' : 'invalid_value' };
    case 'invalid_value':
      return { code: 'invalid_option' };
    default:
      return { code: 'invalid_value' };
  }
}

function collect(issues: readonly LooseIssue[], prefix: PropertyKey[], out: InputIssue[]): void {
  for (const issue of issues) {
    const path = [...prefix, ...issue.path];
    if (issue.code === 'invalid_union' && issue.errors) {
      // Report the branch that matched the value's type (e.g. "a number, or a list of numbers").
      const branch = issue.errors.find(
        (errs) => !errs.some((e) => e.code === 'invalid_type' && e.path.length === 0),
      );
      if (branch) {
        collect(branch, path, out);
        continue;
      }
    }
    out.push({ path: path.map(String).join('.'), ...codeOf(issue) });
  }
}

/**
 * Codes that describe a single value, most basic first. A path keeps only the first of these it has
 * (0.5 for a whole number ≥ 1 is reported as not_integer, not also as too_small); codes about how fields
 * relate to each other (duplicate_id, total_too_long, …) are always kept.
 */
const VALUE_CODES: readonly ReasonCode[] = [
  'required',
  'not_a_number',
  'not_finite',
  'invalid_value',
  'invalid_option',
  'invalid_date',
  'not_integer',
  'must_be_non_negative',
  'must_be_positive',
  'not_a_share',
  'too_small',
  'too_large',
  'too_long',
];

function dedupe(issues: InputIssue[]): InputIssue[] {
  const best = new Map<string, number>();
  for (const { path, code } of issues) {
    const rank = VALUE_CODES.indexOf(code);
    if (rank >= 0 && rank < (best.get(path) ?? Infinity)) best.set(path, rank);
  }
  const seen = new Set<string>();
  return issues.filter(({ path, code }) => {
    const rank = VALUE_CODES.indexOf(code);
    const key = `${path}\u0000${code}`;
    if ((rank >= 0 && rank !== best.get(path)) || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Replaces every -0 in a parsed value by 0, so that no result can print as "-0". */
function withoutNegativeZero<T>(value: T): T {
  if (typeof value === 'number') return (value === 0 ? 0 : value) as T;
  if (Array.isArray(value)) return value.map(withoutNegativeZero) as T;
  if (value !== null && typeof value === 'object') {
    const copy: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) copy[k] = withoutNegativeZero(v);
    return copy as T;
  }
  return value;
}

/** Maps zod issues to `InputIssue`s (exported for tests). */
export function toInputIssues(issues: readonly ZodIssue[]): InputIssue[] {
  const out: InputIssue[] = [];
  collect(issues as unknown as LooseIssue[], [], out);
  return dedupe(out);
}

/** Parses `input` with `schema`; throws an `InputError` listing every issue. */
export function validate<S extends z.core.$ZodType>(schema: S, input: unknown): z.output<S> {
  const result = z.safeParse(schema, input, { reportInput: true });
  if (!result.success) throw new InputError(toInputIssues(result.error.issues));
  return withoutNegativeZero(result.data);
}
