/**
 * A Chart.js chart in the site's theme colours, plus the same numbers as a table for screen readers and
 * print. Chart.js needs `window`, so it is loaded and created inside an effect; it is redrawn when the
 * reader switches the colour scheme (Starlight sets `data-theme` on <html>).
 */
import type { ChartConfiguration } from 'chart.js';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Locale } from '../../lib/format';
import { ui } from './strings';

export interface ThemeColors {
  text: string;
  grid: string;
  accent: string;
  series: string[];
  danger: string;
}

function themeColors(): ThemeColors {
  const css = getComputedStyle(document.documentElement);
  const v = (name: string) => css.getPropertyValue(name).trim();
  return {
    text: v('--sl-color-gray-2'),
    grid: v('--sl-color-gray-5'),
    accent: v('--sl-color-accent'),
    series: [1, 2, 3, 4, 5, 6].map((i) => v(`--calc-series-${i}`)),
    danger: v('--calc-danger'),
  };
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
  const chart = useRef<import('chart.js').Chart | null>(null);
  const [theme, setTheme] = useState(0);
  const buildRef = useRef(build);
  buildRef.current = build;

  useEffect(() => {
    const observer = new MutationObserver(() => setTheme((n) => n + 1));
    observer.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
    return () => {
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
    const print = () => setNear(true);
    addEventListener('beforeprint', print);
    return () => {
      io.disconnect();
      removeEventListener('beforeprint', print);
    };
  }, []);

  useEffect(() => {
    if (!near) return;
    let cancelled = false;
    (kind === 'line' ? import('./charts/line') : import('./charts/bar')).then(({ Chart }) => {
      if (cancelled || !canvas.current) return;
      const config = buildRef.current(themeColors());
      config.options = { responsive: true, maintainAspectRatio: false, animation: false, ...config.options };
      Chart.defaults.font.family = getComputedStyle(document.body).fontFamily;
      if (chart.current && (chart.current.config as { type?: string }).type === (config as { type?: string }).type) {
        chart.current.data = config.data;
        chart.current.options = config.options;
        chart.current.update();
      } else {
        chart.current?.destroy();
        chart.current = new Chart(canvas.current, config);
      }
    });
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
