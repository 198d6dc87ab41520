/**
 * The four-week onboarding path with a checklist the trainee ticks off. Without JavaScript it is a
 * readable plan; in the browser, progress (item → day done) is kept in localStorage, can be exported as
 * JSON for the trainer, and cleared. Storage shape and migration: `src/lib/training.ts`.
 */
import { useEffect, useState } from 'preact/hooks';
import type { Locale } from '../../lib/format';
import { formatNumber, formatPercent } from '../../lib/format';
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
/** Today in the trainee's own calendar. */
const today = () => new Intl.DateTimeFormat('sv-SE').format(new Date());

export default function Onboarding({ weeks, locale, strings }: { weeks: OnboardingWeek[]; locale: Locale; strings: CalcStrings }) {
  provideStrings(locale, strings);
  const t = ui[locale].onboarding;
  const allIds = weeks.flatMap((w) => [...w.practice.map((p) => p.id), ...w.tasks.map((x) => x.id)]);
  const [done, setDone] = useState<Record<string, string>>({});
  const [track, setTrack] = useState<TrackChoice>('all');
  const [mounted, setMounted] = useState(false);
  const [touched, setTouched] = useState(false);
  const [notice, setNotice] = useState('');

  useEffect(() => {
    const saved = browserStorage()?.getItem(STORAGE_KEY) ?? null;
    const progress = readProgress(saved, allIds);
    if (progress) setDone(progress);
    else if (saved !== null) setNotice(t.savedNotice);
    setTrack(readTrack(browserStorage()?.getItem(TRACK_KEY) ?? null));
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
  const exportJson = () => {
    const doc = { kind: 'onboarding-progress', version: 1, exported: new Date().toISOString(), locale, progress: formatPercent(progressShare(ids, done), locale), done };
    saveFile(`onboarding-progress-${today()}.json`, 'application/json', JSON.stringify(doc, null, 2));
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
          <button type="button" onClick={exportJson}>
            {t.exportProgress}
          </button>
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
    </div>
  );
}
