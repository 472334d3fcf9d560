import { textOf } from './read-call';
import { NAME_DECORATION } from './labels/zoom';

/** A display name as platforms decorate it: "Sam Lee (Host, me)" and "Sam Lee (Gast)" are "sam lee". */
export function plainName(name: string): string {
  return name.replace(NAME_DECORATION, '').replace(/\s+/g, ' ').trim().toLocaleLowerCase();
}

/** Whether one participant's row or tile shows this (plain) name, as its whole text or one leaf's. */
function showsName(el: Element, name: string): boolean {
  if (plainName(textOf(el)) === name) return true;
  for (const leaf of Array.from(el.querySelectorAll('*'))) {
    if (leaf.childElementCount === 0 && plainName(textOf(leaf)) === name) return true;
  }
  return false;
}

/**
 * The names, of those asked about, that two or more participants show at once: a guest who joined
 * under the mentor's full name. Each selector in `rows` lists every participant once (a roster's
 * rows, a gallery's tiles), and names are counted within one selector, so a person shown in both
 * the roster and the gallery is still one person. Names come back plain (see plainName).
 */
export function namesShownTwice(
  docs: readonly Document[],
  rows: readonly string[] | undefined,
  names: Iterable<string>,
): Set<string> {
  const shared = new Set<string>();
  if (!rows || rows.length === 0) return shared;
  const wanted = new Set(Array.from(names, plainName).filter((n) => n !== '' && n !== 'you'));
  if (wanted.size === 0) return shared;
  for (const css of rows) {
    const elements = docs.flatMap((doc) => Array.from(doc.querySelectorAll(css)));
    if (elements.length < 2) continue;
    for (const name of wanted) {
      if (shared.has(name)) continue;
      let count = 0;
      for (const el of elements) {
        if (showsName(el, name)) count += 1;
        if (count >= 2) {
          shared.add(name);
          break;
        }
      }
    }
  }
  return shared;
}
