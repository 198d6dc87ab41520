/**
 * The phase timeline as an iCalendar (RFC 5545) file: one all-day event per phase.
 *
 * Written by hand rather than with the `ics` package: `ics` 3.12 folds lines every 75 *characters*
 * (code points), not 75 octets, so a line of Chinese text comes out at up to ~225 octets, against RFC 5545
 * §3.1; it also escapes nothing but newlines in the calendar name, and stamps DTSTAMP with the current time
 * unless told otherwise. This serializer is small: escape (§3.3.11), fold (§3.1), CRLF everywhere.
 */
import * as z from 'zod/mini';
import { addDaysIso, isoDate, toIcsDate } from './dates';
import { formatMonths, type Locale } from './format';
import type { Timeline } from './timeline';
import { integer } from './fields';
import { validate } from './validate';

const timelineSchema = z.object({
  start: isoDate(),
  end: isoDate(),
  phases: z
    .array(
      z.object({
        id: z.string().check(z.regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/, { error: 'invalid_value' })),
        name: z.string().check(z.minLength(1), z.maxLength(100)),
        months: integer().check(z.minimum(1), z.maximum(60)),
        start: isoDate(),
        end: isoDate(),
        kpis: z._default(
          z
            .array(z.object({ metric: z.string().check(z.maxLength(100)), target: z._default(z.string().check(z.maxLength(100)), '') }))
            .check(z.maxLength(20)),
          [],
        ),
      }),
    )
    .check(z.minLength(1, { error: 'required' }), z.maxLength(12, { error: 'too_many_phases' })),
});

export const icsOptionsSchema = z.object({
  /** Calendar name, also put in front of each event's summary. May be empty. */
  title: z._default(z.string().check(z.maxLength(200)), ''),
  /** Language of the description line ("3个月" / "3 months"). Default zh-CN. */
  locale: z._default(z.enum(['zh-CN', 'en']), 'zh-CN'),
});

export type IcsOptions = z.input<typeof icsOptionsSchema>;

/** Product identifier written in every file. */
export const ICS_PRODID = '-//Community Operations Playbook//Phase timeline 1.0//EN';
/** Domain part of every event UID. */
export const ICS_UID_DOMAIN = 'community-ops-playbook';

/** TEXT escaping (RFC 5545 §3.3.11): `\` `;` `,` and newlines escaped, other control characters dropped. */
export function escapeText(text: string): string {
  return text
    .replace(/\r\n|\r/g, '\n')
    .replace(/[\u0000-\u0008\u000B-\u001F\u007F]/g, '')
    .replace(/[\\;,]/g, (ch) => `\\${ch}`)
    .replace(/\n/g, '\\n');
}

const utf8Length = (codePoint: number): number => (codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4);

/**
 * Folds one content line (RFC 5545 §3.1): no physical line longer than 75 octets, continuation lines start
 * with one space, and the break always falls between whole characters, never inside a UTF-8 sequence or a
 * surrogate pair.
 */
export function foldLine(line: string): string {
  const out: string[] = [];
  let current = '';
  let octets = 0;
  let limit = 75;
  for (const ch of line) {
    const size = utf8Length(ch.codePointAt(0) as number);
    if (octets + size > limit) {
      out.push(current);
      current = ' ';
      octets = 1;
      limit = 75;
    }
    current += ch;
    octets += size;
  }
  out.push(current);
  return out.join('\r\n');
}

/**
 * An RFC 5545 calendar for a `planTimeline` result: one all-day VEVENT per phase with DTSTART;VALUE=DATE on
 * its first day and DTEND;VALUE=DATE the day after its last (exclusive end), SUMMARY "title · phase", a
 * DESCRIPTION with the duration and the KPIs, UID `<plan start>-<phase id>@community-ops-playbook` (stable
 * when durations change, so a re-import updates the events), and DTSTAMP midnight UTC of the plan's start
 * (deterministic output). CRLF line endings, folded at 75 octets.
 *
 * Example: a 3-month phase 启动期 from 2026-03-01 → `DTSTART;VALUE=DATE:20260301`, `DTEND;VALUE=DATE:20260601`.
 */
export function timelineToIcs(timeline: Timeline, options: IcsOptions = {}): string {
  const plan = validate(timelineSchema, timeline);
  const opts = validate(icsOptionsSchema, options);
  const locale: Locale = opts.locale;
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:${ICS_PRODID}`,
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
  ];
  if (opts.title) lines.push(`X-WR-CALNAME:${escapeText(opts.title)}`);
  const stamp = `${toIcsDate(plan.start)}T000000Z`;
  for (const phase of plan.phases) {
    const description = [
      `${formatMonths(phase.months, locale)} (${phase.start} – ${phase.end})`,
      // A KPI without a target is written as the planner wrote it, never with a mark they did not make.
      ...phase.kpis.map((k) => (k.target ? `${k.metric}: ${k.target}` : k.metric)),
    ].join('\n');
    lines.push(
      'BEGIN:VEVENT',
      `UID:${toIcsDate(plan.start)}-${phase.id}@${ICS_UID_DOMAIN}`,
      `DTSTAMP:${stamp}`,
      `DTSTART;VALUE=DATE:${toIcsDate(phase.start)}`,
      `DTEND;VALUE=DATE:${toIcsDate(addDaysIso(phase.end, 1))}`,
      `SUMMARY:${escapeText(opts.title ? `${opts.title} · ${phase.name}` : phase.name)}`,
      `DESCRIPTION:${escapeText(description)}`,
      'TRANSP:TRANSPARENT',
      'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR');
  return `${lines.map(foldLine).join('\r\n')}\r\n`;
}
