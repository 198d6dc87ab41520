import { describe, expect, test } from 'vitest';
import { BACKGROUND, confusablePairs, contrast, deltaE, linearRgb, MIN_DELTA_E, SERIES, simulate } from '../../src/lib/chart-colors';

describe('chart series colours', () => {
  for (const scheme of ['light', 'dark'] as const) {
    test(`the ${scheme} palette has seven colours no vision here confuses`, () => {
      const colors = SERIES[scheme];
      expect(new Set(colors).size).toBe(7);
      expect(confusablePairs(colors)).toEqual([]);
    });
    test(`every ${scheme} colour stands off its background`, () => {
      for (const c of SERIES[scheme]) expect(contrast(c, BACKGROUND[scheme]), c).toBeGreaterThanOrEqual(2);
    });
  }

  test('the simulation merges what red–green colour blindness merges', () => {
    // Pure red and pure green look alike to a deuteranope, not to typical vision: the check catches it.
    expect(deltaE('#ff0000', '#00ff00')).toBeGreaterThan(80);
    expect(deltaE('#d62728', '#2ca02c', 'deuteranopia')).toBeLessThan(MIN_DELTA_E + 10);
    expect(confusablePairs(['#c2570c', '#b45309'])).not.toEqual([]); // the old budget's two oranges
    expect(confusablePairs(['#0f6e5c', '#0f6e5c'])).toEqual([
      { a: 0, b: 1, vision: 'typical', deltaE: 0 },
      { a: 0, b: 1, vision: 'protanopia', deltaE: 0 },
      { a: 0, b: 1, vision: 'deuteranopia', deltaE: 0 },
    ]);
    // Blue and yellow survive both simulations.
    expect(deltaE('#0072b2', '#f0e442', 'protanopia')).toBeGreaterThan(50);
  });

  test('colour parsing and the matrices', () => {
    expect(linearRgb('#fff')).toEqual([1, 1, 1]);
    expect(() => linearRgb('orange')).toThrow(/not a #rrggbb/);
    expect(simulate('#000000', 'protanopia')).toEqual([0, 0, 0]);
    // Each Machado row sums to 1: white stays white.
    for (const v of simulate('#ffffff', 'deuteranopia')) expect(v).toBeCloseTo(1, 3);
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5);
  });
});
