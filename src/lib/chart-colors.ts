/**
 * The calculators' chart series colours, in one place for both colour schemes, and the check that keeps
 * them apart for readers with red–green colour blindness.
 *
 * The hues are Okabe & Ito's colour-blind-safe set (2008); for the dark scheme each is lightened so it
 * stands out on Starlight's near-black background. The check simulates protanopia and deuteranopia with
 * Machado, Oliveira & Fernandes' matrices (2009, severity 1, applied to linear RGB) and measures the
 * CIE76 colour difference (ΔE*ab) between every pair, as seen with typical and with simulated vision.
 */

export type Scheme = 'light' | 'dark';

/** Seven series (the plan's cost chart has seven budget lines): no chart needs more colours than this. */
export const SERIES: Readonly<Record<Scheme, readonly string[]>> = {
  light: ['#0072b2', '#e69f00', '#009e73', '#d55e00', '#cc79a7', '#56b4e9', '#4d4d4d'],
  dark: ['#56b4e9', '#e69f00', '#2fc497', '#d55e00', '#e08fbd', '#c2e3f7', '#f0e442'],
};

/** Background each scheme's charts are drawn on (Starlight's page backgrounds). */
export const BACKGROUND: Readonly<Record<Scheme, string>> = { light: '#ffffff', dark: '#17181c' };

export type Vision = 'typical' | 'protanopia' | 'deuteranopia';

const MACHADO: Record<Exclude<Vision, 'typical'>, readonly number[]> = {
  protanopia: [0.152286, 1.052583, -0.204868, 0.114503, 0.786281, 0.099216, -0.003882, -0.048116, 1.051998],
  deuteranopia: [0.367322, 0.860646, -0.227968, 0.280085, 0.672501, 0.047413, -0.01182, 0.04294, 0.968881],
};

/** `#rrggbb` (or `#rgb`) to linear-light RGB in 0..1; anything else throws, so a typo cannot pass. */
export function linearRgb(hex: string): [number, number, number] {
  const m = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(hex.trim());
  if (!m) throw new Error(`not a #rrggbb colour: ${hex}`);
  const h = m[1]!.length === 3 ? [...m[1]!].map((c) => c + c).join('') : m[1]!;
  return [0, 2, 4].map((i) => {
    const c = parseInt(h.slice(i, i + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
}

/** The colour as a reader with the given vision sees it, in linear RGB. */
export function simulate(hex: string, vision: Vision): [number, number, number] {
  const rgb = linearRgb(hex);
  if (vision === 'typical') return rgb;
  const k = MACHADO[vision];
  const clamp = (x: number) => Math.min(1, Math.max(0, x));
  return [0, 1, 2].map((r) => clamp(k[r * 3]! * rgb[0] + k[r * 3 + 1]! * rgb[1] + k[r * 3 + 2]! * rgb[2])) as [number, number, number];
}

/** Linear RGB (sRGB primaries, D65) to CIELAB. */
export function lab([r, g, b]: readonly [number, number, number]): [number, number, number] {
  const x = (0.4124564 * r + 0.3575761 * g + 0.1804375 * b) / 0.95047;
  const y = 0.2126729 * r + 0.7151522 * g + 0.072175 * b;
  const z = (0.0193339 * r + 0.119192 * g + 0.9503041 * b) / 1.08883;
  const f = (t: number) => (t > 216 / 24389 ? Math.cbrt(t) : (24389 / 27 * t + 16) / 116);
  return [116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))];
}

/** CIE76 ΔE*ab between two colours as seen with the given vision. */
export function deltaE(a: string, b: string, vision: Vision = 'typical'): number {
  const [l1, a1, b1] = lab(simulate(a, vision));
  const [l2, a2, b2] = lab(simulate(b, vision));
  return Math.hypot(l1 - l2, a1 - a2, b1 - b2);
}

/** WCAG contrast ratio between two colours. */
export function contrast(a: string, b: string): number {
  const lum = (hex: string) => {
    const [r, g, bl] = linearRgb(hex);
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** ΔE*ab under which two series count as confusable: well above a just-noticeable difference (≈ 2.3). */
export const MIN_DELTA_E = 12;

/** The pairs of colours (by index) that some vision cannot tell apart; empty when every pair is distinct. */
export function confusablePairs(colors: readonly string[], min = MIN_DELTA_E): { a: number; b: number; vision: Vision; deltaE: number }[] {
  const out: { a: number; b: number; vision: Vision; deltaE: number }[] = [];
  for (let a = 0; a < colors.length; a++)
    for (let b = a + 1; b < colors.length; b++)
      for (const vision of ['typical', 'protanopia', 'deuteranopia'] as const) {
        const d = deltaE(colors[a]!, colors[b]!, vision);
        if (d < min) out.push({ a, b, vision, deltaE: d });
      }
  return out;
}
