import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

/** `a/{b,c}.ts` stands for a/b.ts and a/c.ts. */
function expand(path: string): string[] {
  const match = /\{([^}]+)\}/.exec(path);
  if (!match) return [path];
  return match[1]!.split(',').flatMap((part) => expand(path.replace(match[0], part)));
}

/** Every path a document names in backticks: words with a slash or a file ending, not commands. */
export function namedPaths(markdown: string): string[] {
  const quoted = [...markdown.matchAll(/`([^`\s]+)`/g)].map((m) => m[1]!);
  return quoted
    .filter((q) => !q.startsWith('../') && !q.includes('(') && !q.startsWith('npm'))
    .filter((q) => /^(entrypoints|stores|components|utils|scripts|tests|public)\//.test(q))
    .flatMap(expand)
    .map((q) => q.replace(/\/$/, ''));
}

describe('the architecture map', () => {
  it('reads paths out of backticks, brace sets included', () => {
    expect(namedPaths('see `utils/a/{b,c}.ts`, `stores/` and `npm run x`, not `x.ts`')).toEqual([
      'utils/a/b.ts',
      'utils/a/c.ts',
      'stores',
    ]);
  });

  it('names only paths that exist in the tree', () => {
    const named = namedPaths(readFileSync('ARCHITECTURE.md', 'utf8'));
    expect(named.length).toBeGreaterThan(30);
    expect(named.filter((path) => !existsSync(path))).toEqual([]);
  });

  it('keeps the README layout section true as well', () => {
    const readme = readFileSync('README.md', 'utf8');
    const layout = readme.slice(readme.indexOf('Layout ('));
    const named = namedPaths(layout);
    expect(named.filter((path) => !existsSync(path))).toEqual([]);
  });
});
