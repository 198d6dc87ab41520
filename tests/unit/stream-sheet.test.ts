import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { analyzeActivity } from '../../src/lib/activity';
import { EventCollector } from '../../src/lib/event-rows';
import { memberTiers } from '../../src/lib/health';
import { isBlankRow } from '../../src/lib/sheet-cells';
import { CsvScanner } from '../../src/lib/health/stream/csv-scan';
import { ColumnsDifferError, SheetReader, type SheetReadOptions } from '../../src/lib/health/stream/sheet-reader';
import { MemberTable } from '../../src/lib/health/stream/member-table';

const enc = new TextEncoder();

/** The pre-streaming path: the whole text parsed by Papa Parse, rows collected, events analysed. */
function viaPapa(text: string, o: SheetReadOptions) {
  const c = new EventCollector(o);
  let header = o.hasHeader;
  let line = 0;
  for (const row of Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { delimiter: o.delimiter }).data) {
    line++;
    if (isBlankRow(row)) continue;
    if (header) header = false;
    else c.add(row, line);
  }
  const health = c.events.length === 0 ? null : (() => {
    const report = analyzeActivity(c.events, { inactiveDays: 3 });
    return { report, members: memberTiers(c.events, report) };
  })();
  return { rows: c.rows, bad: c.bad, badCounts: c.badCounts, events: c.events.length, health };
}

/** The streaming path, with the bytes cut at the given places. */
function viaStream(text: string, o: SheetReadOptions, cuts: number[] = []) {
  const bytes = enc.encode(text);
  const r = new SheetReader(o);
  r.startFile('');
  let at = 0;
  for (const cut of [...cuts.filter((c) => c > 0 && c < bytes.length)].sort((a, b) => a - b)) {
    r.push(bytes.subarray(at, cut));
    at = cut;
  }
  r.push(bytes.subarray(at));
  const result = r.result(3);
  return { rows: r.rows, bad: r.bad, badCounts: r.badCounts, events: r.events, health: r.events === 0 ? null : result };
}

const options: SheetReadOptions = { delimiter: ',', member: 1, date: 0, hasHeader: true, today: '2026-11-30' };

describe('SheetReader (streamed CSV)', () => {
  it('gives the worked example', () => {
    const r = new SheetReader({ delimiter: ',', member: 0, date: 1, hasHeader: true, today: '2026-11-30' });
    r.startFile('a.csv');
    r.push(enc.encode('成员,日期\nwx_1,2026-03-05\n,2026-03-06\n'));
    r.result(3);
    expect([r.rows, r.events]).toEqual([2, 1]);
    expect(r.bad).toEqual([{ file: 'a.csv', line: 3, reason: 'missing_member', value: '2026-03-06' }]);
  });

  it('reads quoted cells, CRLF line breaks, a BOM, blank rows and short rows as Papa Parse does', () => {
    const text = '\uFEFF时间,成员ID,内容\r\n2026/3/5 9:00,"wx ""a""","多行\r\n内容, 含逗号"\r\n\r\n  ,  \r\n2026-03-06,wx_b\r\n2026-03-07\r\n"2026-03-08",wx_b,\r\n2026-13-01,wx_c\r\n2027-01-01,wx_c\r\n2026-03-09, \u3000wx_b\u3000';
    for (const cuts of [[], [1], [2, 3, 4], [30, 31, 32, 33], Array.from({ length: 200 }, (_, i) => i)]) expect(viaStream(text, options, cuts)).toEqual(viaPapa(text, options));
    const read = viaStream(text, options);
    expect(read.health!.members.map((m) => [m.member, m.events90])).toEqual([
      ['wx_b', 3],
      ['wx "a"', 1],
    ]);
    expect(read.bad.map((b) => [b.line, b.reason])).toEqual([
      [6, 'missing_member'],
      [8, 'bad_date'],
      [9, 'future_date'],
    ]);
  });

  it('ends a record at every line break of a file that mixes LF, CRLF and CR (Papa Parse keeps only the first kind it sees)', () => {
    const read = viaStream('时间,成员ID\r\n2026-03-06,a\n2026-03-07,b\r2026-03-08,c\r\n', options);
    expect([read.rows, read.events, read.health!.report.members]).toEqual([3, 3, 3]);
  });

  it('equals the Papa Parse path on random files cut into random chunks', () => {
    const cell = fc.constantFrom('wx_a', 'wx_b', '张三', ' wx_a ', '', '"q,uoted"', '"a""b"', '2026-03-05', '2026/3/5 23:59', '2026-02-30', '1772668800', 'x', '2026年3月6日', '"2026-03-07"', '2026-12-31');
    const row = fc.array(cell, { minLength: 0, maxLength: 4 }).map((cells) => cells.join(','));
    fc.assert(
      fc.property(fc.array(row, { maxLength: 40 }), fc.constantFrom('\n', '\r\n', '\r'), fc.array(fc.integer({ min: 0, max: 2000 }), { maxLength: 8 }), fc.boolean(), fc.boolean(), (rows, nl, cuts, header, trailing) => {
        const text = rows.join(nl) + (trailing ? nl : '');
        const o = { ...options, hasHeader: header };
        expect(viaStream(text, o, cuts)).toEqual(viaPapa(text, o));
      }),
      { numRuns: 500 },
    );
  });

  it('numbers each file’s lines from 1, names the file of each bad row, and refuses a file whose header differs', () => {
    const r = new SheetReader({ delimiter: '\t', member: 0, date: 1, hasHeader: true, today: '2026-11-30' });
    r.startFile('1.tsv');
    r.push(enc.encode('id\tday\na\t2026-03-01\nb\tnope\n'));
    r.startFile('2.tsv');
    r.push(enc.encode('id\tday\n\nc\t2026-03-02\na\t2026-99-01\n'));
    r.endFile();
    expect(r.bad).toEqual([
      { file: '1.tsv', line: 3, reason: 'bad_date', value: 'nope' },
      { file: '2.tsv', line: 4, reason: 'bad_date', value: '2026-99-01' },
    ]);
    expect(r.result(3).report.members).toBe(2);
    r.startFile('3.tsv');
    expect(() => r.push(enc.encode('who\twhen\n'))).toThrow(ColumnsDifferError);
  });
});

