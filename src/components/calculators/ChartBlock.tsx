/**
 * A Chart.js chart in the site's theme colours, plus the same numbers as a table for screen readers and
 * print. Chart.js needs `window`, so it is loaded and created inside an effect; it is redrawn when the
 * reader switches the colour scheme (Starlight sets `data-theme` on <html>).
 *
 * Printing: a browser lays the page out for paper without running Chart.js's resize observer, and the
 * print snapshot is taken before any promise or effect runs. So every chart registers here, and on
 * `beforeprint` (and when the print media query starts to match) each chart is drawn at once if it has
 * not been yet, with the light colours, at the paper width (Chart.js' advice for printing resizable
 * charts: an explicit `resize(width, height)`, undone on `afterprint`). A chart whose Chart.js build is
 * not loaded yet cannot be drawn synchronously: the print buttons and Ctrl/⌘ P first load and draw
 * every chart (`printWithCharts`), then open the print dialog.
 */
import type { Chart as ChartType, ChartConfiguration } from 'chart.js';
import { useEffect, useRef, useState } from 'preact/hooks';
import { SERIES, type Scheme } from '../../lib/chart-colors';
import type { Locale } from '../../lib/format';
import { ui } from './strings';
import { printables, printWithCharts, type Printable } from './print-charts';

export { printWithCharts };

export interface ThemeColors {
  text: string;
  grid: string;
  series: readonly string[];
}

const scheme = (): Scheme => (document.documentElement.dataset.theme === 'dark' ? 'dark' : 'light');

function themeColors(print: boolean): ThemeColors {
  // Paper is white whatever the screen's scheme: print uses the light scheme's colours.
  if (print) return { text: '#23262f', grid: '#c0c2c7', series: SERIES.light };
  const css = getComputedStyle(document.documentElement);
  const v = (name: string) => css.getPropertyValue(name).trim();
  return { text: v('--sl-color-gray-2'), grid: v('--sl-color-gray-5'), series: SERIES[scheme()] };
}

/** The colours a chart's datasets are drawn in, one per dataset (or per bar where a dataset colours each bar). */
export function seriesColors(config: ChartConfiguration): string[] {
  return config.data.datasets.flatMap((d) => {
    const c = (d as { backgroundColor?: unknown; borderColor?: unknown }).backgroundColor ?? (d as { borderColor?: unknown }).borderColor;
    return Array.isArray(c) ? c.map(String) : c === undefined ? [] : [String(c)];
  });
}

type ChartClass = typeof ChartType;
const builds: Partial<Record<'bar' | 'line', ChartClass>> = {};
const loadBuild = async (kind: 'bar' | 'line'): Promise<ChartClass> =>
  (builds[kind] ??= (await (kind === 'line' ? import('./charts/line') : import('./charts/bar'))).Chart);


/** Width and aspect of a chart on paper: A4 less 14 mm margins is 182 mm; 96 CSS px per inch. */
const PAPER_WIDTH_PX = Math.floor((180 / 25.4) * 96);
let printing = false;

function fitForPrint() {
  printing = true;
  for (const c of printables) {
    const chart = c.draw(true);
    if (!chart) continue;
    const box = chart.canvas.parentElement!;
    const ratio = box.classList.contains('calc-chart-box--tall') ? 2 : 3;
    // Once the print layout applies, the box has its paper width; before it, assume the full line.
    const laidOut = matchMedia('print').matches ? box.getBoundingClientRect().width : 0;
    const width = Math.round(laidOut > 0 ? laidOut : PAPER_WIDTH_PX);
    chart.resize(width, Math.round(width / ratio));
  }
}
function restoreAfterPrint() {
  if (!printing) return;
  printing = false;
  for (const c of printables) {
    c.draw(false)?.resize();
  }
}


let listening = false;
function listenForPrint() {
  if (listening) return;
  listening = true;
  addEventListener('beforeprint', fitForPrint);
  addEventListener('afterprint', restoreAfterPrint);
  matchMedia('print').addEventListener('change', (e) => (e.matches ? fitForPrint() : restoreAfterPrint()));
  // Ctrl/⌘ P before a chart's Chart.js build has loaded: load them first, then print.
  addEventListener('keydown', (e) => {
    if ((e.ctrlKey || e.metaKey) && !e.altKey && !e.shiftKey && e.key.toLowerCase() === 'p' && [...printables].some((c) => !c.loaded())) {
      e.preventDefault();
      void printWithCharts();
    }
  });
}

