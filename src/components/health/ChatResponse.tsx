/**
 * Do questions get answered: median time to first reply and the share left unanswered, only for formats
 * that mark replies; otherwise the page says the format does not. Figures from `summarizeChat` (`response`
 * in src/lib/health); the wait's unit is chosen by `waitShown`.
 */
import { enumerate, formatNumber, formatPercent, type Locale } from '../../lib/format';
import type { ChatSummary } from '../../lib/health/chat-summary';
import { FORMAT_LABELS } from '../../lib/health/readers/detect';
import { waitShown } from '../../lib/health/response';
import { fill } from '../../i18n/fill';
import { Stat } from '../calculators/parts';
import { ui } from '../calculators/strings';

export function ChatResponse({ locale, chat }: { locale: Locale; chat: ChatSummary }) {
  const t = ui[locale].health.chatAnalytics;
  const r = chat.response;
  const n = (x: number) => formatNumber(x, locale, { maximumFractionDigits: 0 });
  const label = (f: string) => FORMAT_LABELS[f as keyof typeof FORMAT_LABELS]?.[locale === 'zh-CN' ? 'zh' : 'en'] ?? f;
  const wait = waitShown(r.medianFirstReplyMs);
  return (
    <>
      <h3>{t.responseTitle}</h3>
      {r.available ? (
        <div data-testid="health-response">
          <dl class="calc-stats">
            <Stat label={t.questions} value={n(r.questions)} />
            <Stat
              label={t.medianReply}
              value={wait ? fill(t.waitUnits[wait.unit], { n: formatNumber(wait.value, locale, { maximumFractionDigits: 1 }) }) : ui[locale].common.noValue}
              note={wait ? undefined : t.noAnswer}
            />
            <Stat
              label={fill(t.unansweredShare, { days: n(r.withinDays) })}
              value={formatPercent(r.unansweredShare, locale, { maximumFractionDigits: 0 })}
              note={r.unansweredShare === null ? fill(t.tooYoung, { days: n(r.withinDays) }) : undefined}
            />
          </dl>
          <p class="calc-hint">
            {fill(t.responseDetail, { questions: n(r.questions), answered: n(r.answered), judged: n(r.judged), days: n(r.withinDays), unanswered: n(r.unanswered) })}
          </p>
        </div>
      ) : (
        <p class="calc-hint" data-testid="health-response">
          {r.reason === 'no-questions'
            ? t.responseNoQuestions
            : fill(t.responseNoMarks, { formats: enumerate((r.formatsWithoutReplies.length > 0 ? r.formatsWithoutReplies : chat.format).map(label), locale) })}
        </p>
      )}
    </>
  );
}
