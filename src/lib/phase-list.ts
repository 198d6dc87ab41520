/**
 * The phase list of the timeline calculator as one text value, so it can live in the URL and in
 * localStorage like every other field (see `calc-state.ts`).
 *
 * Shape: JSON `[{"n":"启动期","m":3,"k":[["DAU/MAU","≥ 0.4"]]}, …]` — name, whole months, KPI pairs. Ids are
 * not stored: phase i gets id `p<i+1>`, stable for a given order, which is what the calendar UIDs need.
 * `decodePhases` returns null for anything that is not such a list (tampered or truncated links); a list whose
 * values are out of range decodes and is then refused, field by field, by `planTimeline`'s schema.
 */
import type { TimelinePhaseInput } from './timeline';

// `m` is null while the planner has emptied the months box (JSON has no NaN).
type Stored = { n: string; m: number | null; k?: [string, string][] };

export function encodePhases(phases: readonly TimelinePhaseInput[]): string {
  return JSON.stringify(
    phases.map((p): Stored => {
      const k = (p.kpis ?? []).map((x): [string, string] => [x.metric, x.target ?? '']);
      const m = Number.isFinite(p.months) ? p.months : null;
      return k.length ? { n: p.name, m, k } : { n: p.name, m };
    }),
  );
}

/**
 * Before issue #14 an item without a colon was stored with target "✓", which the calendar then wrote as
 * "成员 1,000: ✓" (done). The field showed such items without the mark, so a stored "✓" is read as no target.
 */
const LEGACY_NO_TARGET = '✓';

const isPair = (x: unknown): x is [string, string] => Array.isArray(x) && x.length === 2 && x.every((s) => typeof s === 'string');

export function decodePhases(text: string): TimelinePhaseInput[] | null {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return null;
  }
  if (!Array.isArray(data)) return null;
  const out: TimelinePhaseInput[] = [];
  for (const [i, item] of data.entries()) {
    if (typeof item !== 'object' || item === null) return null;
    const { n, m, k = [] } = item as Partial<Stored>;
    if (typeof n !== 'string' || (typeof m !== 'number' && m !== null) || !Array.isArray(k) || !k.every(isPair)) return null;
    out.push({ id: `p${i + 1}`, name: n, months: m ?? Number.NaN, kpis: k.map(([metric, target]) => ({ metric, target: target === LEGACY_NO_TARGET ? '' : target })) });
  }
  return out;
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
