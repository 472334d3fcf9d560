/**
 * Speaks the demo conversation with espeak-ng and encodes each line with sox as Ogg Vorbis in
 * scripts/demo/audio/, plus timing.json with each line's duration. The output is committed;
 * run this again only after editing conversation.json (needs: apt-get install espeak-ng sox).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';

interface Line {
  speaker: 'mentor' | 'mentee';
  text: string;
}
const DIR = 'scripts/demo';
const VOICES = {
  mentor: ['-v', 'en-gb+m3', '-s', '160', '-p', '40'],
  mentee: ['-v', 'en-us+f3', '-s', '165', '-p', '60'],
};

const conversation = JSON.parse(readFileSync(join(DIR, 'conversation.json'), 'utf8')) as { lines: Line[] };
mkdirSync(join(DIR, 'audio'), { recursive: true });
const timing = conversation.lines.map((line, i) => {
  const name = `${String(i + 1).padStart(2, '0')}.ogg`;
  const wav = join(tmpdir(), `attune-demo-${i}.wav`);
  execFileSync('espeak-ng', [...VOICES[line.speaker], '-w', wav, line.text]);
  execFileSync('sox', [wav, '-r', '16000', '-c', '1', '-C', '1', join(DIR, 'audio', name)]);
  const seconds = Number(
    execFileSync('soxi', ['-D', join(DIR, 'audio', name)])
      .toString()
      .trim(),
  );
  rmSync(wav);
  return { file: name, seconds: Math.round(seconds * 1000) / 1000 };
});
writeFileSync(join(DIR, 'audio', 'timing.json'), JSON.stringify(timing, null, 2) + '\n');
console.log(`${timing.length} lines, ${timing.reduce((s, t) => s + t.seconds, 0).toFixed(1)} s of speech`);
