/**
 * The trainer's cohort view: trainees' progress files (picked or dropped, several at once) read in the browser
 * into one table, the questions most of the cohort gets wrong, a CSV and print. Nothing is stored or sent:
 * closing the page forgets the cohort. File format: `src/lib/progress-file.ts`; counting: `src/lib/cohort.ts`.
 */
import { useState } from 'preact/hooks';
import { formatPercent, parenthetical, withColon, type Locale } from '../../lib/format';
import type { ProgressFile } from '../../lib/progress-file';
import { addToCohort, cohortCells, mostMissed, toCsv, traineeRow, type CourseSpec } from '../../lib/cohort';
import { fill } from '../../i18n/fill';
import { saveFile } from '../browser';
import { provideStrings, ui, type CalcStrings } from '../calculators/strings';
import '../calculators/calculators.css';
import './cohort.css';

export interface CohortQuiz {
  chapter: string;
  label: string;
  href: string;
  questions: { id: string; correct: number[]; prompt: string }[];
}

interface Message {
  text: string;
  error: boolean;
}

export default function Cohort({ weeks, quizzes, drills, locale, strings }: { weeks: CourseSpec['weeks']; quizzes: CohortQuiz[]; drills: string[]; locale: Locale; strings: CalcStrings }) {
  provideStrings(locale, strings);
  const t = ui[locale].cohort;
  const course: CourseSpec = { weeks, quizzes, drills };
  const [files, setFiles] = useState<ProgressFile[]>([]);
  const [messages, setMessages] = useState<Message[]>([]);
  const [dragging, setDragging] = useState(false);
  const dateTime = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
  const when = (iso: string) => dateTime.format(new Date(iso));

  /** Reads every file in turn; a refused one leaves the cohort as it was and says why. */
  const open = async (list: FileList | null | undefined) => {
    if (!list || list.length === 0) return;
    // The file format (and zod with it) loads when the first file arrives: evaluating it at page load cost a
    // mobile CPU several hundred milliseconds of blocked main thread before anyone had imported anything.
    const { nameFromFileName, readProgressFile } = await import('../../lib/progress-file');
    let cohort = files;
    const notes: Message[] = [];
    for (const f of Array.from(list)) {
      let text: string;
      try {
        text = await f.text();
      } catch {
        notes.push({ text: fill(t.refused, { file: f.name, reason: t.reasons['read-error'] }), error: true });
        continue;
      }
      const read = readProgressFile(text, nameFromFileName(f.name));
      if (!read.ok) {
        const reason = fill(t.reasons[read.reason], { kind: read.detail ? fill(t.foreignKind, { kind: read.detail }) : '', version: read.detail, detail: read.detail });
        notes.push({ text: fill(t.refused, { file: f.name, reason }), error: true });
        continue;
      }
      if (read.migratedFrom !== null) notes.push({ text: fill(t.migrated, { file: f.name, name: read.file.name }), error: false });
      const added = addToCohort(cohort, read.file);
      cohort = added.cohort;
      const o = added.outcome;
      notes.push({
        text:
          o.kind === 'added'
            ? fill(t.added, { file: f.name, name: read.file.name })
            : o.kind === 'replaced'
              ? fill(t.replaced, { file: f.name, name: read.file.name, previous: when(o.previous) })
              : fill(t.keptNewer, { file: f.name, name: read.file.name, kept: when(o.kept) }),
        error: false,
      });
    }
    setFiles(cohort);
    setMessages(notes);
  };

  const rows = files.map((f) => traineeRow(course, f));
  const missed = mostMissed(course, files);
  const quizOf = new Map(quizzes.map((q) => [q.chapter, q]));
  const ratio = (done: number, total: number) => fill(t.ratio, { done, total });

  const exportCsv = () => {
    const cells = cohortCells(course, rows, {
      name: t.name,
      week: (n) => fill(t.week, { n }),
      quiz: (c) => quizOf.get(c)?.label ?? c,
      drills: t.drills,
      lastActivity: t.lastActivity,
      exported: t.exported,
      notSubmitted: parenthetical(t.notSubmitted, locale),
      ratio: (done, total) => fill(t.ratioCsv, { done, total }),
      // The day in the trainer's calendar, as the table shows it.
      day: (iso) => new Intl.DateTimeFormat('sv-SE').format(new Date(iso)),
    });
    saveFile(`${t.csvName}-${new Intl.DateTimeFormat('sv-SE').format(new Date())}.csv`, 'text/csv;charset=utf-8', toCsv(cells));
  };

  return (
    <div class="calc cohort not-content" data-calc="cohort">
      <section class="cohort-open" aria-label={t.openTitle}>
        <div
          class={`cohort-drop${dragging ? ' cohort-drop--over' : ''}`}
          onDragOver={(e) => {
            e.preventDefault();
            setDragging(true);
          }}
          onDragLeave={() => setDragging(false)}
          onDrop={(e) => {
            e.preventDefault();
            setDragging(false);
            void open(e.dataTransfer?.files);
          }}
        >
          <p class="cohort-drop-title">{t.dropTitle}</p>
          <label class="cohort-file calc-file-button">
            <span>{t.pick}</span>
            <input
              type="file"
              multiple
              accept=".json,application/json"
              onChange={(e) => {
                const input = e.target as HTMLInputElement;
                void open(input.files).then(() => (input.value = ''));
              }}
            />
          </label>
          <p class="calc-hint">{t.privacy}</p>
        </div>
      </section>

      <ul class="cohort-messages" aria-live="polite" data-testid="cohort-messages">
        {messages.map((m, i) => (
          <li key={i} class={m.error ? 'calc-error' : 'cohort-note'}>
            {m.text}
          </li>
        ))}
      </ul>

      {rows.length === 0 ? (
        <p class="cohort-empty">{t.empty}</p>
      ) : (
        <>
          <div class="cohort-actions">
            <button type="button" onClick={exportCsv}>
              {t.csv}
            </button>
            <button type="button" onClick={() => window.print()}>
              {t.print}
            </button>
            <button
              type="button"
              class="calc-reset"
              onClick={() => {
                setFiles([]);
                setMessages([]);
              }}
            >
              {t.clear}
            </button>
          </div>
          <h2 id="cohort-table-title">{t.tableTitle}</h2>
          {/* The caption is as wide as the table, which scrolls sideways on a phone: it is shown above the scroller
              and kept in the table for screen readers only. */}
          <p class="calc-hint" aria-hidden="true">
            {t.tableCaption}
          </p>
          <div class="calc-table-wrap cohort-table-wrap" tabIndex={0} aria-labelledby="cohort-table-title">
            <table class="cohort-table" data-testid="cohort-table">
              <caption class="sr-only">{t.tableCaption}</caption>
              <thead>
                <tr>
                  <th scope="col">{t.name}</th>
                  {weeks.map((w, i) => (
                    <th scope="col" key={w.id}>
                      {fill(t.week, { n: i + 1 })}
                    </th>
                  ))}
                  {quizzes.map((q) => (
                    <th scope="col" key={q.chapter} class="cohort-quiz-head">
                      {q.label}
                    </th>
                  ))}
                  <th scope="col">{t.drills}</th>
                  <th scope="col">{t.lastActivity}</th>
                  <th scope="col">{t.exported}</th>
                  <th scope="col" class="cohort-control">
                    <span class="sr-only">{t.removeColumn}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r, n) => (
                  <tr key={r.name}>
                    <th scope="row">{r.name}</th>
                    {r.weeks.map((w) => (
                      <td key={w.id}>{ratio(w.done, w.total)}</td>
                    ))}
                    {r.quizzes.map((c, i) => (
                      <td key={quizzes[i]!.chapter} class={c && !c.submitted ? 'cohort-unsubmitted' : undefined}>
                        {c ? `${ratio(c.right, c.total)}${c.submitted ? '' : parenthetical(t.notSubmitted, locale)}` : t.none}
                      </td>
                    ))}
                    <td>{ratio(r.drills.done, r.drills.total)}</td>
                    <td>{r.lastActivity ?? t.none}</td>
                    <td>{when(r.exported)}</td>
                    <td class="cohort-control">
                      <button type="button" class="cohort-remove" aria-label={fill(t.remove, { name: r.name })} onClick={() => setFiles(files.filter((_, i) => i !== n))}>
                        ×
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {/* On paper a column per chapter does not fit: the same rows with each trainee's self-checks listed in one
              cell (only those taken). Hidden on screen, where the grid above scrolls sideways instead. */}
          <table class="cohort-print" data-testid="cohort-print">
            <caption>{t.tableCaption}</caption>
            <thead>
              <tr>
                <th scope="col">{t.name}</th>
                {weeks.map((w, i) => (
                  <th scope="col" key={w.id}>
                    {fill(t.week, { n: i + 1 })}
                  </th>
                ))}
                <th scope="col">{t.drills}</th>
                <th scope="col">{t.lastActivity}</th>
                <th scope="col">{t.quizzesGroup}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.name}>
                  <th scope="row">{r.name}</th>
                  {r.weeks.map((w) => (
                    <td key={w.id}>{ratio(w.done, w.total)}</td>
                  ))}
                  <td>{ratio(r.drills.done, r.drills.total)}</td>
                  <td>{r.lastActivity ?? t.none}</td>
                  <td>
                    {r.quizzes.some(Boolean)
                      ? quizzes
                          .map((q, i) => [q, r.quizzes[i]] as const)
                          .filter(([, c]) => c)
                          .map(([q, c]) => `${q.label} ${ratio(c!.right, c!.total)}${c!.submitted ? '' : parenthetical(t.notSubmitted, locale)}`)
                          .join(' · ')
                      : t.none}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <section class="cohort-missed" aria-labelledby="cohort-missed-title">
            <h2 id="cohort-missed-title">{t.missedTitle}</h2>
            <p class="calc-hint">{t.missedIntro}</p>
            {missed.length === 0 ? (
              <p>{t.missedNone}</p>
            ) : (
              <ol data-testid="cohort-missed">
                {missed.map((m) => {
                  const quiz = quizOf.get(m.chapter)!;
                  const n = quiz.questions.findIndex((q) => q.id === m.id);
                  return (
                    <li key={m.id}>
                      <a href={quiz.href}>{withColon(quiz.label, locale)}</a>
                      {quiz.questions[n]!.prompt}{' '}
                      <strong class="cohort-share">{fill(t.missedShare, { wrong: m.wrong, attempted: m.attempted, share: formatPercent(m.share, locale, { maximumFractionDigits: 0 }) })}</strong>
                    </li>
                  );
                })}
              </ol>
            )}
          </section>
        </>
      )}
    </div>
  );
}
