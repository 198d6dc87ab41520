/**
 * Chart.js, registered with only the pieces our charts use (bar and line charts on category/linear scales),
 * so the bundle stays near 48 KB instead of `chart.js/auto`'s 69 KB. Imported dynamically by `ChartBlock`,
 * which only calculators use: prose pages never load it.
 */
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Filler,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
} from 'chart.js';

Chart.register(BarController, BarElement, LineController, LineElement, PointElement, CategoryScale, LinearScale, Legend, Tooltip, Filler);

export { Chart };
