/**
 * 社群体检 / Health check: a planner opens an activity export (CSV or TSV in any common encoding, or an
 * Excel workbook), confirms
 * which columns hold the member and the date, and sees stickiness, cohort retention, tiers and the at-risk
 * list. Chat exports need no columns and may come several at once (files or a dropped folder): each is named
 * with its format, and the people behind the figures can be ticked as our staff. The files are read and
 * analysed by a worker in this browser; nothing is uploaded. Only the staff ticks are stored (staff-store.ts).
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
import type { ChatFormatId } from '../../lib/health/readers/detect';
import type { Analysis, ChatFailure, FailureCode, FromWorker, Preview, StreamStatus, SummaryFailure } from './protocol';
import { HealthResults } from './HealthResults';
import { FileList, formatLabel as labelOf, readAsText } from './FileList';
import { StaffPicker } from './StaffPicker';
import { loadStaff, saveStaff } from './staff-store';
import { filesFromDrop } from './drop-files';
import '../calculators/calculators.css';
import './health.css';

/** `files`: one file, or several chat exports read together. `prev`: the results kept on screen while a re-run works. */
type Stage =
  | { kind: 'idle' }
  | { kind: 'reading'; files: File[] }
  | { kind: 'mapping'; files: File[]; preview: Preview }
  | { kind: 'analyzing'; files: File[]; preview: Preview; phase: 'read' | 'parse' | 'analyze'; fraction: number; stream?: StreamStatus; prev?: Analysis }
  | { kind: 'done'; files: File[]; preview: Preview; analysis: Analysis }
  | { kind: 'failed'; files: File[]; code: FailureCode | 'sample'; chat?: ChatFailure; summary?: SummaryFailure; fileName?: string };

/** How the page names the file(s): the names of up to three, else how many (the file list names each). */
const filesName = (files: readonly File[], locale: Locale) =>
  files.length > 3 ? fill(ui[locale].health.filesCount, { n: formatNumber(files.length, locale) }) : files.map((f) => f.name).join(locale === 'zh-CN' ? '、' : ', ');

/** UTC offsets offered for date-times with a zone and for timestamps, in minutes east of UTC. */
const OFFSETS = [-480, -300, 0, 60, 330, 420, 480, 540, 600];
const SAMPLE_URL = '/samples/health-check-sample.csv';
/** What a warehouse summary stands in for: it has no rows to preview and no columns to choose. */
const SUMMARY_PREVIEW: Preview = { format: 'text', encoding: 'utf-8', bom: false, delimiter: ',', rows: [], lines: [], guess: { member: null, date: null, hasHeader: true }, warehouse: true };