describe('SheetReader split between two workers', () => {
  /** Reads the text in two readers split at the first line break after `at`, as the worker does, then merges. */
  function split(text: string, o: SheetReadOptions, at: number) {
    const bytes = enc.encode(text);
    const lf = bytes.indexOf(10, at);
    const cut = lf === -1 ? bytes.length : lf + 1;
    const first = new SheetReader(o);
    first.startFile('');
    first.push(bytes.subarray(0, cut));
    // A cut inside a quoted cell leaves a record unfinished: the first reader then reads on by itself.
    if (!first.atRecordEnd || cut === bytes.length) {
      first.push(bytes.subarray(cut));
      return { first, valid: false };
    }
    const second = new SheetReader(o);
    second.startFile('', true);
    second.push(bytes.subarray(cut));
    second.endFile();
    first.endFile();
    first.absorb(structuredClone(second.state()), first.lines);
    return { first, valid: true };
  }

  it('gives what one reader gives, line numbers of skipped rows included, wherever the cut falls', () => {
    const cell = fc.constantFrom('wx_a', 'wx_b', '张三', '', '"q,uo\nted"', '2026-03-05', '2026/3/5 23:59', '2026-02-30', 'x', '2026-12-31');
    // Blank rows before the header too: a cut before the header is not a place to split.
    const row = fc.array(cell, { minLength: 0, maxLength: 3 }).map((cells) => cells.join(','));
    let valid = 0;
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 40 }), fc.nat(400), fc.boolean(), (rows, at, header) => {
        const text = `${rows.join('\n')}\n`;
        const o = { ...options, hasHeader: header };
        const { first, valid: ok } = split(text, o, at);
        valid += Number(ok);
        const once = viaStream(text, o);
        expect({ rows: first.rows, bad: first.bad, badCounts: first.badCounts, events: first.events, health: first.events === 0 ? null : first.result(3) }).toEqual(once);
      }),
      { numRuns: 400 },
    );
    expect(valid).toBeGreaterThan(50);
  });
});

describe('CsvScanner', () => {
  it('reports the wanted columns of each record, in the order asked', () => {
    const got: string[][] = [];
    const dec = new TextDecoder();
    const s = new CsvScanner(44, [2, 0], (r) => got.push([0, 1].map((k) => (r.cells[k * 2]! === -1 ? '∅' : dec.decode(r.buf.subarray(r.cells[k * 2]!, r.cells[k * 2 + 1]!))))));
    s.push(enc.encode('a,"b\nc",d\ne'));
    s.push(enc.encode(',f\n'));
    s.end();
    expect(got).toEqual([
      ['d', 'a'],
      ['∅', 'e'],
    ]);
  });
});

describe('MemberTable', () => {
  it('numbers IDs in order of first appearance, through many rehashes', () => {
    const t = new MemberTable();
    const ids = Array.from({ length: 20_000 }, (_, i) => `wx_${(i * 7919) % 5000}`);
    const want = new Map<string, number>();
    for (const id of ids) {
      if (!want.has(id)) want.set(id, want.size);
      const b = enc.encode(id);
      expect(t.index(b, 0, b.length)).toBe(want.get(id));
    }
    expect(t.names).toEqual([...want.keys()]);
  });

  it('treats byte strings that decode to the same text (invalid UTF-8) as one member', () => {
    const t = new MemberTable();
    const a = new Uint8Array([0x61, 0xff]);
    const b = new Uint8Array([0x61, 0xfe]);
    expect([t.index(a, 0, 2), t.index(b, 0, 2)]).toEqual([0, 0]);
    expect(t.names).toEqual(['a\uFFFD']);
  });
});
