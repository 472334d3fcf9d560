import { BENCH_MARKS } from '@/utils/bench-marks';
import '@/components/theme.css';
// Show the shortcut the user actually has (they may have changed it in the browser's settings).
void browser.commands.getAll().then((commands) => {
  const shortcut = commands.find((c) => c.name === '_execute_action' || c.name === '_execute_browser_action')?.shortcut;
  const el = document.getElementById('shortcut');
  if (el && shortcut) el.textContent = shortcut;
});
requestAnimationFrame(() => performance.mark(BENCH_MARKS.firstRender));
