/**
 * The phase list of the timeline calculator as one text value, so it can live in the URL and in
 * localStorage like every other field (see `calc-state.ts`).
 *
 * Shape: JSON `[{"n":"启动期","m":3,"k":[["DAU/MAU","≥ 0.4"]]}, …]` — name, months, KPI pairs. Like every
 * calculator field, the months and KPI boxes keep exactly the text the planner typed: `m` is a number when
 * the box holds a plain whole number (`3`), else the text itself (`"2.5"`, `"1,200"`, `""` while emptied);
 * `k` is the KPI pairs when the line reads back the same, else the line as typed. (Links written before
 * that stored `m` as a number or `null`, and read the same way.) Ids are not stored: phase i gets id
 * `p<i+1>`, stable for a given order, which is what the calendar UIDs need. `decodeDrafts` returns null for
 * anything that is not such a list (tampered or truncated links); the months are read by `parseNumber` and a
 * list whose values are out of range is then refused, field by field, by `planTimeline`'s schema.
 */
import type { ParseErrorCode } from './errors';
import { parseNumber } from './parse';
import type { TimelinePhaseInput } from './timeline';

/** One phase as the form holds it: the months and KPI boxes exactly as typed. */
export interface PhaseDraft {
  name: string;
  months: string;
  kpis: string;
}

type Stored = { n: string; m: number | string | null; k?: [string, string][] | string };

const WHOLE = /^(0|[1-9]\d{0,14})$/;

/** A phase of the library (e.g. a preset) as the form shows it. */
export const draftOf = (p: TimelinePhaseInput): PhaseDraft => ({
  name: p.name,
  months: Number.isFinite(p.months) ? String(p.months) : '',
  kpis: kpisToText(p.kpis),
});

export function encodeDrafts(drafts: readonly PhaseDraft[]): string {
  return JSON.stringify(
    drafts.map((d): Stored => {
      const m = WHOLE.test(d.months) ? Number(d.months) : d.months;
      const pairs = kpisFromText(d.kpis).map((x): [string, string] => [x.metric, x.target]);
      const canonical = kpisToText(kpisFromText(d.kpis)) === d.kpis;
      if (!canonical) return { n: d.name, m, k: d.kpis };
      return pairs.length ? { n: d.name, m, k: pairs } : { n: d.name, m };
    }),
  );
}

/**
 * Before issue #14 an item without a colon was stored with target "✓", which the calendar then wrote as
 * "成员 1,000: ✓" (done). The field showed such items without the mark, so a stored "✓" is read as no target.
 */
const LEGACY_NO_TARGET = '✓';

/** Phases of the library (presets) as the stored text. */
export const encodePhases = (phases: readonly TimelinePhaseInput[]): string => encodeDrafts(phases.map(draftOf));

const isPair = (x: unknown): x is [string, string] => Array.isArray(x) && x.length === 2 && x.every((s) => typeof s === 'string');

export function decodeDrafts(text: string): PhaseDraft[] | null {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return null;
  }
  if (!Array.isArray(data)) return null;
  const out: PhaseDraft[] = [];
  for (const item of data) {
    if (typeof item !== 'object' || item === null) return null;
    const { n, m, k = [] } = item as Partial<Stored>;
    if (typeof n !== 'string') return null;
    if (typeof m !== 'string' && m !== null && !(typeof m === 'number' && Number.isFinite(m))) return null;
    if (typeof k !== 'string' && !(Array.isArray(k) && k.every(isPair))) return null;
    const kpis = typeof k === 'string' ? k : kpisToText(k.map(([metric, target]) => ({ metric, target: target === LEGACY_NO_TARGET ? '' : target })));
    out.push({ name: n, months: m === null ? '' : String(m), kpis });
  }
  return out;
}

/**
 * The drafts as the library's input: months read by `parseNumber` (NaN where the text is not a number, with
 * the parse error by phase index, which the form shows instead of the library's), KPI lines split.
 */
export function readDrafts(drafts: readonly PhaseDraft[]): { phases: TimelinePhaseInput[]; errors: Record<number, ParseErrorCode> } {
  const errors: Record<number, ParseErrorCode> = {};
  const phases = drafts.map((d, i): TimelinePhaseInput => {
    const r = parseNumber(d.months);
    if (!r.ok) errors[i] = r.error;
    return { id: `p${i + 1}`, name: d.name, months: r.ok ? r.value : Number.NaN, kpis: kpisFromText(d.kpis) };
  });
  return { phases, errors };
}

/** The stored text as the library's input, or null when it is not a phase list. */
export function decodePhases(text: string): TimelinePhaseInput[] | null {
  const drafts = decodeDrafts(text);
  return drafts && readDrafts(drafts).phases;
}

/**
 * KPIs as one line a planner can edit: `DAU/MAU: ≥ 0.4; 7日留存: > 60%` (half- or full-width `:` `;`).
 * An item without a colon is a milestone written as it stands, with no separate target (target ""): nothing
 * marks it reached or done — "成员 1,000" stays "成员 1,000".
 */
export function kpisFromText(text: string): { metric: string; target: string }[] {
  return text
    .split(/[;；\n]/)
    .map((s) => s.trim())
    .filter(Boolean)
    .map((item) => {
      const at = item.search(/[:：]/);
      if (at < 0) return { metric: item, target: '' };
      return { metric: item.slice(0, at).trim(), target: item.slice(at + 1).trim() };
    });
}

export const kpisToText = (kpis: readonly { metric: string; target?: string | undefined }[] = []): string =>
  kpis.map((k) => (k.target ? `${k.metric}: ${k.target}` : k.metric)).join('; ');
