/**
 * A self-check: without JavaScript (and before hydration) a readable list of questions with each answer
 * and its explanations in a disclosure; in the browser, a form that scores the answers, explains every
 * option, and keeps the attempt in localStorage (shape and migration: `src/lib/training.ts`).
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { enumerate, parenthetical, withColon, type Locale } from '../../lib/format';
import { readQuizState, scoreQuiz, writeQuizState, type Answers, type QuizState } from '../../lib/training';
import { fill } from '../../i18n/fill';
import { browserStorage } from '../browser';
import { provideStrings, ui, type CalcStrings } from '../calculators/strings';
import '../calculators/calculators.css';
import './training.css';

export interface QuizQuestion {
  id: string;
  type: 'single' | 'multiple';
  correct: number[];
  prompt: string;
  options: { text: string; explanation: string }[];
}

const LETTERS = 'ABCDE';
const key = (chapter: string) => `playbook:quiz:${chapter}`;

export default function Quiz({ chapter, questions, locale, strings }: { chapter: string; questions: QuizQuestion[]; locale: Locale; strings: CalcStrings }) {
  provideStrings(locale, strings);
  const t = ui[locale].quiz;
  const [mounted, setMounted] = useState(false);
  const [answers, setAnswers] = useState<Answers>({});
  const [submitted, setSubmitted] = useState(false);
  const [notice, setNotice] = useState('');
  // The attempt as last committed. Every change is written to storage in the event that makes it, not in an
  // effect after the next paint: a reload or a closed tab right after "check" must still find the score.
  const latest = useRef<QuizState>({ answers: {}, submitted: false });
  const commit = (next: QuizState) => {
    latest.current = next;
    setAnswers(next.answers);
    setSubmitted(next.submitted);
    browserStorage()?.setItem(key(chapter), writeQuizState(next));
  };

  useEffect(() => {
    const saved = browserStorage()?.getItem(key(chapter)) ?? null;
    const state = readQuizState(saved, questions.map((q) => ({ id: q.id, options: q.options.length })));
    if (state) {
      latest.current = state;
      setAnswers(state.answers);
      setSubmitted(state.submitted);
      if (Object.keys(state.answers).length > 0) setNotice(t.restored);
    } else if (saved !== null) setNotice(t.savedNotice);
    setMounted(true);
  }, []);

  if (!mounted) return <StaticQuiz questions={questions} locale={locale} />;

  const score = scoreQuiz(questions, answers);
  const unanswered = questions.filter((q) => !(answers[q.id]?.length)).length;
  const pick = (q: QuizQuestion, i: number, checked: boolean) => {
    const a = latest.current.answers;
    const now = a[q.id] ?? [];
    const next = q.type === 'single' ? [i] : checked ? [...now, i].sort((x, y) => x - y) : now.filter((x) => x !== i);
    commit({ answers: { ...a, [q.id]: next }, submitted: false });
  };

  return (
    <form class="quiz not-content" onSubmit={(e) => e.preventDefault()} data-quiz={chapter}>
      {notice ? (
        <p class="calc-notice" role="status">
          {notice}
        </p>
      ) : null}
      <ol class="quiz-questions">
        {questions.map((q, n) => {
          const mine = answers[q.id] ?? [];
          const right = score.perQuestion[q.id];
          return (
            <li key={q.id} class={`quiz-question${submitted ? (right ? ' quiz-question--right' : ' quiz-question--wrong') : ''}`}>
              <fieldset>
                <legend>
                  <span class="quiz-n">{fill(t.questionN, { n: n + 1 })}</span> {q.prompt}
                  <span class="quiz-type">{parenthetical(q.type === 'single' ? t.single : t.multiple, locale)}</span>
                </legend>
                {q.options.map((o, i) => {
                  const id = `${q.id}-${i}`;
                  const isCorrect = q.correct.includes(i);
                  return (
                    <div class="quiz-option" key={id}>
                      <input
                        id={id}
                        type={q.type === 'single' ? 'radio' : 'checkbox'}
                        name={q.id}
                        checked={mine.includes(i)}
                        onChange={(e) => pick(q, i, (e.target as HTMLInputElement).checked)}
                      />
                      <label for={id}>
                        {LETTERS[i]}. {o.text}
                      </label>
                      {submitted ? (
                        <p class={`quiz-explanation ${isCorrect ? 'quiz-explanation--right' : ''}`}>
                          <strong>{isCorrect ? `✓ ${t.correctAnswer}` : '✗'}</strong>
                          {mine.includes(i) ? ` · ${t.yourPick}` : ''} — {o.explanation}
                        </p>
                      ) : null}
                    </div>
                  );
                })}
                {submitted ? <p class="quiz-verdict">{right ? `✓ ${t.right}` : `✗ ${t.wrong}`}</p> : null}
              </fieldset>
            </li>
          );
        })}
      </ol>
      <div class="quiz-actions">
        <button
          type="button"
          onClick={() => commit({ answers: latest.current.answers, submitted: true })}
        >
          {t.check}
        </button>
        <button
          type="button"
          class="calc-reset"
          onClick={() => {
            commit({ answers: {}, submitted: false });
            setNotice('');
          }}
        >
          {t.retry}
        </button>
        <p class="quiz-score" aria-live="polite">
          {submitted ? fill(t.score, { right: score.right, total: score.total }) : unanswered > 0 && Object.keys(answers).length > 0 ? fill(t.unanswered, { n: unanswered }) : ''}
        </p>
      </div>
    </form>
  );
}

/** What a reader without JavaScript sees: every question, with the answer behind a disclosure. */
function StaticQuiz({ questions, locale }: { questions: QuizQuestion[]; locale: Locale }) {
  const t = ui[locale].quiz;
  return (
    <ol class="quiz quiz-questions not-content">
      {questions.map((q, n) => (
        <li key={q.id} class="quiz-question">
          <p class="quiz-prompt">
            <span class="quiz-n">{fill(t.questionN, { n: n + 1 })}</span> {q.prompt}
                  <span class="quiz-type">{parenthetical(q.type === 'single' ? t.single : t.multiple, locale)}</span>
          </p>
          <ol class="quiz-static-options" type="A">
            {q.options.map((o, i) => (
              <li key={i}>{o.text}</li>
            ))}
          </ol>
          <details>
            <summary>{t.showAnswer}</summary>
            <p>
              <strong>{withColon(t.correctAnswer, locale)}</strong>
              {enumerate(q.correct.map((i) => LETTERS[i]!), locale)}
            </p>
            <ul>
              {q.options.map((o, i) => (
                <li key={i}>
                  {LETTERS[i]}. {q.correct.includes(i) ? '✓' : '✗'} {o.explanation}
                </li>
              ))}
            </ul>
          </details>
        </li>
      ))}
    </ol>
  );
}
