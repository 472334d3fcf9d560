import { readFileSync } from 'node:fs';
import { join } from 'node:path';

// Tests run from the project root (vitest's root).
const FIXTURES = join(process.cwd(), 'tests', 'fixtures');

/** Parses a saved call page into a Document, as the content script would see it. */
export function fixtureDocument(path: string): Document {
  // Frames are not loaded: a test that needs a frame's document supplies it.
  const html = readFileSync(join(FIXTURES, path), 'utf8').replace(/(<iframe\b[^>]*?)\ssrc="[^"]*"/g, '$1');
  return new DOMParser().parseFromString(html, 'text/html');
}
