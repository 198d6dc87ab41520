import fc from 'fast-check';
import { readSheet } from 'read-excel-file/universal';
import writeExcelFile from 'write-excel-file/node';
import { describe, expect, it } from 'vitest';
import { cellText, guessColumns, isBlankRow, parseEventDate, sheetRowsText, type SheetCell } from '../../src/lib';

describe('cellText', () => {
  it.each<[string, SheetCell, string]>([
    ['empty cell', null, ''],
    ['missing cell', undefined, ''],
    ['text kept as it is, spaces included', ' 张三 ', ' 张三 '],
    ['whole number (a numeric member ID)', 12345, '12345'],
    ['11-digit number (a phone number used as ID)', 13800138000, '13800138000'],
    ['decimal', 1.5, '1.5'],
    ['NaN is no value', Number.NaN, ''],
    ['true', true, 'TRUE'],
    ['false', false, 'FALSE'],
    ['date at midnight: the day only', new Date(Date.UTC(2026, 2, 6)), '2026-03-06'],
    ['date-time', new Date(Date.UTC(2026, 2, 5, 21, 30)), '2026-03-05 21:30:00'],
    ['a day fraction just under 21:30 rounds to it', new Date(Date.UTC(2026, 2, 5, 21, 29, 59, 999)), '2026-03-05 21:30:00'],
    ['just under midnight rounds into the next day', new Date(Date.UTC(2026, 2, 5, 23, 59, 59, 600)), '2026-03-06'],
    ['invalid date', new Date(Number.NaN), ''],
    ['anything else a reader might hand over', { value: 1 } as unknown as SheetCell, ''],
    ['a year no export holds', new Date(Date.UTC(20000, 0, 1)), ''],
  ])('%s', (_name, cell, text) => {
    expect(cellText(cell)).toBe(text);
  });

  it('a date-time cell is read on the day written in the sheet, whatever the time zone setting', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date(Date.UTC(1990, 0, 1)), max: new Date(Date.UTC(2090, 11, 31, 23, 59, 58)), noInvalidDate: true }),
        fc.constantFrom(-480, 0, 480, 540),
        (date, offset) => {
          const rounded = new Date(Math.round(date.getTime() / 1000) * 1000);
          expect(parseEventDate(cellText(date), offset)).toBe(rounded.toISOString().slice(0, 10));
        },
      ),
    );
  });
});

describe('sheetRowsText and isBlankRow', () => {
  it('converts every cell and keeps row lengths', () => {
    expect(sheetRowsText([[new Date(Date.UTC(2026, 0, 2)), 7, null], []])).toEqual([['2026-01-02', '7', ''], []]);
  });

  it.each<[string[], boolean]>([
    [[], true],
    [[''], true],
    [[' ', '\t', ''], true],
    [['', 'a'], false],
  ])('isBlankRow(%j) is %s', (row, blank) => {
    expect(isBlankRow(row)).toBe(blank);
  });
});

describe('a real .xlsx workbook through read-excel-file', () => {
  it('reads as the same text rows a CSV export would hold, and the columns are guessed the same way', async () => {
    const dateTime = (y: number, m: number, d: number, h = 0, min = 0) => ({ value: new Date(Date.UTC(y, m - 1, d, h, min)), format: 'yyyy-mm-dd hh:mm' });
    const buffer = await writeExcelFile([
      ['互动时间', '成员ID', '昵称'],
      [dateTime(2026, 3, 5, 21, 30), 'wx_1', '张三'],
      [{ value: new Date(Date.UTC(2026, 2, 6)), format: 'yyyy/m/d' }, 12345, '李四'],
      ['2026-03-07', 'wx_3', null],
      [null, null, null],
      ['2026-03-08', 'wx_4', '=1+2'],
    ]).toBuffer();
    const cells = await readSheet(buffer.buffer.slice(buffer.byteOffset, buffer.byteOffset + buffer.length) as ArrayBuffer);
    const rows = sheetRowsText(cells);
    expect(rows).toEqual([
      ['互动时间', '成员ID', '昵称'],
      ['2026-03-05 21:30:00', 'wx_1', '张三'],
      ['2026-03-06', '12345', '李四'],
      ['2026-03-07', 'wx_3', ''],
      ['', '', ''],
      ['2026-03-08', 'wx_4', '=1+2'],
    ]);
    expect(rows.filter(isBlankRow)).toHaveLength(1);
    expect(guessColumns(rows.filter((r) => !isBlankRow(r)))).toEqual({ member: 1, date: 0, hasHeader: true });
  });
});
