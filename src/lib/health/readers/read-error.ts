/**
 * What every chat-export reader shares, whatever the platform: the options it is called with, the typed error it
 * throws for a file it cannot read honestly (the page names the file and turns the reason into a sentence in
 * its language, and shows no figure), and the question test that reads message text and keeps none of it.
 */

/** Why a file was refused. */
export type ChatReadReason =
  | 'not_json' // not JSON at all
  | 'bad_json' // JSON with a syntax error inside
  | 'truncated_json' // JSON that stops part-way (an interrupted export or copy)
  | 'wrong_shape' // valid JSON, but not this exporter's layout
  | 'missing_columns' // a CSV without the exporter's header
  | 'bad_date' // a time the exporter's styles do not cover
  | 'ambiguous_dates' // day/month order contradicts itself inside one file
  | 'no_messages' // the file holds no message at all
  | 'missing_part' // a split export with a part missing between two others
  | 'short_part' // a part before the last one with fewer rows than the exporter writes per part
  | 'api_error' // a saved WeCom API response that is an error, not data
  | 'bad_zip' // not a zip, or a damaged one
  | 'slack_no_users'; // a zip without the workspace's users.json

/** Where a refused file went wrong; never message text. */
export interface ChatReadWhere {
  /** The format id the reader was reading (`dce-json`, `wechatmsg-csv`…). */
  format?: string;
  /** The file (or the part of a split set) that was refused. */
  fileName?: string;
}

export class ChatReadError extends Error {
  readonly format: string;
  readonly fileName: string;
  constructor(
    readonly reason: ChatReadReason,
    /** What exactly: a line, an entry name, the missing columns, the gap between parts. */
    readonly detail: string = '',
    where: ChatReadWhere = {},
  ) {
    const at = where.fileName ?? where.format ?? '';
    super(`${at ? `${at}: ` : ''}${reason}${detail ? ` (${detail})` : ''}`);
    this.name = 'ChatReadError';
    this.format = where.format ?? '';
    this.fileName = where.fileName ?? '';
  }
}

export interface ReadOptions {
  /** Minutes east of UTC for zone-less times; default UTC+8. */
  offsetMinutes?: number;
  /** The file's name, used as the group id when a format has none. */
  fileName: string;
}

/** The text asks something: it ends in a question mark (ASCII or full-width), trailing spaces aside. */
export const isQuestion = (text: unknown): boolean => typeof text === 'string' && /[?？]\s*$/u.test(text);

export const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
