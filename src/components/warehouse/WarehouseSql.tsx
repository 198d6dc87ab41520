/**
 * The warehouse page's island: the mapping as labelled fields, the SQL for the chosen engine, a copy button,
 * and where to take the query's result (the health check, which reads it as a warehouse summary).
 * All SQL comes from `warehouseSql` (src/lib/warehouse); this file only turns text fields into its input
 * and its `InputError` back into messages next to the fields.
 */
import { useMemo, useState } from 'preact/hooks';
import { describeIssue, InputError, type InputIssue } from '../../lib/errors';
import type { Locale } from '../../lib/format';
import { DIALECT_SQL, DIALECTS, TIME_TYPES, warehouseSql, type MappingInput } from '../../lib/warehouse';
import { fill } from '../../i18n/fill';
import type { UiStrings } from '../../i18n';
import '../calculators/calculators.css';
import './warehouse.css';

type Strings = Pick<UiStrings, 'warehouse'>;
type Key = keyof UiStrings['warehouse']['fields'];

const START: Record<Key, string> = {
  dialect: 'duckdb',
  table: 'events',
  member: 'member_id',
  time: 'created_at',
  timeType: 'timestamp',
  offset: '8',
  asOf: '',
  inactiveDays: '3',
  staff: '',
  group: '',
};

/** The field each mapping path belongs to. */
const FIELD_OF: Record<string, Key> = { offsetMinutes: 'offset' };

/** Text fields → the library's input; a number that cannot be read is reported here, in the field's terms. */
function toMapping(v: Record<Key, string>): { input: MappingInput; issues: InputIssue[] } {
  const issues: InputIssue[] = [];
  const num = (key: Key, text: string) => {
    const t = text.trim();
    if (!/^[+-]?\d+(\.\d+)?$/.test(t)) issues.push({ path: key, code: t === '' ? 'required' : 'not_a_number' });
    return Number(t);
  };
  const hours = num('offset', v.offset);
  const days = num('inactiveDays', v.inactiveDays);
  const input: MappingInput = {
    dialect: v.dialect as MappingInput['dialect'],
    table: v.table,
    member: v.member,
    time: v.time,
    timeType: v.timeType as MappingInput['timeType'],
    offsetMinutes: Math.round(hours * 600) / 10,
    inactiveDays: days,
    staff: v.staff.split('\n').map((s) => s.trim()).filter(Boolean),
  };
  if (v.asOf.trim()) input.asOf = v.asOf.trim();
  if (v.group.trim()) input.group = v.group;
  return { input, issues };
}

export default function WarehouseSql({ locale, strings }: { locale: Locale; strings: Strings }) {
  const t = strings.warehouse;
  const [values, setValues] = useState(START);
  const [status, setStatus] = useState('');
  const set = (key: Key, text: string) => {
    setValues((v) => ({ ...v, [key]: text }));
    setStatus('');
  };

  const { sql, errors } = useMemo(() => {
    const { input, issues } = toMapping(values);
    const errs: Partial<Record<Key, InputIssue>> = {};
    for (const i of issues) errs[i.path as Key] ??= i;
    try {
      if (issues.length) throw new InputError([]);
      return { sql: warehouseSql(input), errors: errs };
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      for (const i of e.issues) {
        const key = FIELD_OF[i.path] ?? (i.path.split('.')[0] as Key);
        // Offsets are typed in hours; the library's bounds are minutes.
        errs[key] ??= key === 'offset' && i.limit !== undefined ? { ...i, limit: i.limit / 60 } : i;
      }
      return { sql: null, errors: errs };
    }
  }, [values]);

  const engine = t.dialects[values.dialect as keyof typeof t.dialects];
  const tested = DIALECT_SQL[values.dialect as keyof typeof DIALECT_SQL].engineTested;

  const copy = async () => {
    if (!sql) return;
    try {
      await navigator.clipboard.writeText(sql);
      setStatus(t.copied);
    } catch {
      setStatus(t.copyFailed);
    }
  };

  const field = (key: Key, kind: 'text' | 'select' | 'textarea' = 'text', options?: readonly string[], names?: Record<string, string>) => {
    const id = `warehouse-${key}`;
    const error = errors[key];
    const common = { id, name: key, 'aria-invalid': error ? ('true' as const) : undefined, 'aria-describedby': error ? `${id}-err` : undefined };
    return (
      <div class={`calc-field${error ? ' calc-field--invalid' : ''}${kind === 'textarea' ? ' warehouse-wide' : ''}`}>
        <label for={id}>{t.fields[key]}</label>
        {kind === 'select' ? (
          <select {...common} value={values[key]} onChange={(e) => set(key, (e.target as HTMLSelectElement).value)}>
            {options!.map((o) => (
              <option value={o} key={o}>
                {names![o]}
              </option>
            ))}
          </select>
        ) : kind === 'textarea' ? (
          <textarea {...common} rows={3} spellcheck={false} value={values[key]} onInput={(e) => set(key, (e.target as HTMLTextAreaElement).value)} />
        ) : (
          <input {...common} type="text" autoComplete="off" spellcheck={false} value={values[key]} onInput={(e) => set(key, (e.target as HTMLInputElement).value)} />
        )}
        {error ? (
          <p class="calc-error" id={`${id}-err`}>
            {error.code === 'not_a_number' ? t.notANumber : describeIssue(error, locale)}
          </p>
        ) : null}
      </div>
    );
  };

  return (
    <div class="calc not-content warehouse" data-calc="warehouse">
      <h2 class="calc-section-title" id="warehouse-mapping">{t.sections.mapping}</h2>
      <form class="calc-inputs" aria-labelledby="warehouse-mapping" onSubmit={(e) => e.preventDefault()}>
        {field('dialect', 'select', DIALECTS, t.dialects)}
        {field('table')}
        {field('member')}
        {field('time')}
        {field('timeType', 'select', TIME_TYPES, t.timeTypes)}
        {field('offset')}
        {field('asOf')}
        {field('inactiveDays')}
        {field('group')}
        {field('staff', 'textarea')}
      </form>
      <h2 class="calc-section-title" id="warehouse-sql">{t.sections.sql}</h2>
      {/* Only the short note is announced: the SQL itself would be read out in full at every key. */}
      <p aria-live="polite" class={sql ? `warehouse-note ${tested ? 'warehouse-note--tested' : 'warehouse-note--untested'}` : 'calc-fix'}>
        {sql ? fill(tested ? t.tested : t.untested, { engine }) : t.fixFields}
      </p>
      {sql ? (
        <pre class="warehouse-sql" tabIndex={0} aria-label={fill(t.sqlLabel, { engine })}>
          <code>{sql}</code>
        </pre>
      ) : null}
      <div class="calc-actions">
        <button type="button" onClick={copy} disabled={!sql}>
          {t.copy}
        </button>
        <p class="calc-action-status" role="status">
          {status}
        </p>
      </div>
      <h2 class="calc-section-title" id="warehouse-import">{t.sections.import}</h2>
      <p>{t.importText}</p>
      <p>
        <a class="warehouse-import-link" href={`${locale === 'en' ? '/en' : ''}/calculators/health-check/`} data-testid="warehouse-import-link">
          {t.importLink}
        </a>
      </p>
    </div>
  );
}
