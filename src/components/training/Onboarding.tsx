/**
 * The four-week onboarding path with a checklist the trainee ticks off. Without JavaScript it is a
 * readable plan; in the browser, progress (item → day done) is kept in localStorage and can be cleared.
 * "Export my progress" writes one file for the trainer's cohort page with the name the trainee types, this
 * checklist and every self-check's saved answers (format: `src/lib/progress-file.ts`; storage shapes:
 * `src/lib/training.ts`).
 */
import { useEffect, useState } from 'preact/hooks';
import type { Locale } from '../../lib/format';
import { formatNumber, formatPercent } from '../../lib/format';
import type { QuizSpec } from '../../lib/progress-file';
import { inTrack, progressShare, readProgress, readTrack, splitMinutes, TRACK_CHOICES, weekMinutes, writeProgress, type ItemTrack, type TrackChoice } from '../../lib/training';
import { fill } from '../../i18n/fill';
import { browserStorage, saveFile } from '../browser';
import { provideStrings, ui, type CalcStrings } from '../calculators/strings';
import '../calculators/calculators.css';
import './training.css';

export interface OnboardingWeek {
  id: string;
  title: string;
  goal: string;
  reading: { href: string; title: string; track?: ItemTrack }[];
  practice: { id: string; calculator: 'budget' | 'staffing' | 'ltv-cac' | 'retention' | 'timeline'; minutes: number; track?: ItemTrack; task: string; expected: string; href: string }[];
  tasks: { id: string; minutes: number; track?: ItemTrack; text: string; rubric?: string }[];
}

const STORAGE_KEY = 'playbook:onboarding';
/** The chosen track, kept apart from the progress record so that record keeps its shape. */
const TRACK_KEY = 'playbook:onboarding-track';
/** The name typed for the export, remembered so a weekly export needs no retyping. */
const NAME_KEY = 'playbook:trainee-name';
/** Drills the trainer signed off (drill id → day), in the same shape as the checklist. */
const DRILLS_KEY = 'playbook:drills';
/** Today in the trainee's own calendar. */
const today = () => new Intl.DateTimeFormat('sv-SE').format(new Date());

