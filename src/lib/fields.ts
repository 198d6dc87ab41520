/**
 * Field schemas shared by the calculators, with the bounds that keep every result finite.
 */
import * as z from 'zod/mini';
import type { ReasonCode } from './errors';

/** Largest count of people accepted anywhere (10 亿). */
export const MAX_COUNT = 1e9;
/** Largest amount of money accepted anywhere, in yuan (1 万亿). */
export const MAX_MONEY = 1e12;
/** Longest horizon, in months, of any projection (50 years). */
export const MAX_MONTHS = 600;

/**
 * A whole number. (zod's own `z.int()` stops the parse at the first non-integer, which would hide the other
 * fields' issues; this check lets the parse go on, so one `InputError` lists them all.)
 */
export const integer = () => z.number().check(z.refine(Number.isInteger, { error: 'not_integer' }));

/** A whole number of people, 0 … 10⁹. */
export const count = () => integer().check(z.minimum(0), z.maximum(MAX_COUNT));

/** A non-negative number of people (may be fractional, e.g. an average per month), 0 … 10⁹. */
export const amount = () => z.number().check(z.minimum(0), z.maximum(MAX_COUNT));

/** Yuan, 0 … 10¹². */
export const money = () => z.number().check(z.minimum(0), z.maximum(MAX_MONEY));

/** Smallest positive amount of money accepted: one fen. */
export const MIN_MONEY = 0.01;
/** Smallest positive rate accepted where the library divides by it (churn, margin): 0.0001%. */
export const MIN_RATE = 1e-6;

/** Yuan, at least one fen … 10¹² (> 0, so that dividing by it stays finite). */
export const positiveMoney = () => z.number().check(z.positive(), z.minimum(MIN_MONEY), z.maximum(MAX_MONEY));

/** A fraction 0 … 1 (the UI shows it as 0–100%). */
export const share = () => z.number().check(z.minimum(0, { error: 'not_a_share' }), z.maximum(1, { error: 'not_a_share' }));

/** A fraction 1e-6 ≤ x ≤ 1, safe to divide by (0 or less: must_be_positive; below 1e-6: too_small; above 1: not_a_share). */
export const positiveShare = () =>
  z.number().check(z.positive(), z.minimum(MIN_RATE), z.maximum(1, { error: 'not_a_share' }));

/** A whole number of months, `min` … 600. */
export const months = (min: number) => integer().check(z.minimum(min), z.maximum(MAX_MONTHS));

type AddIssue = (path: PropertyKey[], code: ReasonCode, limit?: number) => void;

/**
 * A check across fields that runs even when some field is already invalid, so that its issue is listed too.
 * It sees the raw value (`unknown`), so it must test types itself.
 */
export const crossCheck = (fn: (value: unknown, addIssue: AddIssue) => void) =>
  z.superRefine(
    (value: unknown, ctx) =>
      fn(value, (path, code, limit) =>
        ctx.addIssue({ code: 'custom', path, message: code, ...(limit === undefined ? {} : { params: { limit } }) }),
      ),
    { when: () => true },
  );

/** The value as a plain record, or an empty one. */
export const asRecord = (value: unknown): Record<string, unknown> =>
  value !== null && typeof value === 'object' ? (value as Record<string, unknown>) : {};
