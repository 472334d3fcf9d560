/**
 * npm run bench: runs every benchmark, prints each table and writes it into BENCHMARKS.md.
 * `npm run bench -- --only capture,classify` runs just those (by section id).
 */
import { benchBundleSize } from './bundle-size';
import { benchFirstRender } from './first-render';
import { benchTalkTime } from './talk-time';
import { benchClassify } from './classify';
import { benchCapture } from './capture';
import { benchDashboard } from './dashboard';
import { benchCaptions } from './captions';
import { benchListening } from './listening';
import { machineLine, writeSections, type BenchSection } from './report';

const benches: Record<string, () => BenchSection | Promise<BenchSection>> = {
  'bundle-size': benchBundleSize,
  'first-render': benchFirstRender,
  classify: benchClassify,
  'talk-time': benchTalkTime,
  capture: benchCapture,
  dashboard: benchDashboard,
  captions: benchCaptions,
  listening: benchListening,
};

const onlyAt = process.argv.indexOf('--only');
const only = onlyAt >= 0 ? (process.argv[onlyAt + 1] ?? '').split(',').filter(Boolean) : Object.keys(benches);
const unknown = only.filter((id) => !(id in benches));
if (unknown.length > 0) {
  console.error(`Unknown benchmark: ${unknown.join(', ')}. Known: ${Object.keys(benches).join(', ')}.`);
  process.exit(2);
}

const runLine = `Last run ${new Date().toISOString().slice(0, 10)} on ${machineLine()}.`;
const sections: BenchSection[] = [];
for (const id of only) {
  const section = await benches[id]!();
  console.log(`\n## ${section.title}\n\n${section.markdown}\n`);
  sections.push(section);
}
writeSections('BENCHMARKS.md', sections, runLine);
console.log('Wrote BENCHMARKS.md');
