/** The building blocks every calculator island is made of: fields, notices, results, formulas, actions. */
import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { FieldDef, RawState } from '../../lib/calc-state';
import { SOURCE_DEFAULTS, type SourceDefaultKey } from '../../lib/defaults';
import { messageFor, type InputIssue } from '../../lib/errors';
import { formatNumber, formatPercent, parenthetical, type Locale } from '../../lib/format';
import { fill } from '../../i18n/fill';
import { ui } from './strings';
import { downloadCsv, downloadJson, type ExportRow } from './export';
import { printWithCharts } from './print-charts';
import type { Notice } from './useCalculator';

// Every calculator and the plan builder import this module. Yielding once here puts the evaluation of the
// island's code and its hydration in separate tasks instead of one long one (Lighthouse's Total Blocking
// Time on a throttled phone): Astro hydrates when the dynamic import resolves, which waits for this.
await new Promise((resolve) => setTimeout(resolve, 0));

/**
 * An issue in words; bounds of percent fields are shown as percentages, and text that is not a number
 * comes with examples of what the field does read (1.2万 and 12k, or 15 and 15%).
 */
export function issueText(issue: InputIssue, locale: Locale, kind: FieldDef['kind'] = 'number'): string {
  const base = messageFor(issue.code, locale);
  if (issue.code === 'invalid' && (kind === 'number' || kind === 'percent')) {
    return base + ui[locale].common[kind === 'percent' ? 'percentExamples' : 'numberExamples'];
  }
  if (issue.limit === undefined || issue.code === 'not_a_share') return base;
  const bound = kind === 'percent' ? formatPercent(issue.limit, locale) : formatNumber(issue.limit, locale);
  const atMost = issue.code !== 'too_small' && issue.code !== 'too_few_points';
  return locale === 'zh-CN' ? `${base}（${atMost ? '最多' : '至少'} ${bound}）` : `${base} (${atMost ? 'at most' : 'at least'} ${bound})`;
}

interface FieldProps {
  calc: string;
  def: FieldDef;
  label: string;
  unit?: string;
  text: string;
  error?: InputIssue | undefined;
  locale: Locale;
  /** The default is a documented planning default: say which and why next to the field. */
  source?: SourceDefaultKey;
  hint?: string;
  options?: Record<string, string>;
  onInput: (key: string, text: string) => void;
}

export function Field({ calc, def, label, unit, text, error, locale, source, hint, options, onInput }: FieldProps) {
  const id = `${calc}-${def.key}`;
  const t = ui[locale].common;
  const documented = source ? SOURCE_DEFAULTS[source] : undefined;
  const badge = documented
    ? documented.source === 'source-plan'
      ? t.sourceDefault
      : documented.source === 'platform'
        ? t.platformLimit
        : t.editorialDefault
    : undefined;
  const describedBy = [error && `${id}-err`, documented && `${id}-def`, hint && `${id}-hint`].filter(Boolean).join(' ') || undefined;
  const common = {
    id,
    name: def.key,
    'aria-invalid': error ? ('true' as const) : undefined,
    'aria-describedby': describedBy,
  };
  return (
    <div class={`calc-field${error ? ' calc-field--invalid' : ''}`}>
      <label for={id}>
        {label}
        {unit ? <span class="calc-unit">{parenthetical(unit, locale)}</span> : null}
      </label>
      {def.kind === 'select' ? (
        <select {...common} value={text} onChange={(e) => onInput(def.key, (e.target as HTMLSelectElement).value)}>
          {(def.options ?? []).map((o) => (
            <option value={o} key={o}>
              {options?.[o] ?? o}
            </option>
          ))}
        </select>
      ) : def.multiline ? (
        <textarea {...common} rows={4} spellcheck={false} value={text} onInput={(e) => onInput(def.key, (e.target as HTMLTextAreaElement).value)} />
      ) : (
        <input
          {...common}
          type={def.kind === 'date' ? 'date' : 'text'}
          inputMode={def.kind === 'number' || def.kind === 'percent' ? 'decimal' : undefined}
          autoComplete="off"
          spellcheck={false}
          value={text}
          onInput={(e) => onInput(def.key, (e.target as HTMLInputElement).value)}
        />
      )}
      {error ? (
        <p class="calc-error" id={`${id}-err`}>
          {issueText(error, locale, def.kind)}
        </p>
      ) : null}
      {documented && badge ? (
        <p class="calc-default" id={`${id}-def`}>
          <span class="calc-badge">{badge}</span> {documented.note[locale]}
        </p>
      ) : null}
      {hint ? (
        <p class="calc-hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
    </div>
  );
}

export function NoticeBar({ notice, locale, labels, onDismiss }: { notice: Notice; locale: Locale; labels: Record<string, string>; onDismiss: () => void }) {
  const t = ui[locale].common;
  if (!notice) return null;
  const text =
    notice.kind === 'link'
      ? fill(t.noticeLink, { fields: new Intl.ListFormat(locale, { type: 'conjunction' }).format(notice.fields.map((k) => labels[k] ?? k)) })
      : notice.kind === 'saved'
        ? t.noticeSaved
        : t.resetDone;
  return (
    <div class={`calc-notice calc-notice--${notice.kind}`} role="status">
      <p>{text}</p>
      <button type="button" onClick={onDismiss}>
        {t.dismiss}
      </button>
    </div>
  );
}

/** Result figures. The summary sentence is announced politely, a moment after typing stops. */
/** `label` names the region when a page has more than one (landmarks must be unique); default "结果"/"Results". */
export function Results({ locale, summary, children, errors, label }: { locale: Locale; summary: string | null; errors: boolean; children: ComponentChildren; label?: string }) {
  const t = ui[locale].common;
  const [spoken, setSpoken] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setSpoken(errors ? t.fixFields : (summary ?? '')), 600);
    return () => clearTimeout(timer);
  }, [summary, errors]);
  return (
    <section class="calc-results" aria-label={label ?? t.results}>
      <p class="sr-only" aria-live="polite">
        {spoken}
      </p>
      {errors ? <p class="calc-fix">{t.fixFields}</p> : children}
    </section>
  );
}

