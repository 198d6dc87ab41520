import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaults, percentText, readFields, restore, serialize, storageKey, toQuery, type FieldDef } from '../../src/lib/calc-state';

const FIELDS: FieldDef[] = [
  { key: 'arpu', kind: 'number', default: '100' },
  { key: 'margin', kind: 'percent', default: '60' },
  { key: 'horizon', kind: 'number', default: '', optional: true },
  { key: 'mode', kind: 'select', default: 'direct', options: ['direct', 'spend'] },
  { key: 'start', kind: 'date', default: '2026-03-01' },
  { key: 'note', kind: 'text', default: '' },
];
const DEFAULTS = defaults(FIELDS);

describe('restore', () => {
  it('uses defaults when there is no link and nothing saved', () => {
    expect(restore(FIELDS, '', null)).toEqual({ state: DEFAULTS, from: 'defaults', rejected: [], linked: [], savedBroken: false });
  });

  it('restores exactly what a link carries, and the link wins over saved state', () => {
    const saved = serialize({ ...DEFAULTS, arpu: '55' });
    const r = restore(FIELDS, '?arpu=80&margin=50&horizon=36&mode=spend&start=2027-01-31&note=hi', saved);
    expect(r).toEqual({
      state: { arpu: '80', margin: '50', horizon: '36', mode: 'spend', start: '2027-01-31', note: 'hi' },
      from: 'link',
      rejected: [],
      linked: ['arpu', 'margin', 'horizon', 'mode', 'start', 'note'],
      savedBroken: false,
    });
  });

  it('fills fields a partial link leaves out from saved state (hand-over between calculators)', () => {
    const saved = serialize({ ...DEFAULTS, margin: '45' });
    const r = restore(FIELDS, '?arpu=138%2C666.67', saved);
    expect(r.state).toEqual({ ...DEFAULTS, arpu: '138,666.67', margin: '45' });
    // Only what the link supplied is "linked" (the island saves the state because of it).
    expect(r.linked).toEqual(['arpu']);
  });

  it.each([
    ['?arpu=abc', ['arpu']],
    ['?arpu=1e999&margin=20%25%25', ['arpu', 'margin']],
    ['?mode=<script>alert(1)</script>', ['mode']],
    ['?start=2026-13', ['start']],
    [`?note=${'x'.repeat(2001)}`, ['note']],
    ['?note=%00', ['note']],
  ])('refuses tampered link values %s and keeps defaults for them', (search, rejected) => {
    const r = restore(FIELDS, search, null);
    expect(r.rejected).toEqual(rejected);
    expect(r.linked).toEqual([]);
    for (const k of rejected) expect(r.state[k]).toBe(DEFAULTS[k]);
  });

  it('ignores parameters that belong to no field', () => {
    expect(restore(FIELDS, '?utm_source=x', null).from).toBe('defaults');
  });

  it.each([
    ['not json', '{'],
    ['an array', '[1,2]'],
    ['null', 'null'],
    ['a newer version', JSON.stringify({ v: 99, fields: { arpu: '1' } })],
    ['a number where text belongs', JSON.stringify({ v: 1, fields: { arpu: 5 } })],
    ['an unknown option', JSON.stringify({ v: 1, fields: { mode: 'other' } })],
    ['fields that are not an object', JSON.stringify({ v: 1, fields: 'x' })],
  ])('treats saved state that is %s as broken: defaults load and a notice is due', (_, saved) => {
    expect(restore(FIELDS, '', saved)).toEqual({ state: DEFAULTS, from: 'defaults', rejected: [], linked: [], savedBroken: true });
  });

  it('keeps saved text that does not parse, so nothing the planner typed is lost', () => {
    const saved = serialize({ ...DEFAULTS, arpu: '12abc' });
    expect(restore(FIELDS, '', saved)).toMatchObject({ state: { arpu: '12abc' }, from: 'saved', savedBroken: false });
  });

  it('migrates version 0 (a bare field map)', () => {
    expect(restore(FIELDS, '', JSON.stringify({ arpu: '70' })).state.arpu).toBe('70');
  });

  it('round-trips any state through the link', () => {
    const text = fc.string({ maxLength: 30 }).filter((s) => !/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/.test(s));
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e9 }), fc.integer({ min: 0, max: 10_000 }).map((n) => n / 100), fc.constantFrom('direct', 'spend'), text, (arpu, margin, mode, note) => {
        const state = { ...DEFAULTS, arpu: String(arpu), margin: String(margin), mode, note };
        expect(restore(FIELDS, toQuery(FIELDS, state), null).state).toEqual(state);
      }),
    );
  });
});

describe('readFields', () => {
  it('reads numbers, percents, optional blanks, options and dates', () => {
    const r = readFields(FIELDS, { arpu: '2.5万', margin: '１２％', horizon: ' ', mode: 'spend', start: '2026-02-28', note: 'x' });
    expect(r).toEqual({
      arpu: { ok: true, value: 25000 },
      margin: { ok: true, value: 0.12 },
      horizon: { ok: true, value: null },
      mode: { ok: true, value: 'spend' },
      start: { ok: true, value: '2026-02-28' },
      note: { ok: true, value: 'x' },
    });
  });

  it('reports what is wrong with each field', () => {
    const r = readFields(FIELDS, { arpu: '', margin: 'abc', horizon: '1e999', mode: 'x', start: '', note: '' });
    expect(r.arpu).toEqual({ ok: false, error: 'empty' });
    expect(r.margin).toEqual({ ok: false, error: 'invalid' });
    expect(r.horizon).toEqual({ ok: false, error: 'invalid' });
    expect(r.mode).toEqual({ ok: false, error: 'invalid' });
    expect(r.start).toEqual({ ok: false, error: 'empty' });
    expect(readFields(FIELDS, { ...DEFAULTS, start: '3/1/2026' }).start).toEqual({ ok: false, error: 'invalid' });
  });
});

describe('helpers', () => {
  it('names the storage key after the calculator', () => {
    expect(storageKey('budget')).toBe('playbook:calc:budget');
  });
  it.each([
    [0.1, '10'],
    [0.075, '7.5'],
    [0.07, '7'],
    [0.05, '5'],
    [0, '0'],
    [1, '100'],
  ])('percentText(%d) = %s', (f, text) => expect(percentText(f)).toBe(text));
});
