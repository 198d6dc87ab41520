/**
 * Retention over different windows, and stickiness (DAU/MAU).
 */
import * as z from 'zod/mini';
import { amount, share } from './fields';
import { validate } from './validate';

/** A window in days, 1 … 3,650 (fractions allowed, e.g. 30.44 for an average month). */
const days = () => z.number().check(z.positive(), z.minimum(1), z.maximum(3_650));

export const convertRetentionInputSchema = z.object({
  /** Retention measured over `fromDays`, 0–1. */
  retention: share(),
  /** Window of the measured retention, days. */
  fromDays: days(),
  /** Window wanted, days. */
  toDays: days(),
});

export type ConvertRetentionInput = z.input<typeof convertRetentionInputSchema>;

/**
 * Re-expresses a retention rate over another window, assuming a constant rate of loss:
 * r_to = r_from^(toDays / fromDays).
 *
 * Example: 60% kept over 7 days → 0.6^(30/7) ≈ 11.2% over 30 days; 85% monthly → 0.85^12 ≈ 14.2% a year.
 */
export function convertRetention(retention: number, fromDays: number, toDays: number): number {
  const v = validate(convertRetentionInputSchema, { retention, fromDays, toDays });
  return v.retention ** (v.toDays / v.fromDays);
}

export const stickinessInputSchema = z
  .object({
    /** Average daily active members. */
    dau: amount(),
    /** Monthly active members (> 0). */
    mau: z.number().check(z.positive(), z.maximum(1e9)),
  })
  .check(z.refine((v) => !(v.mau > 0 && v.dau > v.mau), { error: 'dau_exceeds_mau', path: ['dau'] }));

export type StickinessInput = z.input<typeof stickinessInputSchema>;

/**
 * Stickiness = DAU / MAU, a fraction 0–1 (source target: at least 0.4, `STICKINESS_TARGET`).
 *
 * Example: 1,200 daily actives out of 3,000 monthly actives → 0.4.
 */
export function stickiness(dau: number, mau: number): number {
  const v = validate(stickinessInputSchema, { dau, mau });
  return v.dau / v.mau;
}
