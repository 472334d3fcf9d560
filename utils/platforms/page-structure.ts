/**
 * A structure-only picture of a call page, for a bug report when Attune cannot read a platform:
 * element tags, ARIA roles, the names of data-* attributes and class names, indented by depth.
 * No text, no attribute values other than role and class, so no names, titles or captions can
 * leak; it is built in the browser and only ever copied by the user, never sent.
 */

export interface PageStructureOptions {
  /** Deepest level written; deeper subtrees are summarised by a count. */
  maxDepth?: number;
  /** Most elements written; the rest are counted. */
  maxElements?: number;
}

const DEFAULT_MAX_DEPTH = 40;
const DEFAULT_MAX_ELEMENTS = 4_000;
// Elements whose content is code or media, never the call's structure.
const SKIPPED_TAGS = new Set(['script', 'style', 'noscript', 'template', 'svg', 'path', 'link', 'meta']);
// A class name or role made of these only: generated names like "nMcdL" or "fui-Flex" pass, a
// class that happens to carry text (a name with spaces or punctuation) does not.
const SAFE_TOKEN = /^[A-Za-z_][\w-]{0,47}$/;
const SAFE_DATA_NAME = /^data-[a-z0-9_-]{1,48}$/;

function describe(el: Element): string {
  const tag = el.tagName.toLowerCase();
  const classes = Array.from(el.classList).filter((c) => SAFE_TOKEN.test(c));
  const role = el.getAttribute('role');
  const dataNames = el
    .getAttributeNames()
    .filter((n) => SAFE_DATA_NAME.test(n))
    .sort();
  let line = tag + classes.map((c) => `.${c}`).join('');
  if (role && SAFE_TOKEN.test(role)) line += ` [role=${role}]`;
  if (el.hasAttribute('aria-hidden')) line += ' [aria-hidden]';
  if (el.hasAttribute('hidden')) line += ' [hidden]';
  if (dataNames.length > 0) line += ` {${dataNames.join(',')}}`;
  return line;
}

/** The structure of `root` and everything under it, one element a line. */
export function pageStructureReport(root: Element, options: PageStructureOptions = {}): string {
  const maxDepth = options.maxDepth ?? DEFAULT_MAX_DEPTH;
  const maxElements = options.maxElements ?? DEFAULT_MAX_ELEMENTS;
  const lines: string[] = [];
  let skipped = 0;
  const walk = (el: Element, depth: number) => {
    if (SKIPPED_TAGS.has(el.tagName.toLowerCase())) return;
    if (lines.length >= maxElements) {
      skipped += 1 + el.querySelectorAll('*').length;
      return;
    }
    lines.push(`${'  '.repeat(depth)}${describe(el)}`);
    if (depth >= maxDepth) {
      const below = el.querySelectorAll('*').length;
      if (below > 0) lines.push(`${'  '.repeat(depth + 1)}… ${below} more elements`);
      return;
    }
    for (const child of Array.from(el.children)) walk(child, depth + 1);
  };
  walk(root, 0);
  if (skipped > 0) lines.push(`… ${skipped} more elements not listed`);
  return lines.join('\n');
}
