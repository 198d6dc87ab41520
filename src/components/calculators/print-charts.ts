/**
 * The charts on this page that printing must draw first. It lives apart from ChartBlock so that the print
 * button every island shows (`Actions` in parts.tsx) does not make Chart.js part of pages that draw no chart,
 * such as the health check: ChartBlock registers each chart here with a way to load its Chart.js build.
 */
import type { Chart as ChartType } from 'chart.js';

export interface Printable {
  /** Loads this chart's Chart.js build (bar or line). */
  load(): Promise<unknown>;
  /** Whether that build is loaded, so the chart can be drawn synchronously. */
  loaded(): boolean;
  /** Draws (or redraws) the chart now; null when its Chart.js build is not loaded yet. */
  draw(print: boolean): ChartType | null;
}

export const printables = new Set<Printable>();

/** Loads Chart.js for every chart on the page and draws them all, then opens the print dialog. */
export async function printWithCharts() {
  await Promise.all([...printables].map((c) => c.load()));
  window.print();
}
