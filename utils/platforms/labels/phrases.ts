/**
 * The call platforms' own words, by language, and the matchers built from them. Structural hooks
 * (data-tid, jsname, ids, roles) always come first in the selector tables; these phrases are the
 * next signal, for what the platforms mark only in words, and English is listed last.
 *
 * The languages are the UI languages mentors most often run the platforms in. A phrase is the
 * platform's own string where public code that reads the platform shows it (each list says where);
 * otherwise it is Attune's translation of the English string, marked as such, to be replaced by
 * the platform's exact words when a report shows them.
 */
export const LANGUAGES = ['de', 'fr', 'es', 'pt', 'it', 'nl', 'ja', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

/** One fact's words in each language; English is required, the others where known. */
export type Phrases = { en: readonly string[] } & Partial<Record<Exclude<Language, 'en'>, readonly string[]>>;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The phrases as regular-expression alternatives (`a|b|c`), each escaped. */
export function phraseAlternatives(phrases: Phrases, which: 'localised' | 'english' | 'all' = 'all'): string {
  return phraseList(phrases, which)
    .map((p) => escapeRegExp(p).replace(/['’]/g, "['’]"))
    .join('|');
}

/** The phrases of the languages other than English, then English's. */
export function phraseList(phrases: Phrases, which: 'localised' | 'english' | 'all' = 'all'): string[] {
  const out: string[] = [];
  for (const lang of LANGUAGES) {
    if (which === 'localised' && lang === 'en') continue;
    if (which === 'english' && lang !== 'en') continue;
    out.push(...(phrases[lang] ?? []));
  }
  return out;
}

/**
 * A case-insensitive pattern for any of the phrases: `whole` (the text is the phrase, with an
 * optional full stop), `start` (the text begins with it) or `anywhere`. Apostrophes match both
 * the straight and the typographic one.
 */
export function phrasePattern(
  phrases: Phrases,
  at: 'whole' | 'start' | 'anywhere',
  which: 'localised' | 'english' | 'all' = 'all',
): RegExp {
  const body = `(?:${phraseAlternatives(phrases, which)})`;
  const source = at === 'whole' ? `^${body}\\.?$` : at === 'start' ? `^${body}` : body;
  return new RegExp(source, 'iu');
}

/**
 * A selector for `elements` whose `attr` holds one of the phrases: `=` the whole value, `^=` its
 * start, `*=` anywhere in it; case-insensitive.
 */
export function attrSelector(
  elements: string,
  attr: string,
  op: '=' | '^=' | '*=',
  phrases: Phrases,
  which: 'localised' | 'english' | 'all' = 'all',
): string {
  const parts = elements.split(',').map((e) => e.trim());
  // Each phrase with either apostrophe: UI strings use the straight one or the typographic one.
  const spellings = (p: string) => (/['’]/.test(p) ? [p.replace(/’/g, "'"), p.replace(/'/g, '’')] : [p]);
  return phraseList(phrases, which)
    .flatMap(spellings)
    .flatMap((p) => parts.map((e) => `${e}[${attr}${op}"${p.replace(/["\\]/g, '\\$&')}" i]`))
    .join(', ');
}
