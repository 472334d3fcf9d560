/** npm run bench: runs every benchmark, prints each table and writes it into BENCHMARKS.md. */
import { benchBundleSize } from './bundle-size';
import { benchFirstRender } from './first-render';
import { benchTalkTime } from './talk-time';
import { benchClassify } from './classify';
import { benchCaptions } from './captions';
import { machineLine, writeSections, type BenchSection } from './report';

const benches: Array<() => BenchSection | Promise<BenchSection>> = [benchBundleSize, benchFirstRender, benchClassify, benchTalkTime, benchCaptions];

const runLine = `Last run ${new Date().toISOString().slice(0, 10)} on ${machineLine()}.`;
const sections: BenchSection[] = [];
for (const bench of benches) {
  const section = await bench();
  console.log(`\n## ${section.title}\n\n${section.markdown}\n`);
  sections.push(section);
}
writeSections('BENCHMARKS.md', sections, runLine);
console.log('Wrote BENCHMARKS.md');