export default function HealthCheck({ locale, strings }: { locale: Locale; strings: CalcStrings }) {
  provideStrings(locale, strings);
  const t = ui[locale].health;
  const c = ui[locale].common;
  const formatLabel = (format: ChatFormatId) => labelOf(format, locale);
  const failureText = (code: FailureCode | 'sample', chat?: ChatFailure, summary?: SummaryFailure, fileName?: string) =>
    code === 'columns_differ'
      ? fill(t.failures.columns_differ, { name: fileName ?? '' })
      : code === 'summary_invalid' && summary
      ? fill(t.summaryImport.failure, { reason: fill(t.summaryImport.reasons[summary.reason], { items: summary.items.join(locale === 'zh-CN' ? '、' : ', ') }) })
      : code === 'chat_unreadable' && chat
      ? (chat.fileName ? withColon(chat.fileName, locale) : '') +
        fill(t.failures.chat_unreadable, { format: formatLabel(chat.format), reason: t.chatReasons[chat.reason], detail: chat.detail ? parenthetical(chat.detail, locale) : '' })
      : t.failures[code];
  const [stage, setStage] = useState<Stage>({ kind: 'idle' });
  const [member, setMember] = useState(0);
  const [date, setDate] = useState(0);
  const [hasHeader, setHasHeader] = useState(true);
  const [offset, setOffset] = useState(DEFAULT_UTC_OFFSET_MINUTES);
  const [inactive, setInactive] = useState(String(SOURCE_DEFAULTS.inactiveDays.value));
  const [status, setStatus] = useState('');
  const [dragging, setDragging] = useState(false);
  // Staff ticks are read after hydration (the server render knows no storage).
  const [staff, setStaff] = useState<ReadonlySet<string>>(new Set());
  const [hideNames, setHideNames] = useState(false);
  useEffect(() => setStaff(loadStaff()), []);
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
        setStage({ kind: 'mapping', files: s.files, preview: m.preview });
        setStatus(readAsText(m.preview.chat.files.filter((f) => !f.problem && f.format !== 'generic').map((f) => f.format), locale));
      } else if (m.type === 'preview' && s.kind === 'reading') {
        setMember(m.preview.guess.member ?? 0);
        setDate(m.preview.guess.date ?? Math.min(1, (m.preview.rows[0]?.length ?? 1) - 1));
        setHasHeader(m.preview.guess.hasHeader);
        setStage({ kind: 'mapping', files: s.files, preview: m.preview });
        const name = s.files[0]!.name;
        setStatus(m.preview.format === 'xlsx' ? fill(t.previewReadyXlsx, { name }) : fill(t.previewReady, { name, encoding: t.encodings[m.preview.encoding] }));
      } else if (m.type === 'summary' && s.kind === 'reading') {
        setStage({ kind: 'done', files: s.files, preview: SUMMARY_PREVIEW, analysis: m.analysis });
        setStatus(`${t.summaryImport.recognised}. ${fill(t.summaryImport.doneStatus, { members: formatNumber(m.analysis.health?.report.members ?? 0, locale) })}`);
      } else if (m.type === 'progress' && s.kind === 'analyzing') {
        setStage({ ...s, phase: m.phase, fraction: m.fraction, stream: m.stream ?? s.stream });
      } else if (m.type === 'done' && s.kind === 'analyzing') {
        setStage({ kind: 'done', files: s.files, preview: s.preview, analysis: m.analysis });
        const h = m.analysis.health;
        const chat = m.analysis.chat;
        if (chat) setStatus(fill(t.chatDoneStatus, { speakers: formatNumber(chat.speakers, locale), messages: formatNumber(chat.messages, locale) }));
        else setStatus(h ? fill(t.doneStatus, { members: formatNumber(h.report.members, locale), bad: formatNumber(m.analysis.rows - m.analysis.events, locale) }) : t.noEvents);
      } else if (m.type === 'failed') {
        setStage({ kind: 'failed', files: 'files' in s ? s.files : [], code: m.code, chat: m.chat, summary: m.summary, fileName: m.fileName });
        setStatus(failureText(m.code, m.chat, m.summary, m.fileName));
      }
    };
    w.onerror = () => {
      const s = stageRef.current;
      setStage({ kind: 'failed', files: 'files' in s ? s.files : [], code: 'unreadable' });
      setStatus(t.failures.unreadable);
    };
    worker.current = w;
    return w;
  };

  const open = (files: File[]) => {
    if (files.length === 0) return;
    // Sizes are checked by the worker: a "member, date" sheet streams at any size, a chat export has a limit.
    setStage({ kind: 'reading', files });
    setStatus(fill(t.reading, { name: filesName(files, locale) }));
    startWorker().postMessage({ type: 'preview', files });
  };

  const loadSample = async () => {
    try {
      const res = await fetch(SAMPLE_URL);
      if (!res.ok) throw new Error(String(res.status));
      open([new File([await res.blob()], t.sampleName, { type: 'text/csv' })]);
    } catch {
      setStage({ kind: 'failed', files: [], code: 'sample' });
      setStatus(t.failures.sample);
    }
  };

  const analyze = (exclude: ReadonlySet<string> = staff) => {
    const s = stageRef.current;
    if ((s.kind !== 'mapping' && s.kind !== 'done') || inactiveDays.result === null || (!s.preview.chat && member === date)) return;
    setStage({ kind: 'analyzing', files: s.files, preview: s.preview, phase: 'read', fraction: 0, prev: s.kind === 'done' ? s.analysis : undefined });
    setStatus(t.analyzing);
    const w = worker.current ?? startWorker();
    w.postMessage({
      type: 'analyze',
      files: s.files,
      settings: {
        format: s.preview.format,
        encoding: s.preview.encoding,
        delimiter: s.preview.delimiter,
        member,
        date,
        hasHeader,
        offsetMinutes: offset,
        inactiveDays: inactiveDays.result,
        today: todayAt(offset),
        chat: s.preview.chat !== undefined,
        exclude: [...exclude],
      },
    });
  };

  /** A staff tick: remembered, then every figure again without them. */
  const setStaffAndRerun = (next: ReadonlySet<string>) => {
    setStaff(next);
    saveStaff(next);
    analyze(next);
  };
  const toggleStaff = (id: string, on: boolean) => {
    const next = new Set(staff);
    if (on) next.add(id);
    else next.delete(id);
    setStaffAndRerun(next);
  };

  const cancel = () => {
    const s = stageRef.current;
    if (s.kind !== 'analyzing') return;
    // The worker is busy parsing and cannot listen: stopping it is the only immediate cancel.
    worker.current?.terminate();
    worker.current = null;
    setStage({ kind: 'mapping', files: s.files, preview: s.preview });
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
    if (e.dataTransfer) void filesFromDrop(e.dataTransfer).then(open);
  };

  const preview = 'preview' in stage ? stage.preview : null;
  // The results on screen: the latest, or the previous ones while a re-run (a staff tick) works.
  const shown = stage.kind === 'done' ? stage.analysis : stage.kind === 'analyzing' ? stage.prev : undefined;
  const width = preview ? Math.max(...preview.rows.map((r) => r.length)) : 0;
  const columnName = (i: number) => {
    const head = preview && hasHeader ? (preview.rows[0]?.[i] ?? '').trim() : '';
    return head ? fill(t.columnNamed, { n: i + 1, name: head }) : fill(t.columnN, { n: i + 1 });
  };
  // guessColumns found only a column unique on almost every row (a message number): say so while it is chosen.
  const memberUnique = preview?.guess.warning === 'member_unique' && member === preview.guess.member;
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
                multiple
                accept=".csv,.tsv,.txt,.xlsx,.json,.jsonl,.zip,application/json,application/zip,text/csv,text/tab-separated-values,text/plain,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                onChange={(e) => {
                  open([...((e.target as HTMLInputElement).files ?? [])]);
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
              <progress aria-labelledby="health-reading" /> <span id="health-reading">{fill(t.reading, { name: filesName(stage.files, locale) })}</span>
              {stage.files.some((f) => /\.xlsx$/i.test(f.name)) ? ` ${t.readingXlsx}` : ''}
            </p>
          ) : null}
          {stage.kind === 'failed' ? (
            <p class="calc-error health-failure" role="alert">
              {stage.files.length > 0 && !stage.chat?.fileName && !stage.fileName ? withColon(filesName(stage.files, locale), locale) : ''}
              {failureText(stage.code, stage.chat, stage.summary, stage.fileName)}
            </p>
          ) : null}
        </section>
      ) : null}

      {preview?.warehouse && stage.kind === 'done' ? (
        <section class="health-map" aria-labelledby="health-map-title">
          <h2 id="health-map-title">{t.summaryImport.recognised}</h2>
          <p class="health-file-facts" data-testid="health-warehouse-facts">
            {fill(t.summaryImport.facts, {
              name: stage.files[0]!.name,
              rows: formatNumber(stage.analysis.rows, locale),
              asOf: stage.analysis.health?.report.asOf ?? '',
              days: formatNumber(stage.analysis.inactiveDays, locale),
              zone: stage.analysis.warehouse?.zone ?? '',
            })}
          </p>
          <p class="calc-hint">{t.summaryImport.note}</p>
          <div class="health-buttons">
            <button type="button" onClick={restart}>
              {t.otherFile}
            </button>
          </div>
        </section>
      ) : null}

      {preview && !preview.warehouse && stage.kind !== 'reading' && stage.kind !== 'failed' && stage.kind !== 'idle' ? (
        <section class="health-map" aria-labelledby="health-map-title">
          <h2 id="health-map-title">{preview.chat ? t.chatMapTitle : t.mapTitle}</h2>
          {preview.chat ? (
            <>
              <p class="health-format" data-testid="health-format">
                <strong>{readAsText(preview.chat.files.filter((f) => !f.problem && f.format !== 'generic').map((f) => f.format), locale)}</strong>
              </p>
              {stage.files.length === 1 ? (
                <p class="health-file-facts">{fill(t.chatFacts, { name: stage.files[0]!.name, size: formatNumber(stage.files[0]!.size / 1024, locale, { maximumFractionDigits: 0 }) })}</p>
              ) : (
                <FileList locale={locale} detected={preview.chat.files} read={shown?.chatFiles} />
              )}
              <p class="calc-hint">{t.chatNote}</p>
            </>
          ) : (
            <>
              <p class="health-file-facts" data-testid="health-encoding">
                {fill(preview.format === 'xlsx' ? t.fileFactsXlsx : t.fileFacts, {
                  name: stage.files[0]!.name,
                  size: formatNumber(stage.files[0]!.size / 1024, locale, { maximumFractionDigits: 0 }),
                  encoding: t.encodings[preview.encoding],
                  bom: preview.bom ? t.withBom : '',
                  delimiter: t.delimiters[preview.delimiter as keyof typeof t.delimiters] ?? preview.delimiter,
                })}
              </p>
              {preview.sheets ? (
                <p class="calc-hint" data-testid="health-sheets">
                  {fill(t.sheetsNote, { n: formatNumber(preview.sheets.files.length, locale), mb: formatNumber(preview.sheets.bytes / 1e6, locale, { maximumFractionDigits: 1 }), name: stage.files[0]!.name })}
                </p>
              ) : null}
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
                  <select
                    id="health-member"
                    value={member}
                    aria-describedby={memberUnique ? 'health-member-warn' : undefined}
                    onChange={(e) => setMember(Number((e.target as HTMLSelectElement).value))}
                  >
                    {Array.from({ length: width }, (_, i) => (
                      <option value={i} key={i}>
                        {columnName(i)}
                      </option>
                    ))}
                  </select>
                  {memberUnique ? (
                    <p class="health-warning" id="health-member-warn" data-testid="health-member-warning">
                      {t.memberUnique}
                    </p>
                  ) : null}
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
          {stage.stream ? (
            <span class="health-progress-text" data-testid="health-speed">
              {fill(t.streamSpeed, {
                rows: formatNumber(stage.stream.rows, locale),
                mb: formatNumber(stage.stream.bytes / 1e6, locale, { maximumFractionDigits: 0 }),
                total: formatNumber(stage.stream.total / 1e6, locale, { maximumFractionDigits: 0 }),
                rate: formatNumber(stage.stream.rowsPerSecond, locale, { maximumFractionDigits: 0 }),
                speed: formatNumber(stage.stream.mbPerSecond, locale, { maximumFractionDigits: 1 }),
              })}
              {stage.stream.secondsLeft === null ? '' : fill(t.streamLeft, { seconds: formatNumber(stage.stream.secondsLeft, locale) })}
            </span>
          ) : null}
          <button type="button" onClick={cancel}>
            {t.cancel}
          </button>
        </section>
      ) : null}

      {shown?.people && stage.kind !== 'mapping' ? (
        <StaffPicker
          locale={locale}
          senders={shown.people.senders}
          staff={staff}
          onToggle={toggleStaff}
          onClear={() => setStaffAndRerun(new Set())}
          hideNames={hideNames}
          onHideNames={setHideNames}
          busy={stage.kind === 'analyzing'}
        />
      ) : null}
      {shown && (stage.kind === 'done' || stage.kind === 'analyzing') ? <HealthResults locale={locale} fileName={filesName(stage.files, locale)} analysis={shown} hideNames={hideNames} /> : null}
    </div>
  );
}

