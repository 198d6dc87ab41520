/**
 * The KOC ladder as the planner types it: one row of text per rung (name, share in %, monthly reward and
 * annual gift in yuan), kept exactly as typed, and the hand-off links that connect the KOC page with
 * staffing (KOC count in) and the budget (monthly cost out).
 *
 * The rows travel as one text field (`ladder`) holding JSON: `[["新晋","60","50","0"], …]`, so a link or a
 * saved visit restores every rung, and a name may hold any character. Text that is not such a list (a
 * damaged link, a hand-edited entry) reads as `null`; the page then shows the default ladder and a notice,
 * and keeps the text until the planner edits a rung.
 */
import type { InputIssue, ParseErrorCode } from './errors';
import { percentText } from './calc-state';
import { MAX_KOC_RUNGS, type KocProgramme, type KocRung } from './koc';
import { parseNumber } from './parse';

export const KOC_CELLS = ['name', 'share', 'reward', 'gift'] as const;
export type KocCell = (typeof KOC_CELLS)[number];
export type KocRungText = Record<KocCell, string>;

/** Longest text of one cell in the encoded ladder (names are checked at 40 by the library). */
const MAX_CELL = 100;

/** The ladder rows as the text of the `ladder` field. */
export function encodeKocLadder(rows: readonly KocRungText[]): string {
  return JSON.stringify(rows.map((r) => KOC_CELLS.map((c) => r[c])));
}

/** Rows from the `ladder` field; null when the text is not 1 … 12 rows of four strings. */
export function decodeKocLadder(text: string): KocRungText[] | null {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return null;
  }
  if (!Array.isArray(data) || data.length < 1 || data.length > MAX_KOC_RUNGS) return null;
  const rows: KocRungText[] = [];
  for (const row of data) {
    if (!Array.isArray(row) || row.length !== KOC_CELLS.length) return null;
    if (!row.every((cell) => typeof cell === 'string' && cell.length <= MAX_CELL)) return null;
    rows.push(Object.fromEntries(KOC_CELLS.map((c, i) => [c, row[i] as string])) as KocRungText);
  }
  return rows;
}

/** Text rows for a numeric ladder (the page's defaults), with the rung names given for the page's language. */
export function kocLadderText(ladder: readonly KocRung[], names: readonly string[] = []): KocRungText[] {
  return ladder.map((r, i) => ({
    name: names[i] ?? r.name,
    share: percentText(r.share),
    reward: String(r.monthlyReward),
    gift: String(r.annualGift),
  }));
}

/** A blank rung to add at the bottom of the ladder: 0% so the shares still add up until the planner moves some. */
export const emptyKocRung = (name: string): KocRungText => ({ name, share: '0', reward: '0', gift: '0' });

export interface KocLadderReading {
  /** The ladder for `planKocProgramme`; an unreadable number goes in as NaN so the library still judges the rest. */
  ladder: KocRung[];
  /** Parse errors by cell key `"<row>.<cell>"`, e.g. `"1.share"`. */
  errors: Record<string, InputIssue>;
  /** Σ shares as a fraction when every share reads as a number, else null (shown next to the 100% error). */
  shareSum: number | null;
}

/**
 * Reads the typed rows: shares as percentages (`60` or `60%` → 0.6), money as people write it (`1.2千`).
 * Example: `[{ name: 'A', share: '60', reward: '50', gift: '0' }, { name: 'B', share: '30', reward: 'x', gift: '0' }]`
 * → ladder `[A 0.6 50 0, B 0.3 NaN 0]`, errors `{ '1.reward': { code: 'invalid' } }`, shareSum 0.9.
 */
export function readKocLadder(rows: readonly KocRungText[]): KocLadderReading {
  const errors: Record<string, InputIssue> = {};
  const read = (i: number, cell: Exclude<KocCell, 'name'>): number => {
    const r = parseNumber(rows[i]![cell], { percent: cell === 'share' });
    if (r.ok) return r.value;
    errors[`${i}.${cell}`] = { path: `${i}.${cell}`, code: r.error as ParseErrorCode };
    return Number.NaN;
  };
  const ladder = rows.map((row, i) => ({ name: row.name.trim(), share: read(i, 'share'), monthlyReward: read(i, 'reward'), annualGift: read(i, 'gift') }));
  const shares = ladder.map((r) => r.share);
  const shareSum = shares.every(Number.isFinite) ? shares.reduce((a, b) => a + b, 0) : null;
  return { ladder, errors, shareSum };
}

const LIBRARY_CELL: Record<string, KocCell> = { name: 'name', share: 'share', monthlyReward: 'reward', annualGift: 'gift' };

/**
 * Form key of a `planKocProgramme` issue path: `ladder.1.share` → `1.share`, `ladder` → `ladder`,
 * `kocs` → `kocs`, `monthlyAttrition` → `attrition`, `recruitmentCost` → `recruit`.
 */
export function kocFieldKey(path: string): string | undefined {
  const m = /^ladder\.(\d+)\.(\w+)/.exec(path);
  if (m) return LIBRARY_CELL[m[2]!] ? `${m[1]}.${LIBRARY_CELL[m[2]!]}` : 'ladder';
  if (path === 'ladder' || path.startsWith('ladder.')) return 'ladder';
  return ({ kocs: 'kocs', monthlyAttrition: 'attrition', recruitmentCost: 'recruit' } as Record<string, string>)[path.split('.')[0]!];
}

/**
 * Query for the KOC page from staffing's KOC range: the count starts at the top of the range (the programme
 * is costed for the KOCs the community aims to keep), and the range goes along so the page can show it.
 * Example: `{ min: 30, max: 48 }` → `?kocs=48&kmin=30&kmax=48`.
 */
export function kocHandOff(range: { min: number; max: number }): string {
  return `?${new URLSearchParams({ kocs: String(range.max), kmin: String(range.min), kmax: String(range.max) })}`;
}

/** Query for the budget: the programme's monthly cost as its incentives line, to the fen. `8450` → `?incentives=8450`. */
export function kocBudgetHandOff(plan: Pick<KocProgramme, 'monthlyTotal'>): string {
  return `?${new URLSearchParams({ incentives: String(Number(plan.monthlyTotal.toFixed(2))) })}`;
}