export interface ChartTable {
  head: string[];
  rows: string[][];
}

export function ChartBlock({
  kind,
  locale,
  label,
  build,
  table,
  tall = false,
}: {
  /** Which Chart.js build to load: each registers only its own controller and elements. */
  kind: 'bar' | 'line';
  locale: Locale;
  label: string;
  build: (c: ThemeColors) => ChartConfiguration;
  table: ChartTable;
  /** A taller plot area (e.g. a timeline with many phases). */
  tall?: boolean;
}) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const chart = useRef<ChartType | null>(null);
  const [theme, setTheme] = useState(0);
  const buildRef = useRef(build);
  buildRef.current = build;

  // Creates or updates the chart from the latest props, synchronously (print needs that).
  const draw = (print: boolean): ChartType | null => {
    const Chart = builds[kind];
    if (!Chart || !canvas.current) return null;
    const config = buildRef.current(themeColors(print));
    // On paper, three device pixels per CSS pixel keep lines and labels sharp.
    config.options = { responsive: true, maintainAspectRatio: false, animation: false, ...config.options, ...(print ? { devicePixelRatio: 3 } : {}) };
    // The drawn colours, for the colour-blindness check in the browser tests.
    canvas.current.dataset.colors = seriesColors(config).join(' ');
    Chart.defaults.font.family = getComputedStyle(document.body).fontFamily;
    if (chart.current && (chart.current.config as { type?: string }).type === (config as { type?: string }).type) {
      chart.current.data = config.data;
      chart.current.options = config.options;
      chart.current.update();
    } else {
      chart.current?.destroy();
      chart.current = new Chart(canvas.current, config);
    }
    return chart.current;
  };

  useEffect(() => {
    const observer = new MutationObserver(() => setTheme((n) => n + 1));
    observer.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
    const me: Printable = { load: () => loadBuild(kind), loaded: () => builds[kind] !== undefined, draw: (print) => draw(print) };
    printables.add(me);
    listenForPrint();
    return () => {
      printables.delete(me);
      observer.disconnect();
      chart.current?.destroy();
      chart.current = null;
    };
  }, []);

  // Chart.js (its download and, above all, building the first chart: the longest task on a phone) waits
  // until the chart is about to scroll into view, or the page is printed.
  const [near, setNear] = useState(false);
  useEffect(() => {
    const el = canvas.current;
    if (!el || typeof IntersectionObserver === 'undefined') return setNear(true);
    const io = new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && setNear(true), { rootMargin: '300px 0px' });
    io.observe(el);
    return () => io.disconnect();
  }, []);

  useEffect(() => {
    if (!near) return;
    let cancelled = false;
    void loadBuild(kind).then(() => !cancelled && draw(printing));
    return () => {
      cancelled = true;
    };
  });

  return (
    <figure class="calc-chart">
      <div class={`calc-chart-box${tall ? ' calc-chart-box--tall' : ''}`}>
        <canvas ref={canvas} role="img" aria-label={label} data-theme-rev={theme} />
      </div>
      <figcaption>{label}</figcaption>
      <details class="calc-chart-table">
        <summary>{ui[locale].common.chartTable}</summary>
        <DataTable head={table.head} rows={table.rows} />
      </details>
    </figure>
  );
}

/** A plain data table (first cell of each row is its header); it scrolls sideways by keyboard too. */
export function DataTable({ head, rows }: { head: readonly string[]; rows: readonly (readonly string[])[] }) {
  return (
    <div class="calc-table-wrap" tabIndex={0}>
      <table class="calc-data-table">
        <thead>
          <tr>
            {head.map((h) => (
              <th scope="col" key={h}>
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r, i) => (
            <tr key={i}>
              {r.map((c, j) => (j === 0 ? <th scope="row" key={j}>{c}</th> : <td key={j}>{c}</td>))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
