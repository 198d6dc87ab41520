/**
 * 社群体检 / Health check: a planner opens an activity export (CSV or TSV in any common encoding, or an
 * Excel workbook), confirms
 * which columns hold the member and the date, and sees stickiness, cohort retention, tiers and the at-risk
 * list. The file is read and analysed by a worker in this browser; nothing is uploaded or stored.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { DEFAULT_UTC_OFFSET_MINUTES, todayAt } from '../../lib/event-rows';
import { parseNumber } from '../../lib/parse';
import { activityOptionsSchema } from '../../lib/activity';
import { validate } from '../../lib/validate';
import { compute } from '../calculators/useCalculator';
import { issueText } from '../calculators/parts';
import { SOURCE_DEFAULTS } from '../../lib/defaults';
import { formatNumber, formatPercent, parenthetical, withColon, type Locale } from '../../lib/format';
import { fill } from '../../i18n/fill';
import { provideStrings, ui, type CalcStrings } from '../calculators/strings';
import { FORMAT_LABELS } from '../../lib/health/readers/detect';
import { MAX_FILE_BYTES, type Analysis, type ChatFailure, type FailureCode, type FromWorker, type Preview } from './protocol';
import { HealthResults } from './HealthResults';
import '../calculators/calculators.css';
import './health.css';

type Stage =
  | { kind: 'idle' }
  | { kind: 'reading'; file: File }
  | { kind: 'mapping'; file: File; preview: Preview }
  | { kind: 'analyzing'; file: File; preview: Preview; phase: 'read' | 'parse' | 'analyze'; fraction: number }
  | { kind: 'done'; file: File; preview: Preview; analysis: Analysis }
  | { kind: 'failed'; file: File | null; code: FailureCode | 'sample'; chat?: ChatFailure };

/** UTC offsets offered for date-times with a zone and for timestamps, in minutes east of UTC. */
const OFFSETS = [-480, -300, 0, 60, 330, 420, 480, 540, 600];
const SAMPLE_URL = '/samples/health-check-sample.csv';

