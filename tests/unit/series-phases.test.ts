import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeDrafts, decodePhases, encodeDrafts, encodePhases, kpisFromText, kpisToText, readDrafts } from '../../src/lib/phase-list';
import { parseSeries } from '../../src/lib/series';
import { presetPhases } from '../../src/lib';

describe('parseSeries', () => {
  it.each([
    ['100, 63.1，46.8\n38.2', [1, 0.631, 0.468, 0.382]],
    ['1 0.631 0.468', [1, 0.631, 0.468]],
    ['100%、63.1%；46.8%', [1, 0.631, 0.468]],
    ['１００％，８０％', [1, 0.8]],
    ['1\t0.5\t0.25', [1, 0.5, 0.25]],
  ])('reads %j', (text, values) => {
    expect(parseSeries(text)).toEqual({ ok: true, values });
  });

  it.each([
    ['', { ok: false, error: 'empty', index: 0 }],
    [' , ', { ok: false, error: 'empty', index: 0 }],
    ['1, x, 0.5', { ok: false, error: 'invalid', index: 1 }],
    ['1, 1e999', { ok: false, error: 'invalid', index: 1 }],
  ])('refuses %j', (text, outcome) => {
    expect(parseSeries(text)).toEqual(outcome);
  });

  it('reads back any list of percentages printed with one decimal', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 1, maxLength: 36 }), (tenths) => {
        const text = ['100', ...tenths.map((t) => (t / 10).toFixed(1))].join(', ');
        const r = parseSeries(text);
        expect(r.ok).toBe(true);
        if (r.ok) expect(r.values).toEqual([1, ...tenths.map((t) => Number((t / 1000).toPrecision(12)))]);
      }),
    );
  });
});

describe('phase list codec', () => {
  it('round-trips every preset in both languages', () => {
    for (const id of ['launch-growth-mature', 'three-step', 'four-stage'] as const) {
      for (const locale of ['zh-CN', 'en'] as const) {
        const phases = presetPhases(id, locale);
        const back = decodePhases(encodePhases(phases));
        expect(back?.map((p) => [p.name, p.months, p.kpis])).toEqual(phases.map((p) => [p.name, p.months, p.kpis ?? []]));
        expect(back?.map((p) => p.id)).toEqual(phases.map((_, i) => `p${i + 1}`));
      }
    }
  });

  it('reads the old "✓" placeholder of an item without a colon as no target', () => {
    // Saved before issue #14: kpisFromText('成员 1,000') stored ["成员 1,000", "✓"].
    expect(decodePhases('[{"n":"启动期","m":3,"k":[["成员 1,000","✓"],["粘性","≥ 0.4"]]}]')?.[0]?.kpis).toEqual([
      { metric: '成员 1,000', target: '' },
      { metric: '粘性', target: '≥ 0.4' },
    ]);
    const stored = encodePhases([{ id: 'p1', name: 'x', months: 1, kpis: kpisFromText('上线') }]);
    expect(stored).not.toContain('✓');
    expect(decodePhases(stored)?.[0]?.kpis).toEqual([{ metric: '上线', target: '' }]);
    // A KPI given without a target (the schema's default) is stored and shown as its metric alone.
    const bare = [{ id: 'p1', name: 'x', months: 1, kpis: [{ metric: '上线' }] }];
    expect(decodePhases(encodePhases(bare))?.[0]?.kpis).toEqual([{ metric: '上线', target: '' }]);
    expect(kpisToText(bare[0]!.kpis)).toBe('上线');
  });

  it('keeps an emptied months box as NaN (the schema then names the field)', () => {
    expect(decodePhases(encodePhases([{ id: 'a', name: 'x', months: Number.NaN }]))?.[0]?.months).toBeNaN();
  });

  it('keeps the months and KPI boxes exactly as typed, half-typed text included', () => {
    // Each prefix of what a planner types, key by key: the box must read back the same after every key.
    for (const typed of ['2.5', '12.5', '1,200', '1.2万', '02', 'abc', ' 3 ']) {
      for (let n = 0; n <= typed.length; n++) {
        const months = typed.slice(0, n);
        const back = decodeDrafts(encodeDrafts([{ name: 'x', months, kpis: 'A:1;' }]));
        expect(back).toEqual([{ name: 'x', months, kpis: 'A:1;' }]);
      }
    }
    // A plain whole number and a canonical KPI line are stored as before (number and pairs).
    expect(encodeDrafts([{ name: 'x', months: '3', kpis: 'A: 1; B' }])).toBe('[{"n":"x","m":3,"k":[["A","1"],["B",""]]}]');
    expect(encodeDrafts([{ name: 'x', months: '2.5', kpis: 'A:1' }])).toBe('[{"n":"x","m":"2.5","k":"A:1"}]');
  });

  it('any draft round-trips through the stored text', () => {
    const draft = fc.record({ name: fc.string(), months: fc.string(), kpis: fc.string() });
    fc.assert(
      fc.property(fc.array(draft, { maxLength: 5 }), (drafts) => {
        expect(decodeDrafts(encodeDrafts(drafts))).toEqual(drafts);
      }),
    );
  });

  it('reads drafts for the library: months by parseNumber, errors by phase', () => {
    const { phases, errors } = readDrafts([
      { name: 'a', months: '3', kpis: 'X: 1' },
      { name: 'b', months: '2.5', kpis: '' },
      { name: 'c', months: 'abc', kpis: '' },
      { name: 'd', months: '', kpis: '' },
    ]);
    expect(phases.map((p) => [p.id, p.months])).toEqual([['p1', 3], ['p2', 2.5], ['p3', Number.NaN], ['p4', Number.NaN]]);
    expect(phases[0]!.kpis).toEqual([{ metric: 'X', target: '1' }]);
    expect(errors).toEqual({ 2: 'invalid', 3: 'empty' });
  });

  it('reads links written before drafts (months as a number or null)', () => {
    expect(decodeDrafts('[{"n":"a","m":3},{"n":"b","m":null,"k":[["X","1"]]}]')).toEqual([
      { name: 'a', months: '3', kpis: '' },
      { name: 'b', months: '', kpis: 'X: 1' },
    ]);
  });

  it.each(['{', '{}', '[1]', '[{"n":1,"m":2}]', '[{"n":"a","m":true}]', '[{"n":"a","m":3,"k":[["x"]]}]', '[{"n":"a","m":3,"k":5}]', 'null'])('refuses %s', (text) => {
    expect(decodePhases(text)).toBeNull();
  });

  it('reads and writes KPI lines', () => {
    expect(kpisFromText('DAU/MAU: ≥ 0.4；7日留存：> 60%; 群规上线')).toEqual([
      { metric: 'DAU/MAU', target: '≥ 0.4' },
      { metric: '7日留存', target: '> 60%' },
      { metric: '群规上线', target: '' },
    ]);
    expect(kpisToText(kpisFromText('A: 1; B'))).toBe('A: 1; B');
    // Nothing the planner did not write: no "done" mark on an item without a colon.
    expect(kpisFromText('成员 1,000')).toEqual([{ metric: '成员 1,000', target: '' }]);
    expect(kpisToText(kpisFromText('成员 1,000; 粘性: ≥ 0.4'))).toBe('成员 1,000; 粘性: ≥ 0.4');
    expect(kpisFromText(' ; ')).toEqual([]);
  });
});
