/** Chart.js with only the parts the dashboard draws (keeps the bundle small). */
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  ScatterController,
  Tooltip,
} from 'chart.js';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, LineController, LineElement, PointElement, ScatterController, Legend, Tooltip);
Chart.defaults.font.family = getComputedStyle(document.documentElement).fontFamily;
Chart.defaults.color = '#2b3440';
// Screenshots and tests see the finished chart, not an animation frame.
Chart.defaults.animation = false;

export { Chart };

/** Charts live as long as their page: the router destroys them before it renders the next one. */
const live = new Set<{ destroy(): void }>();
/** What `track` uses of a chart, whatever its type and data (Chart.js's own generics do not widen to one another). */
type TrackedChart = Pick<Chart, 'canvas' | 'destroy'> & { readonly legend?: { legendItems?: readonly { text: string }[] } };
export function track<T extends TrackedChart>(chart: T): T {
  live.add(chart);
  // What the canvas legend shows, for tests and tools that cannot read pixels.
  chart.canvas.dataset.legend = (chart.legend?.legendItems ?? []).map((item) => item.text).join(' | ');
  return chart;
}
export function destroyCharts(): void {
  for (const chart of live) chart.destroy();
  live.clear();
}
