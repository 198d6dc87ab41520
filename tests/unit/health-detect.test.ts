import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CHAT_FORMATS, FORMAT_LABELS, detectFormat } from '../../src/lib/health/readers/detect';

/** The first 2 KB of a fixture, as the worker reads a file's head before choosing a reader. */
const head = (path: string) => readFileSync(`tests/fixtures/exports/${path}`, 'utf8').slice(0, 2048);

describe('detectFormat', () => {
  it('knows each WeChat-family fixture by its header row or JSON keys', () => {
    expect(detectFormat('产品交流群_utf8.csv', head('wechatmsg/产品交流群_utf8.csv'))).toBe('wechatmsg-csv');
    expect(detectFormat('产品交流群_utf8.csv', head('wechatmsg/descending/产品交流群_utf8.csv'))).toBe('wechatmsg-csv');
    expect(detectFormat('44556677@chatroom_0_9.csv', head('pywxdump/single/44556677@chatroom_0_9.csv'))).toBe('pywxdump-csv');
    expect(detectFormat('a.csv', head('chatlog/98765432@chatroom_2024-05-01_2024-05-31.csv'))).toBe('chatlog-csv');
    expect(detectFormat('晨跑群.json', head('weflow/晨跑群.json'))).toBe('weflow-json');
    expect(detectFormat('城市徒步群.json', head('chatlab/城市徒步群.json'))).toBe('chatlab-json');
    expect(detectFormat('城市徒步群.jsonl', head('chatlab/城市徒步群.jsonl'))).toBe('chatlab-jsonl');
    expect(detectFormat('users.json', head('pywxdump/split/users.json'))).toBe('pywxdump-users-json');
    expect(detectFormat('groupchat-get.json', head('wecom/groupchat-get.json'))).toBe('wecom-groupchat-json');
  });

  it('knows ChatLab JSONL by its header line even under a .json name', () => {
    expect(detectFormat('export.json', head('chatlab/城市徒步群.jsonl'))).toBe('chatlab-jsonl');
  });

  it('knows the Discord, Telegram and Slack exports by their signatures', () => {
    const dce = '{\n  "guild": {\n    "id": "1",\n    "name": "Test"\n  },\n  "channel": {\n    "id": "2"\n  },\n  "dateRange": {},\n  "messages": [\n    {\n      "id": "3",\n      "type": "Default",\n      "author": {';
    expect(detectFormat('Test - general [2].json', dce)).toBe('dce-json');
    expect(detectFormat('general.csv', '"AuthorID","Author","Date","Content","Attachments","Reactions"\n"1","a#0001","2024-01-01T00:00:00+00:00","hi","",""')).toBe('dce-csv');
    expect(detectFormat('general.csv', 'AuthorID,Author,Date,Content,Attachments,Reactions\n')).toBe('dce-csv');
    // A single chat (new: date_unixtime; old: from_id only after the chat's own keys) and a full export.
    expect(detectFormat('result.json', '{\n "name": "Club",\n "type": "private_supergroup",\n "id": 1,\n "messages": [\n  {\n   "id": 1,\n   "type": "service",\n   "date": "2024-01-01T10:00:00",\n   "date_unixtime": "1704074400"')).toBe('telegram-json');
    expect(detectFormat('result.json', '{\n "name": "Club",\n "type": "public_supergroup",\n "id": 1,\n "messages": []')).toBe('telegram-json');
    expect(detectFormat('result.json', '{\n "about": "Here is the data you requested.",\n "personal_information": {')).toBe('telegram-json');
    expect(detectFormat('Acme Slack export Jan 1 2024.zip', '')).toBe('slack-zip');
  });

  it('leaves ordinary sheets to the generic path and names unknown JSON', () => {
    expect(detectFormat('members.csv', '成员ID,日期\nu1,2024-03-01\n')).toBe('generic');
    expect(detectFormat('members.tsv', 'member\tdate\nu1\t2024-03-01\n')).toBe('generic');
    expect(detectFormat('members.xlsx', 'PK\u0003\u0004')).toBe('generic');
    expect(detectFormat('data.json', '{"rows": [1, 2, 3]}')).toBe('unknown');
  });

  it('every format id has a label in both languages', () => {
    expect(Object.keys(FORMAT_LABELS).sort()).toEqual([...CHAT_FORMATS].sort());
    for (const id of CHAT_FORMATS) {
      expect(FORMAT_LABELS[id].zh.trim()).not.toBe('');
      expect(FORMAT_LABELS[id].en.trim()).not.toBe('');
    }
    expect(FORMAT_LABELS['wechatmsg-csv']).toEqual({ zh: '留痕 (WeChatMsg) CSV', en: 'MemoTrace (WeChatMsg) CSV' });
  });
});
