/**
 * A calculator's inputs as text, and where that text is kept between visits.
 *
 * What is stored: for each field, exactly the text the planner typed (so a half-typed or invalid entry is
 * never lost), keyed by the field's short, stable `key`.
 * - URL: one query parameter per field, e.g. `/calculators/ltv-cac/?arpu=80&margin=50` (percent fields
 *   hold the percentage as typed). Shared links carry no version: parameter names are part of the public
 *   URL contract and never change meaning. A parameter whose text does not fit its field (unparseable
 *   number, unknown option, over-long or with control characters) is dropped with a notice and the
 *   field's default is used; unknown parameters are ignored.
 * - localStorage `playbook:calc:<id>`: `{"v":1,"fields":{"arpu":"80",…}}`. Saved text is kept even when it
 *   does not parse (the field shows its error). Version 0 — a bare `{"arpu":"80"}` object written before the
 *   envelope existed — is migrated. Anything else (not JSON, not an object, a newer `v`, non-string
 *   values) is ignored with a notice and defaults load; the bad entry is left in storage untouched until the
 *   planner changes a field.
 * A link carries every field, so opening a shared link shows exactly what the sender saw. A link that
 * carries only some fields (another calculator handing over one number, e.g. the staffing calculator's
 * `?personnel=138666.67&members=3000` into the budget) fills the rest from saved state, then from defaults.
 * Values a link supplies are saved in this browser at once (`linked`), as if typed: a planner who follows a
 * hand-over link, reads a chapter and comes back finds them again — unless a damaged saved entry is waiting
 * (see above: it is left untouched until the planner changes a field).
 */
import { parseNumber } from './parse';
import type { ParseErrorCode } from './errors';

export type FieldKind = 'number' | 'percent' | 'text' | 'date' | 'select';

export interface FieldDef {
  /** Query-parameter name: short, ASCII, stable forever once published. */
  key: string;
  kind: FieldKind;
  /** Text the field starts with (and returns to on reset). */
  default: string;
  /** Allowed values of a `select`. */
  options?: readonly string[];
  /** An empty number field means "not given" (value null) instead of an error. */
  optional?: boolean;
  /** A text field that takes several lines (pasted lists). */
  multiline?: boolean;
}

export type RawState = Record<string, string>;

export const STATE_VERSION = 1;
export const MAX_FIELD_LENGTH = 2000;
export const storageKey = (id: string) => `playbook:calc:${id}`;

// C0/C1 controls except tab and newline (which a multi-line paste may contain).
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export const defaults = (fields: readonly FieldDef[]): RawState =>
  Object.fromEntries(fields.map((f) => [f.key, f.default]));

const wellFormed = (text: string) => text.length <= MAX_FIELD_LENGTH && !CONTROL.test(text);

/** Text that a link may carry for this field: something the field itself would accept. */
function acceptableInLink(field: FieldDef, text: string): boolean {
  if (!wellFormed(text)) return false;
  switch (field.kind) {
    case 'number':
      return (field.optional === true && text.trim() === '') || parseNumber(text).ok;
    case 'percent':
      return (field.optional === true && text.trim() === '') || parseNumber(text, { percent: true }).ok;
    case 'select':
      return (field.options ?? []).includes(text);
    case 'date':
      return ISO_DATE.test(text);
    case 'text':
      return true;
  }
}

export interface Restored {
  state: RawState;
  /** Where the state came from. */
  from: 'link' | 'saved' | 'defaults';
  /** Keys of link parameters that were refused. */
  rejected: string[];
  /** Keys whose text the link supplied (accepted). The island saves these as the planner's own state. */
  linked: string[];
  /** Saved state existed but could not be used (corrupt, tampered or from a newer version). */
  savedBroken: boolean;
}

/**
 * Starting state: the link's parameters if it has any for this calculator, else saved state, else defaults.
 * Example: fields arpu (number, "100") and margin (percent, "60"); search `?arpu=80&margin=abc` →
 * `{ state: { arpu: "80", margin: "60" }, from: "link", rejected: ["margin"], linked: ["arpu"], savedBroken: false }`.
 */
