/**
 * One entry point for every chat export that arrives as text: the format `detectFormat` named, the decoded
 * text and the options → the format's reader. Formats that need more than one file (PyWxDump's split parts
 * with `users.json`, a Slack zip) have their own functions and are not read here.
 */
import type { ChatExport } from '../chat';
import type { ChatFormatId } from './detect';
import { readDiscordCsv, readDiscordJson } from './discord';
import { readTelegramJson } from './telegram';
import { readChatlabJson, readChatlabJsonl, readChatlogCsv, readPywxdumpCsv, readWechatMsgCsv, readWecomGroupchatJson, readWeflowJson } from './wechat';

const READERS = {
  'wechatmsg-csv': readWechatMsgCsv,
  'pywxdump-csv': (text, options) => readPywxdumpCsv(text, options),
  'chatlog-csv': readChatlogCsv,
  'weflow-json': readWeflowJson,
  'chatlab-json': readChatlabJson,
  'chatlab-jsonl': readChatlabJsonl,
  'wecom-groupchat-json': readWecomGroupchatJson,
  'dce-json': readDiscordJson,
  'dce-csv': readDiscordCsv,
  'telegram-json': readTelegramJson,
} satisfies Partial<Record<ChatFormatId, (text: string, options: { offsetMinutes: number; fileName: string }) => ChatExport>>;

export type TextChatFormat = keyof typeof READERS;

/** A chat format read from one text file by `readChatText`. */
export const isTextChatFormat = (format: ChatFormatId): format is TextChatFormat => Object.hasOwn(READERS, format);

/**
 * Reads one chat export given as text. Throws `ChatReadError` (with a reason code) for a file the format's
 * reader cannot read honestly.
 */
export function readChatText(format: TextChatFormat, text: string, options: { offsetMinutes: number; fileName: string }): ChatExport {
  return READERS[format](text, options);
}
