import { createApp, nextTick } from 'vue';
import { createPinia } from 'pinia';
import { installServices } from '@/utils/services';
import App from './App.vue';
import { connectDashboard } from './connect';
import { loadPlot } from '@/components/dashboard/plot-loader';
import '@/components/theme.css';
import './style.css';
import { BENCH_MARKS } from '@/utils/bench-marks';

const app = createApp(App);
const pinia = createPinia();
// The clock first, before any section can read it; the rest of the services once the database is open.
installServices({ now: () => Date.now() }, pinia);
app.use(pinia);
app.mount('#app');
// The charts' library is fetched alongside the database reads: the first view draws them too.
const charts = loadPlot();
void Promise.all([app.runWithContext(connectDashboard), charts]).then(async () => {
  await nextTick();
  // The benchmark reads this mark: the first frame with the history's first view (relationships
  // and the four trend charts, drawn by now) on screen.
  requestAnimationFrame(() => performance.mark(BENCH_MARKS.firstRender));
});
