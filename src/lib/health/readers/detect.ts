/**
 * Which chat-export format a file is, from its name and the first part of its decoded text (a few KB is
 * enough: CSV exports are told apart by their header row, JSON exports by the keys their writers put first).
 *
 * Example: `detectFormat("群聊_utf8.csv", "\uFEFFlocalId,TalkerId,Type,…")` → `"wechatmsg-csv"`;
 * `detectFormat("export.zip", "")` → `"slack-zip"`; an ordinary "member, date" sheet → `"generic"`.
 */
export const CHAT_FORMATS = [
  'wechatmsg-csv',
  'pywxdump-csv',
  'pywxdump-users-json',
  'weflow-json',
  'chatlab-json',
  'chatlab-jsonl',
  'chatlog-csv',
  'wecom-groupchat-json',
  'dce-json',
  'dce-csv',
  'telegram-json',
  'slack-zip',
  'generic',
  'unknown',
] as const;

export type ChatFormatId = (typeof CHAT_FORMATS)[number];

/** What the page shows after "识别为：" / "Read as:". */
export const FORMAT_LABELS: Record<ChatFormatId, { zh: string; en: string }> = {
  'wechatmsg-csv': { zh: '留痕 (WeChatMsg) CSV', en: 'MemoTrace (WeChatMsg) CSV' },
  'pywxdump-csv': { zh: 'PyWxDump / WeClone CSV', en: 'PyWxDump / WeClone CSV' },
  'pywxdump-users-json': { zh: 'PyWxDump 联系人 users.json', en: 'PyWxDump contacts users.json' },
  'weflow-json': { zh: 'WeFlow / EchoTrace JSON', en: 'WeFlow / EchoTrace JSON' },
  'chatlab-json': { zh: 'ChatLab JSON', en: 'ChatLab JSON' },
  'chatlab-jsonl': { zh: 'ChatLab JSONL', en: 'ChatLab JSONL' },
  'chatlog-csv': { zh: 'chatlog CSV', en: 'chatlog CSV' },
  'wecom-groupchat-json': { zh: '企业微信客户群详情 JSON (groupchat/get)', en: 'WeCom customer group details JSON (groupchat/get)' },
  'dce-json': { zh: 'DiscordChatExporter JSON', en: 'DiscordChatExporter JSON' },
  'dce-csv': { zh: 'DiscordChatExporter CSV', en: 'DiscordChatExporter CSV' },
  'telegram-json': { zh: 'Telegram Desktop 导出 JSON', en: 'Telegram Desktop export JSON' },
  'slack-zip': { zh: 'Slack 工作区导出 ZIP', en: 'Slack workspace export ZIP' },
  generic: { zh: '通用表格（成员、日期）', en: 'Generic sheet (member, date)' },
  unknown: { zh: '无法识别的 JSON', en: 'Unrecognised JSON' },
};

const HEADERS: [ChatFormatId, string[]][] = [
  ['wechatmsg-csv', ['localId', 'TalkerId', 'Type', 'SubType', 'IsSender', 'CreateTime']],
  ['pywxdump-csv', ['id', 'MsgSvrID', 'type_name', 'is_sender', 'talker', 'room_name', 'msg', 'src', 'CreateTime']],
  ['chatlog-csv', ['Time', 'SenderName', 'Sender', 'TalkerName', 'Talker', 'Content']],
  ['dce-csv', ['AuthorID', 'Author', 'Date', 'Content']],
];

const TELEGRAM_CHAT_TYPE = /"type"\s*:\s*"(?:personal_chat|bot_chat|private_group|private_supergroup|public_supergroup|private_channel|public_channel|saved_messages)"/;

const hasKey = (head: string, key: string) => new RegExp(`"${key}"\\s*:`).test(head);

function detectJson(fileName: string, head: string): ChatFormatId {
  const firstLine = head.split('\n', 1)[0] ?? '';
  if (/"_type"\s*:\s*"header"/.test(firstLine) && hasKey(firstLine, 'chatlab')) return 'chatlab-jsonl';
  if (hasKey(head, 'chatlab')) return /\.jsonl$/i.test(fileName) ? 'chatlab-jsonl' : 'chatlab-json';
  if (hasKey(head, 'group_chat') || (hasKey(head, 'member_list') && hasKey(head, 'chat_id'))) return 'wecom-groupchat-json';
  if (hasKey(head, 'guild') && hasKey(head, 'channel')) return 'dce-json';
  if (hasKey(head, 'weflow') || hasKey(head, 'senderUsername') || (hasKey(head, 'session') && (hasKey(head, 'localType') || hasKey(head, 'isSend')))) return 'weflow-json';
  // PyWxDump's users.json beside its CSV parts: { wxid: { wxid, nickname, remark, account, describe, headImgUrl, … } }.
  if (hasKey(head, 'wxid') && hasKey(head, 'nickname') && (hasKey(head, 'headImgUrl') || hasKey(head, 'LabelIDList'))) return 'pywxdump-users-json';
  if (hasKey(head, 'date_unixtime') || hasKey(head, 'from_id') || hasKey(head, 'personal_information') || (hasKey(head, 'chats') && hasKey(head, 'list')) || TELEGRAM_CHAT_TYPE.test(head)) {
    return 'telegram-json';
  }
  return 'unknown';
}

const cells = (line: string) => line.split(/[,\t]/).map((c) => c.trim().replace(/^"(.*)"$/, '$1'));

export function detectFormat(fileName: string, head: string): ChatFormatId {
  const name = fileName.toLowerCase();
  if (name.endsWith('.zip')) return 'slack-zip';
  if (/\.(xlsx|xls)$/.test(name)) return 'generic';
  const text = (head.charCodeAt(0) === 0xfeff ? head.slice(1) : head).trimStart();
  if (text.startsWith('{') || text.startsWith('[')) return detectJson(name, text);
  const header = cells(text.split(/\r?\n/, 1)[0] ?? '');
  for (const [id, wanted] of HEADERS) if (wanted.every((w, i) => header[i] === w)) return id;
  return 'generic';
}