export function restore(fields: readonly FieldDef[], search: string, saved: string | null): Restored {
  const params = new URLSearchParams(search);
  const fromSaved = saved === null ? null : readSaved(fields, saved);
  const savedBroken = saved !== null && fromSaved === null;
  const base = { ...defaults(fields), ...fromSaved };
  const inLink = fields.filter((f) => params.has(f.key));
  if (inLink.length > 0) {
    const rejected: string[] = [];
    const linked: string[] = [];
    for (const f of inLink) {
      const text = params.get(f.key) ?? '';
      if (acceptableInLink(f, text)) {
        base[f.key] = text;
        linked.push(f.key);
      } else rejected.push(f.key);
    }
    return { state: base, from: 'link', rejected, linked, savedBroken };
  }
  if (fromSaved) return { state: base, from: 'saved', rejected: [], linked: [], savedBroken };
  return { state: base, from: 'defaults', rejected: [], linked: [], savedBroken };
}

function readSaved(fields: readonly FieldDef[], saved: string): RawState | null {
  let data: unknown;
  try {
    data = JSON.parse(saved);
  } catch {
    return null;
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return null;
  const record = data as Record<string, unknown>;
  // v0 had no envelope: the field map itself.
  const version = 'v' in record ? record.v : 0;
  const map = version === 0 ? record : record.fields;
  if ((version !== 0 && version !== STATE_VERSION) || typeof map !== 'object' || map === null) return null;
  const out: RawState = {};
  for (const f of fields) {
    const value = (map as Record<string, unknown>)[f.key];
    if (value === undefined) continue;
    if (typeof value !== 'string' || !wellFormed(value)) return null;
    if (f.kind === 'select' && !(f.options ?? []).includes(value)) return null;
    out[f.key] = value;
  }
  return out;
}

/** What goes into localStorage. */
export const serialize = (state: RawState): string => JSON.stringify({ v: STATE_VERSION, fields: state });

/**
 * The query string that reproduces `state` exactly: every field, in the order of `fields`.
 * Example: `{ arpu: "80", margin: "60" }` → `?arpu=80&margin=60`.
 */
export function toQuery(fields: readonly FieldDef[], state: RawState): string {
  const params = new URLSearchParams();
  for (const f of fields) params.set(f.key, state[f.key] ?? f.default);
  return `?${params.toString()}`;
}

export type FieldResult = { ok: true; value: number | string | null } | { ok: false; error: ParseErrorCode };

/** Reads each field's text as the value the library takes (percent text → fraction). */
export function readFields(fields: readonly FieldDef[], state: RawState): Record<string, FieldResult> {
  const out: Record<string, FieldResult> = {};
  for (const f of fields) {
    const text = state[f.key] ?? f.default;
    if ((f.kind === 'number' || f.kind === 'percent') && f.optional === true && text.trim() === '') {
      out[f.key] = { ok: true, value: null };
    } else if (f.kind === 'number' || f.kind === 'percent') {
      const r = parseNumber(text, { percent: f.kind === 'percent' });
      out[f.key] = r.ok ? { ok: true, value: r.value } : r;
    } else if (f.kind === 'date') {
      out[f.key] = ISO_DATE.test(text.trim()) ? { ok: true, value: text.trim() } : { ok: false, error: text.trim() ? 'invalid' : 'empty' };
    } else if (f.kind === 'select') {
      out[f.key] = (f.options ?? []).includes(text) ? { ok: true, value: text } : { ok: false, error: 'invalid' };
    } else {
      out[f.key] = { ok: true, value: text };
    }
  }
  return out;
}

/**
 * A fraction as the text a percent field shows: `percentText(0.1)` → `"10"`, `percentText(0.075)` → `"7.5"`.
 * Rounded to 10 significant digits so binary noise (0.07 × 100 = 7.000000000000001) never reaches the form.
 */
export const percentText = (fraction: number): string => String(Number((fraction * 100).toPrecision(10)));
