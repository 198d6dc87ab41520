/**
 * Reads a printed PDF the way the print tests check it: per page, every text item with its box, and every
 * chart drawn on it. Chromium prints a <canvas> as vector drawing cut into clipped bands (plot, legend);
 * a chart is found as the union of nearby clip rectangles in which paths are filled (bars, legend boxes,
 * points) or stroked (the lines of a line chart) in the chart series colours (src/lib/chart-colors.ts).
 * A chart that was never drawn has no such paths: it is not found.
 * Coordinates are PDF points, y growing upwards from the bottom of the page.
 */
import { SERIES } from '../../src/lib/chart-colors';

export interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}
export interface PdfText extends Box {
  str: string;
}
export interface PdfPage {
  width: number;
  height: number;
  texts: PdfText[];
  charts: Box[];
}

const SERIES_COLOURS = new Set([...SERIES.light, ...SERIES.dark].map((c) => c.toLowerCase()));

/**
 * Where a CJK font draws a whole character and a radical with one glyph, Chromium's PDF text maps it to the
 * radical (长 comes back as ⻓ U+2ED3, 见 as ⻅, 户 as ⼾ U+2F3E): NFKC leaves the first kind alone and turns
 * ⼾ into the traditional 戶, so these are mapped to the simplified characters first.
 */
const RADICALS: Record<string, string> = {
  '⺟': '母', '⺠': '民', '⻄': '西', '⻅': '见', '⻆': '角', '⻉': '贝', '⻋': '车', '⻓': '长', '⻔': '门', '⻘': '青',
  '⻚': '页', '⻛': '风', '⻜': '飞', '⻝': '食', '⻢': '马', '⻤': '鬼', '⻥': '鱼', '⻦': '鸟', '⻧': '卤', '⻨': '麦',
  '⻩': '黄', '⻪': '黾', '⻬': '齐', '⻮': '齿', '⻰': '龙', '⻳': '龟', '⼾': '户',
};
const unradical = (s: string) => s.replace(/[\u2E80-\u2FDF]/g, (c) => RADICALS[c] ?? c);

export async function readPdf(pdf: Buffer): Promise<PdfPage[]> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const { OPS, Util } = pdfjs;
  const doc = await pdfjs.getDocument({ data: new Uint8Array(pdf), useSystemFonts: false, isEvalSupported: false }).promise;
  const pages: PdfPage[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    const [, , width, height] = page.view as [number, number, number, number];
    const texts: PdfText[] = (await page.getTextContent()).items.flatMap((it) =>
      'str' in it && it.str.trim()
        ? [{ str: unradical(it.str).normalize('NFKC'), x0: it.transform[4], y0: it.transform[5], x1: it.transform[4] + it.width, y1: it.transform[5] + it.height }]
        : [],
    );

    const ops = await page.getOperatorList();
    // The painting operator each path ends with (pdfjs passes it as constructPath's first argument).
    const FILLS = new Set([OPS.fill, OPS.eoFill, OPS.fillStroke, OPS.eoFillStroke, OPS.closeFillStroke, OPS.closeEOFillStroke]);
    const STROKES = new Set([OPS.stroke, OPS.closeStroke, OPS.fillStroke, OPS.eoFillStroke, OPS.closeFillStroke, OPS.closeEOFillStroke]);
    type State = { ctm: number[]; clips: Box[] };
    let st: State = { ctm: [1, 0, 0, 1, 0, 0], clips: [] };
    const stack: State[] = [];
    let clipNext = false;
    let fill = '';
    let stroke = '';
    const bands: Box[] = [];
    for (let k = 0; k < ops.fnArray.length; k++) {
      const fn = ops.fnArray[k];
      const args = ops.argsArray[k] as unknown[];
      if (fn === OPS.save || fn === OPS.paintFormXObjectBegin) {
        stack.push(st);
        st = { ctm: st.ctm, clips: st.clips };
        if (fn === OPS.paintFormXObjectBegin && args[0]) st.ctm = Util.transform(st.ctm, args[0] as number[]);
      } else if (fn === OPS.restore || fn === OPS.paintFormXObjectEnd) st = stack.pop() ?? st;
      else if (fn === OPS.transform) st.ctm = Util.transform(st.ctm, args as number[]);
      else if (fn === OPS.clip || fn === OPS.eoClip) clipNext = true;
      else if (fn === OPS.setFillRGBColor) fill = String(args[0]).toLowerCase();
      else if (fn === OPS.setStrokeRGBColor) stroke = String(args[0]).toLowerCase();
      else if (fn === OPS.constructPath) {
        const minMax = args[2] as ArrayLike<number> | null;
        if (clipNext && minMax) {
          st.clips = [...st.clips, boxOf([minMax[0]!, minMax[1]!, minMax[2]!, minMax[3]!], st.ctm)];
        } else if (st.clips.length && ((FILLS.has(args[0] as number) && SERIES_COLOURS.has(fill)) || (STROKES.has(args[0] as number) && SERIES_COLOURS.has(stroke))))
          bands.push(st.clips[st.clips.length - 1]!);
        clipNext = false;
      }
    }
    // Bands less than 40 pt apart (a plot and its legend below the axis labels) are one chart; two charts
    // are always further apart, with a caption and a data table between them.
    const charts: Box[] = [];
    for (const b of bands) {
      const near = charts.findIndex((c) => b.y0 < c.y1 + 40 && c.y0 < b.y1 + 40 && b.x0 < c.x1 && c.x0 < b.x1);
      if (near < 0) charts.push(b);
      else charts[near] = union(charts[near]!, b);
    }
    pages.push({ width, height, texts, charts });
  }
  return pages;
}

/** The rectangle [x0, y0, x1, y1] through the matrix [a, b, c, d, e, f], as an upright box. */
function boxOf([x0, y0, x1, y1]: number[], [a, b, c, d, e, f]: number[]): Box {
  const xs: number[] = [];
  const ys: number[] = [];
  for (const [x, y] of [[x0!, y0!], [x0!, y1!], [x1!, y0!], [x1!, y1!]] as const) {
    xs.push(a! * x + c! * y + e!);
    ys.push(b! * x + d! * y + f!);
  }
  return { x0: Math.min(...xs), y0: Math.min(...ys), x1: Math.max(...xs), y1: Math.max(...ys) };
}

const union = (a: Box, b: Box): Box => ({ x0: Math.min(a.x0, b.x0), y0: Math.min(a.y0, b.y0), x1: Math.max(a.x1, b.x1), y1: Math.max(a.y1, b.y1) });

/** Whether two boxes share any area (touching edges do not count). */
export const overlaps = (a: Box, b: Box) => a.x0 < b.x1 - 0.5 && b.x0 < a.x1 - 0.5 && a.y0 < b.y1 - 0.5 && b.y0 < a.y1 - 0.5;

export interface PdfLine extends Box {
  text: string;
}

/** The page's text as lines, top to bottom: items on the same baseline joined left to right, whitespace removed. */
export function lines(page: PdfPage): PdfLine[] {
  const rows = new Map<number, PdfText[]>();
  for (const t of page.texts) {
    const y = Math.round(t.y0);
    rows.set(y, [...(rows.get(y) ?? []), t]);
  }
  return [...rows.entries()]
    .sort(([a], [b]) => b - a)
    .map(([, items]) => {
      items.sort((a, b) => a.x0 - b.x0);
      return { ...items.reduce<Box>((a, b) => union(a, b), items[0]!), text: items.map((t) => t.str).join('').replace(/\s+/g, '') };
    });
}
