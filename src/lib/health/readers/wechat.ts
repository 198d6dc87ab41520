/**
 * WeChat-family readers (留痕/WeChatMsg, PyWxDump, chatlog CSV; WeFlow, ChatLab JSON/JSONL; WeCom rosters),
 * one function per format. Split by file type: `wechat-csv.ts`, `wechat-json.ts`, shared parts in
 * `wechat-common.ts`; each file's header says which writer source the shape was taken from.
 */
export { ChatReadError, type ChatReadReason, type ReadOptions, joinedNames } from './wechat-common';
export { joinPywxdumpParts, pywxdumpPart, readChatlogCsv, readPywxdumpCsv, readPywxdumpUsers, readWechatMsgCsv, type PywxdumpUsers } from './wechat-csv';
export { baseLocalType, readChatlabJson, readChatlabJsonl, readWecomGroupchatJson, readWeflowJson } from './wechat-json';