export default function Onboarding({ weeks, quizzes, drills, locale, strings }: { weeks: OnboardingWeek[]; quizzes: QuizSpec[]; drills: { id: string; title: string }[]; locale: Locale; strings: CalcStrings }) {
  provideStrings(locale, strings);
  const t = ui[locale].onboarding;
  const allIds = weeks.flatMap((w) => [...w.practice.map((p) => p.id), ...w.tasks.map((x) => x.id)]);
  const [done, setDone] = useState<Record<string, string>>({});
  const [track, setTrack] = useState<TrackChoice>('all');
  const [mounted, setMounted] = useState(false);
  const [touched, setTouched] = useState(false);
  const [notice, setNotice] = useState('');
  const [name, setName] = useState('');
  const [nameError, setNameError] = useState('');
  const [exported, setExported] = useState('');
  const [signed, setSigned] = useState<Record<string, string>>({});

  useEffect(() => {
    const saved = browserStorage()?.getItem(STORAGE_KEY) ?? null;
    const progress = readProgress(saved, allIds);
    if (progress) setDone(progress);
    else if (saved !== null) setNotice(t.savedNotice);
    setTrack(readTrack(browserStorage()?.getItem(TRACK_KEY) ?? null));
    setName(browserStorage()?.getItem(NAME_KEY) ?? '');
    setSigned(readProgress(browserStorage()?.getItem(DRILLS_KEY) ?? null, drills.map((d) => d.id)) ?? {});
    setMounted(true);
  }, []);
  // Before hydration (or without JavaScript) every item shows, as with "all".
  const shown = (item: { track?: ItemTrack }) => !mounted || inTrack(item.track, track);
  const ids = weeks.flatMap((w) => [...w.practice.filter(shown).map((p) => p.id), ...w.tasks.filter(shown).map((x) => x.id)]);
  const chooseTrack = (choice: TrackChoice) => {
    setTrack(choice);
    browserStorage()?.setItem(TRACK_KEY, choice);
  };
  const duration = (total: number) => {
    const { hours, minutes } = splitMinutes(total);
    const n = (v: number) => formatNumber(v, locale);
    return minutes === 0 ? fill(t.hours, { h: n(hours) }) : hours === 0 ? fill(t.minutes, { m: n(minutes) }) : fill(t.hoursMinutes, { h: n(hours), m: n(minutes) });
  };
  const weekTime = (w: OnboardingWeek) => {
    const items = [...w.practice, ...w.tasks];
    if (mounted && track !== 'all') return fill(t.weekTimeTrack, { track: t.tracks[track], time: duration(weekMinutes(items, track)) });
    const operator = weekMinutes(items, 'operator');
    const planner = weekMinutes(items, 'planner');
    return operator === planner ? fill(t.weekTimeSame, { time: duration(operator) }) : fill(t.weekTimeSplit, { operator: duration(operator), planner: duration(planner) });
  };
  const meta = (item: { minutes: number; track?: ItemTrack }) => (
    <span class="onb-meta">
      {fill(t.minutes, { m: formatNumber(item.minutes, locale) })}
      {item.track && item.track !== 'both' ? <span class="onb-track">{t.tracks[item.track]}</span> : null}
    </span>
  );
  useEffect(() => {
    if (touched) browserStorage()?.setItem(STORAGE_KEY, writeProgress(done));
  }, [done, touched]);

  const toggle = (id: string, on: boolean) => {
    setTouched(true);
    setDone((d) => {
      const next = { ...d };
      if (on) next[id] = today();
      else delete next[id];
      return next;
    });
  };
  const exportJson = async () => {
    // Loaded on the click: the file format brings zod, which the checklist itself never needs.
    const { buildProgressFile, MAX_NAME, progressFileName, quizAttempts } = await import('../../lib/progress-file');
    const storage = browserStorage();
    const built = buildProgressFile({ name, exported: new Date().toISOString(), locale, onboarding: done, drills: signed, quizzes: quizAttempts(quizzes, (c) => storage?.getItem(`playbook:quiz:${c}`) ?? null) });
    if (!built.ok) {
      setExported('');
      setNameError(built.error === 'name-empty' ? t.nameEmpty : fill(t.nameLong, { max: MAX_NAME }));
      document.getElementById('onb-name')?.focus();
      return;
    }
    setNameError('');
    storage?.setItem(NAME_KEY, built.file.name);
    const fileName = progressFileName(built.file.name, today());
    saveFile(fileName, 'application/json', built.text);
    setExported(fill(t.exportedNote, { file: fileName, items: formatNumber(Object.keys(done).length, locale), quizzes: formatNumber(Object.keys(built.file.quizzes).length, locale) }));
  };
  const sign = (id: string, on: boolean) => {
    const next = { ...signed };
    if (on) next[id] = today();
    else delete next[id];
    setSigned(next);
    browserStorage()?.setItem(DRILLS_KEY, writeProgress(next));
  };
  const reset = () => {
    if (!window.confirm(t.confirmReset)) return;
    setTouched(true);
    setDone({});
    setNotice(t.resetDone);
  };

  const item = (id: string, children: preact.ComponentChildren) => (
    <div class="onb-item">
      {mounted ? <input type="checkbox" id={`onb-${id}`} checked={id in done} onChange={(e) => toggle(id, (e.target as HTMLInputElement).checked)} /> : <span aria-hidden="true">☐</span>}
      <label for={mounted ? `onb-${id}` : undefined}>{children}</label>
      {done[id] ? <span class="onb-done">{fill(t.doneOn, { date: done[id]! })}</span> : null}
    </div>
  );

  return (
    <div class="onboarding not-content">
      {notice ? (
        <p class="calc-notice" role="status">
          {notice}
        </p>
      ) : null}
      {mounted ? (
        <fieldset class="onb-tracks">
          <legend>{t.trackLegend}</legend>
          {TRACK_CHOICES.map((choice) => (
            <label key={choice}>
              <input type="radio" name="onb-track" value={choice} checked={track === choice} onChange={() => chooseTrack(choice)} />
              {t.tracks[choice]}
            </label>
          ))}
          <p class="onb-track-note">{t.trackNote}</p>
        </fieldset>
      ) : null}
      {mounted ? (
        <div class="onb-summary">
          <label for="onb-total">{t.progress}</label>
          <meter id="onb-total" min={0} max={1} value={progressShare(ids, done)} />
          <span aria-live="polite">{formatPercent(progressShare(ids, done), locale, { maximumFractionDigits: 0 })}</span>
          <a href="#onb-export">{t.exportProgress} ↓</a>
          <button type="button" class="calc-reset" onClick={reset}>
            {t.reset}
          </button>
        </div>
      ) : null}
      {weeks.map((w, n) => {
        const weekIds = [...w.practice.filter(shown).map((p) => p.id), ...w.tasks.filter(shown).map((x) => x.id)];
        return (
          <section class="onb-week" key={w.id} aria-labelledby={`${w.id}-title`}>
            <h2 id={`${w.id}-title`}>{w.title}</h2>
            <p class="onb-goal">{w.goal}</p>
            <p class="onb-week-time" aria-live="polite">
              {weekTime(w)}
            </p>
            {mounted ? (
              <p class="onb-week-progress">
                {t.weekProgress}: {formatPercent(progressShare(weekIds, done), locale, { maximumFractionDigits: 0 })}
              </p>
            ) : null}
            <h3>{t.reading}</h3>
            <ol>
              {w.reading.filter(shown).map((r) => (
                <li key={r.href}>
                  <a href={r.href}>{r.title}</a>
                  {r.track && r.track !== 'both' ? <span class="onb-track">{t.tracks[r.track]}</span> : null}
                </li>
              ))}
            </ol>
            <h3>{t.practice}</h3>
            <ul class="onb-list">
              {w.practice.filter(shown).map((p) => (
                <li key={p.id}>
                  {item(
                    p.id,
                    <>
                      <strong>{t.calculators[p.calculator]}</strong>: {p.task} {meta(p)}
                    </>,
                  )}
                  <details>
                    <summary>{t.expected}</summary>
                    <p>{p.expected}</p>
                  </details>
                  <a href={p.href}>{t.openCalculator} →</a>
                </li>
              ))}
            </ul>
            <h3>{t.tasks}</h3>
            <ul class="onb-list">
              {w.tasks.filter(shown).map((x) => (
                <li key={x.id}>
                  {item(
                    x.id,
                    <>
                      {x.text} {meta(x)}
                    </>,
                  )}
                  {/* Written work: the rubric and model answer open once the trainee has handed it in. */}
                  {x.rubric && done[x.id] ? (
                    <a class="onb-rubric" href={x.rubric}>
                      {t.rubric} →
                    </a>
                  ) : null}
                </li>
              ))}
            </ul>
            {w.id.startsWith('week-') ? <span class="sr-only">{fill(t.week, { n: n + 1 })}</span> : null}
          </section>
        );
      })}
      {mounted ? (
        <section class="onb-export" id="onb-export" aria-labelledby="onb-export-title">
          <h2 id="onb-export-title">{t.exportTitle}</h2>
          <p>{t.exportHint}</p>
          <fieldset class="onb-drills">
            <legend>{t.drillsTitle}</legend>
            <p class="calc-hint">{t.drillsHint}</p>
            {drills.map((d) => (
              <div class="onb-item" key={d.id}>
                <input type="checkbox" id={`onb-drill-${d.id}`} checked={d.id in signed} onChange={(e) => sign(d.id, (e.target as HTMLInputElement).checked)} />
                <label for={`onb-drill-${d.id}`}>{d.title}</label>
                {signed[d.id] ? <span class="onb-done">{fill(t.signedOn, { date: signed[d.id]! })}</span> : null}
              </div>
            ))}
          </fieldset>
          <div class="onb-export-row">
            <label for="onb-name">{t.nameLabel}</label>
            <input
              id="onb-name"
              type="text"
              autocomplete="name"
              value={name}
              aria-invalid={nameError ? 'true' : undefined}
              aria-describedby={nameError ? 'onb-name-error' : undefined}
              onInput={(e) => {
                setName((e.target as HTMLInputElement).value);
                setNameError('');
              }}
            />
            <button type="button" onClick={() => void exportJson()}>
              {t.exportProgress}
            </button>
          </div>
          {nameError ? (
            <p class="calc-error" id="onb-name-error" role="alert">
              {nameError}
            </p>
          ) : null}
          <p class="onb-exported" role="status">
            {exported}
          </p>
        </section>
      ) : null}
    </div>
  );
}
