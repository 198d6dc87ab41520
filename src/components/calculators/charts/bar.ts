/**
 * Chart.js registered with only what bar charts use (category + linear scales, legend, tooltip): the
 * calculators import this on demand, so prose pages never load Chart.js and no page loads `chart.js/auto`.
 */
import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, Tooltip } from 'chart.js';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Legend, Tooltip);

export { Chart };