export function Stat({ label, value, verdict, note }: { label: string; value: string; verdict?: 'ok' | 'bad' | 'warn' | undefined; note?: string | undefined }) {
  return (
    <div class={`calc-stat${verdict ? ` calc-stat--${verdict}` : ''}`}>
      <dt>{label}</dt>
      <dd>
        <span class="calc-stat-value">{value}</span>
        {note ? <span class="calc-stat-note">{note}</span> : null}
      </dd>
    </div>
  );
}

export function Formula({ locale, lines, assumptions }: { locale: Locale; lines: readonly string[]; assumptions: readonly string[] }) {
  const t = ui[locale].common;
  return (
    <details class="calc-formula">
      <summary>{t.howComputed}</summary>
      <ol>
        {lines.map((l) => (
          <li key={l}>{l}</li>
        ))}
      </ol>
      <p class="calc-assumptions-title">{t.assumptions}</p>
      <ul>
        {assumptions.map((a) => (
          <li key={a}>{a}</li>
        ))}
      </ul>
    </details>
  );
}

export function Actions({
  locale,
  calc,
  state,
  rows,
  inputs,
  linkUrl,
  onReset,
}: {
  locale: Locale;
  calc: string;
  state: RawState;
  rows: ExportRow[] | null;
  /** The inputs for the CSV (see `inputRows`). */
  inputs?: ExportRow[];
  linkUrl: () => string;
  onReset: () => void;
}) {
  const t = ui[locale].common;
  const [status, setStatus] = useState('');
  const copy = async () => {
    const url = linkUrl();
    try {
      await navigator.clipboard.writeText(url);
      setStatus(t.linkCopied);
    } catch {
      setStatus(t.linkCopyFailed);
    }
  };
  return (
    <div class="calc-actions" role="group" aria-label={t.actions}>
      <button type="button" onClick={copy}>
        {t.copyLink}
      </button>
      <button type="button" disabled={!rows} onClick={() => rows && downloadCsv(calc, locale, rows, inputs)}>
        {t.exportCsv}
      </button>
      <button type="button" disabled={!rows} onClick={() => rows && downloadJson(calc, locale, state, rows, linkUrl())}>
        {t.exportJson}
      </button>
      <button type="button" onClick={() => void printWithCharts()}>
        {t.print}
      </button>
      <button type="button" class="calc-reset" onClick={onReset}>
        {t.reset}
      </button>
      <p class="calc-action-status" role="status">
        {status}
      </p>
    </div>
  );
}

/** Opens every disclosure of the calculators before printing, so formulas and data tables are on paper. */
export function usePrintOpensDetails(root: { current: HTMLElement | null }) {
  useEffect(() => {
    const open = () => root.current?.querySelectorAll('details').forEach((d) => (d.open = true));
    window.addEventListener('beforeprint', open);
    return () => window.removeEventListener('beforeprint', open);
  }, []);
}

export const useRootRef = () => useRef<HTMLDivElement>(null);

/**
 * Binds `Field` to one calculator: `const field = fieldsFor(...)`, then `field('arpu', { source: … })`.
 * Labels come from the calculator's translation table as `[label, unit]` pairs keyed by field key.
 */
export function fieldsFor(
  calc: string,
  defs: readonly FieldDef[],
  labels: Record<string, readonly string[]>,
  state: RawState,
  errors: Record<string, InputIssue>,
  locale: Locale,
  onInput: (key: string, text: string) => void,
) {
  return (key: string, extra: { source?: SourceDefaultKey | undefined; hint?: string | undefined; options?: Record<string, string> } = {}) => {
    const def = defs.find((f) => f.key === key);
    if (!def) throw new Error(`unknown field ${key}`);
    const [label = key, unit = ''] = labels[key] ?? [];
    return <Field calc={calc} def={def} label={label} unit={unit} text={state[key] ?? ''} error={errors[key]} locale={locale} onInput={onInput} {...extra} />;
  };
}

/** Field labels only, for notices: `{ arpu: 'ARPU' }`. */
export const labelsOf = (labels: Record<string, readonly string[]>) =>
  Object.fromEntries(Object.entries(labels).map(([k, v]) => [k, v[0] ?? k]));