export default function HealthCheck({ locale, strings }: { locale: Locale; strings: CalcStrings }) {
  provideStrings(locale, strings);
  const t = ui[locale].health;
  const c = ui[locale].common;
  const formatLabel = (format: keyof typeof FORMAT_LABELS) => FORMAT_LABELS[format][locale === 'zh-CN' ? 'zh' : 'en'];
  const failureText = (code: FailureCode | 'sample', chat?: ChatFailure) =>
    code === 'chat_unreadable' && chat
      ? fill(t.failures.chat_unreadable, { format: formatLabel(chat.format), reason: t.chatReasons[chat.reason], detail: chat.detail ? parenthetical(chat.detail, locale) : '' })
      : t.failures[code];
  const [stage, setStage] = useState<Stage>({ kind: 'idle' });
  const [member, setMember] = useState(0);
  const [date, setDate] = useState(0);
  const [hasHeader, setHasHeader] = useState(true);
  const [offset, setOffset] = useState(DEFAULT_UTC_OFFSET_MINUTES);
  const [inactive, setInactive] = useState(String(SOURCE_DEFAULTS.inactiveDays.value));
  const [status, setStatus] = useState('');
  const [dragging, setDragging] = useState(false);
  const worker = useRef<Worker | null>(null);
  const stageRef = useRef(stage);
  stageRef.current = stage;

  useEffect(() => () => worker.current?.terminate(), []);

  // Read and checked like every calculator field: the bounds are the library schema's, the words issueText's.
  const inactiveDays = compute({ inactiveDays: parseNumber(inactive) }, (v) => validate(activityOptionsSchema, { inactiveDays: v.inactiveDays }).inactiveDays);
  const inactiveIssue = inactiveDays.errors.inactiveDays;
  const inactiveError = inactiveIssue ? issueText(inactiveIssue, locale) : null;

  const startWorker = () => {
    worker.current?.terminate();
    const w = new Worker(new URL('./analysis-worker.ts', import.meta.url), { type: 'module' });
    w.onmessage = (e: MessageEvent<FromWorker>) => {
      const m = e.data;
      const s = stageRef.current;
      if (m.type === 'preview' && s.kind === 'reading' && m.preview.chat) {
        setStage({ kind: 'mapping', file: s.file, preview: m.preview });
        setStatus(fill(t.readAs, { format: formatLabel(m.preview.chat.format) }));
      } else if (m.type === 'preview' && s.kind === 'reading') {
        setMember(m.preview.guess.member ?? 0);
        setDate(m.preview.guess.date ?? Math.min(1, (m.preview.rows[0]?.length ?? 1) - 1));
        setHasHeader(m.preview.guess.hasHeader);
        setStage({ kind: 'mapping', file: s.file, preview: m.preview });
        setStatus(m.preview.format === 'xlsx' ? fill(t.previewReadyXlsx, { name: s.file.name }) : fill(t.previewReady, { name: s.file.name, encoding: t.encodings[m.preview.encoding] }));
      } else if (m.type === 'progress' && s.kind === 'analyzing') {
        setStage({ ...s, phase: m.phase, fraction: m.fraction });
      } else if (m.type === 'done' && s.kind === 'analyzing') {
        setStage({ kind: 'done', file: s.file, preview: s.preview, analysis: m.analysis });
        const h = m.analysis.health;
        const chat = m.analysis.chat;
        if (chat) setStatus(fill(t.chatDoneStatus, { speakers: formatNumber(chat.speakers, locale), messages: formatNumber(chat.messages, locale) }));
        else setStatus(h ? fill(t.doneStatus, { members: formatNumber(h.report.members, locale), bad: formatNumber(m.analysis.rows - m.analysis.events, locale) }) : t.noEvents);
      } else if (m.type === 'failed') {
        setStage({ kind: 'failed', file: 'file' in s ? s.file : null, code: m.code, chat: m.chat });
        setStatus(failureText(m.code, m.chat));
      }
    };
    w.onerror = () => {
      const s = stageRef.current;
      setStage({ kind: 'failed', file: 'file' in s ? s.file : null, code: 'unreadable' });
      setStatus(t.failures.unreadable);
    };
    worker.current = w;
    return w;
  };

  const open = (file: File) => {
    if (file.size > MAX_FILE_BYTES) {
      worker.current?.terminate();
      worker.current = null;
      setStage({ kind: 'failed', file, code: 'too_large' });
      setStatus(t.failures.too_large);
      return;
    }
    setStage({ kind: 'reading', file });
    setStatus(fill(t.reading, { name: file.name }));
    startWorker().postMessage({ type: 'preview', file });
  };

  const loadSample = async () => {
    try {
      const res = await fetch(SAMPLE_URL);
      if (!res.ok) throw new Error(String(res.status));
      open(new File([await res.blob()], t.sampleName, { type: 'text/csv' }));
    } catch {
      setStage({ kind: 'failed', file: null, code: 'sample' });
      setStatus(t.failures.sample);
    }
  };

  const analyze = () => {
    const s = stageRef.current;
    if ((s.kind !== 'mapping' && s.kind !== 'done') || inactiveDays.result === null || (!s.preview.chat && member === date)) return;
    setStage({ kind: 'analyzing', file: s.file, preview: s.preview, phase: 'read', fraction: 0 });
    setStatus(t.analyzing);
    const w = worker.current ?? startWorker();
    w.postMessage({
      type: 'analyze',
      file: s.file,
      settings: { format: s.preview.format, encoding: s.preview.encoding, delimiter: s.preview.delimiter, member, date, hasHeader, offsetMinutes: offset, inactiveDays: inactiveDays.result, today: todayAt(offset), chat: s.preview.chat?.format },
    });
  };

  const cancel = () => {
    const s = stageRef.current;
    if (s.kind !== 'analyzing') return;
    // The worker is busy parsing and cannot listen: stopping it is the only immediate cancel.
    worker.current?.terminate();
    worker.current = null;
    setStage({ kind: 'mapping', file: s.file, preview: s.preview });
    setStatus(t.cancelled);
  };

  const restart = () => {
    worker.current?.terminate();
    worker.current = null;
    setStage({ kind: 'idle' });
    setStatus('');
  };

  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setDragging(false);
    const file = e.dataTransfer?.files[0];
    if (file) open(file);
  };

  const preview = 'preview' in stage ? stage.preview : null;
  const width = preview ? Math.max(...preview.rows.map((r) => r.length)) : 0;
  const columnName = (i: number) => {
    const head = preview && hasHeader ? (preview.rows[0]?.[i] ?? '').trim() : '';
    return head ? fill(t.columnNamed, { n: i + 1, name: head }) : fill(t.columnN, { n: i + 1 });
  };
  const shownRows = preview ? preview.rows.slice(0, hasHeader ? 6 : 5) : [];

  return (
    <div class="calc health not-content" data-calc="health-check">
      <p class="sr-only" aria-live="polite" data-testid="health-status">
        {status}
      </p>
      {stage.kind === 'idle' || stage.kind === 'failed' || stage.kind === 'reading' ? (
        <section class="health-open" aria-label={t.openTitle}>
          <div
            class={`health-drop${dragging ? ' health-drop--over' : ''}`}
            onDragOver={(e) => {
              e.preventDefault();
              setDragging(true);
            }}
            onDragLeave={() => setDragging(false)}
            onDrop={onDrop}
          >
            <p class="health-drop-title">{t.dropTitle}</p>
            <label class="health-file calc-file-button">
              <span>{t.pick}</span>
              <input
                type="file"
                accept=".csv,.tsv,.txt,.xlsx,.json,.jsonl,application/json,text/csv,text/tab-separated-values,text/plain,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                onChange={(e) => {
                  const file = (e.target as HTMLInputElement).files?.[0];
                  if (file) open(file);
                  (e.target as HTMLInputElement).value = '';
                }}
              />
            </label>
            <button type="button" onClick={loadSample}>
              {t.sample}
            </button>
            <p class="calc-hint">{t.privacy}</p>
          </div>
          {stage.kind === 'reading' ? (
            <p class="health-progress-text">
              {/* No value: an indeterminate bar; a workbook is read whole before anything can be shown. */}
              <progress aria-labelledby="health-reading" /> <span id="health-reading">{fill(t.reading, { name: stage.file.name })}</span>
              {/\.xlsx$/i.test(stage.file.name) ? ` ${t.readingXlsx}` : ''}
            </p>
          ) : null}
          {stage.kind === 'failed' ? (
            <p class="calc-error health-failure" role="alert">
              {stage.file ? withColon(stage.file.name, locale) : ''}
              {failureText(stage.code, stage.chat)}
            </p>
          ) : null}
        </section>
      ) : null}

      {preview && stage.kind !== 'reading' && stage.kind !== 'failed' && stage.kind !== 'idle' ? (
        <section class="health-map" aria-labelledby="health-map-title">
          <h2 id="health-map-title">{preview.chat ? t.chatMapTitle : t.mapTitle}</h2>
          {preview.chat ? (
            <>
              <p class="health-format" data-testid="health-format">
                <strong>{fill(t.readAs, { format: formatLabel(preview.chat.format) })}</strong>
              </p>
              <p class="health-file-facts">{fill(t.chatFacts, { name: stage.file.name, size: formatNumber(stage.file.size / 1024, locale, { maximumFractionDigits: 0 }) })}</p>
              <p class="calc-hint">{t.chatNote}</p>
            </>
          ) : (
            <>
              <p class="health-file-facts" data-testid="health-encoding">
                {fill(preview.format === 'xlsx' ? t.fileFactsXlsx : t.fileFacts, {
                  name: stage.file.name,
                  size: formatNumber(stage.file.size / 1024, locale, { maximumFractionDigits: 0 }),
                  encoding: t.encodings[preview.encoding],
                  bom: preview.bom ? t.withBom : '',
                  delimiter: t.delimiters[preview.delimiter as keyof typeof t.delimiters] ?? preview.delimiter,
                })}
              </p>
              <div class="health-scroll" tabIndex={0} role="region" aria-label={t.previewLabel}>
                <table class="health-preview">
                  <caption>{t.previewLabel}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t.row}</th>
                      {Array.from({ length: width }, (_, i) => (
                        <th scope="col" key={i} class={i === member ? 'is-member' : i === date ? 'is-date' : undefined}>
                          {fill(t.columnN, { n: i + 1 })}
                          {i === member ? ` · ${t.memberColumn}` : i === date ? ` · ${t.dateColumn}` : ''}
                        </th>
                      ))}
                    </tr>
                  </thead>
                  <tbody>
                    {shownRows.map((r, line) => (
                      <tr key={line} class={hasHeader && line === 0 ? 'is-header' : undefined}>
                        <th scope="row">{preview.lines[line] ?? line + 1}</th>
                        {Array.from({ length: width }, (_, i) => (
                          <td key={i}>{r[i] ?? ''}</td>
                        ))}
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </>
          )}
          <form class="calc-inputs health-settings" onSubmit={(e) => (e.preventDefault(), analyze())} aria-label={preview.chat ? t.chatMapTitle : t.mapTitle}>
            {preview.chat ? null : (
              <>
                <div class="calc-field">
                  <label for="health-member">{t.memberColumn}</label>
                  <select id="health-member" value={member} onChange={(e) => setMember(Number((e.target as HTMLSelectElement).value))}>
                    {Array.from({ length: width }, (_, i) => (
                      <option value={i} key={i}>
                        {columnName(i)}
                      </option>
                    ))}
                  </select>
                </div>
                <div class="calc-field">
                  <label for="health-date">{t.dateColumn}</label>
                  <select
                    id="health-date"
                    value={date}
                    aria-invalid={member === date ? 'true' : undefined}
                    aria-describedby={member === date ? 'health-date-err' : 'health-date-hint'}
                    onChange={(e) => setDate(Number((e.target as HTMLSelectElement).value))}
                  >
                    {Array.from({ length: width }, (_, i) => (
                      <option value={i} key={i}>
                        {columnName(i)}
                      </option>
                    ))}
                  </select>
                  {member === date ? (
                    <p class="calc-error" id="health-date-err">
                      {t.sameColumn}
                    </p>
                  ) : (
                    <p class="calc-hint" id="health-date-hint">
                      {t.dateFormats}
                    </p>
                  )}
                </div>
                <div class="calc-field health-check-field">
                  <label>
                    <input type="checkbox" checked={hasHeader} onChange={(e) => setHasHeader((e.target as HTMLInputElement).checked)} /> {t.hasHeader}
                  </label>
                </div>
              </>
            )}
            <div class="calc-field">
              <label for="health-offset">{t.timeZone}</label>
              <select id="health-offset" value={offset} aria-describedby="health-offset-hint" onChange={(e) => setOffset(Number((e.target as HTMLSelectElement).value))}>
                {OFFSETS.map((o) => (
                  <option value={o} key={o}>
                    {t.offsets[String(o) as keyof typeof t.offsets]}
                  </option>
                ))}
              </select>
              <p class="calc-hint" id="health-offset-hint">
                {t.timeZoneHint}
              </p>
            </div>
            <div class={`calc-field${inactiveError ? ' calc-field--invalid' : ''}`}>
              <label for="health-inactive">
                {t.inactiveDays}
                <span class="calc-unit">{parenthetical(t.days, locale)}</span>
              </label>
              <input
                id="health-inactive"
                type="text"
                inputMode="numeric"
                autoComplete="off"
                value={inactive}
                aria-invalid={inactiveError ? 'true' : undefined}
                aria-describedby={inactiveError ? 'health-inactive-err health-inactive-def' : 'health-inactive-def'}
                onInput={(e) => setInactive((e.target as HTMLInputElement).value)}
              />
              {inactiveError ? (
                <p class="calc-error" id="health-inactive-err">
                  {inactiveError}
                </p>
              ) : null}
              <p class="calc-default" id="health-inactive-def">
                <span class="calc-badge">{c.sourceDefault}</span> {SOURCE_DEFAULTS.inactiveDays.note[locale]}
              </p>
            </div>
            <div class="health-buttons">
              <button type="submit" class="health-primary" disabled={stage.kind === 'analyzing' || (!preview.chat && member === date) || inactiveError !== null}>
                {stage.kind === 'done' ? t.reanalyze : t.analyze}
              </button>
              <button type="button" onClick={restart} disabled={stage.kind === 'analyzing'}>
                {t.otherFile}
              </button>
            </div>
          </form>
        </section>
      ) : null}

      {stage.kind === 'analyzing' ? (
        <section class="health-running" aria-label={t.analyzing}>
          <label for="health-progress">{t.phases[stage.phase]}</label>
          <progress id="health-progress" max={1} value={stage.fraction} />
          <span class="health-progress-text">{formatPercent(stage.fraction, locale, { maximumFractionDigits: 0 })}</span>
          <button type="button" onClick={cancel}>
            {t.cancel}
          </button>
        </section>
      ) : null}

      {stage.kind === 'done' ? <HealthResults locale={locale} file={stage.file} analysis={stage.analysis} /> : null}
    </div>
  );
}

