export interface RedactOptions {
  emails: boolean;
  phoneNumbers: boolean;
  /** Names to replace, each with its placeholder, e.g. { 'Priya Shah': 'the mentee' }. */
  names: Record<string, string>;
}

const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.[\p{L}]{2,}/gu;
// Addresses written to dodge filters: "name(at)example.com", "name [at] example [dot] com".
const SPELLED_EMAIL =
  /[\p{L}\p{N}._%+-]+\s*[([{]\s*at\s*[)\]}]\s*[\p{L}\p{N}-]+(?:(?:\s*[([{]\s*dot\s*[)\]}]\s*|\.)[\p{L}\p{N}-]+)+/giu;
// Dates and times the summary needs (due dates, the check-in): ISO dates with an optional time,
// and clock times. They are set aside before the phone rule, whose digit runs would take them.
const DATE_OR_TIME =
  /\b\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?\b|\b\d{1,2}:\d{2}(?::\d{2})?\b/g;
// Characters that hide inside a word without showing: zero-width space, joiners, word joiner,
// byte-order mark, soft hyphen.
const INVISIBLE = /[\u00AD\u200B-\u200D\u2060\uFEFF]/g;
// Decimal digits of other scripts (Arabic-Indic, Extended Arabic-Indic, Devanagari, Bengali…),
// which NFKC leaves as they are; full-width digits NFKC already turns into ASCII.
const OTHER_DIGIT = /[\u0660-\u0669\u06F0-\u06F9\u0966-\u096F\u09E6-\u09EF\u0E50-\u0E59]/g;
const DIGIT_ZERO = [0x0660, 0x06f0, 0x0966, 0x09e6, 0x0e50];
// International or local numbers: 7 or more digits, with spaces, dots, dashes or brackets between.
const PHONE = /(?<![\p{L}\p{N}])\+?\(?\d[\d\s().-]{5,}\d(?![\p{L}\p{N}])/gu;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function countDigits(text: string): number {
  return text.replace(/\D/g, '').length;
}

/** Text as a reader sees it: compatibility forms folded (NFKC), invisible characters gone, every digit ASCII. */
export function normaliseForRedaction(text: string): string {
  return text
    .normalize('NFKC')
    .replace(INVISIBLE, '')
    .replace(OTHER_DIGIT, (d) => {
      const code = d.charCodeAt(0);
      const zero = DIGIT_ZERO.find((z) => code >= z && code <= z + 9) ?? code;
      return String(code - zero);
    });
}

/** Runs `work` on the text with its dates and times set aside, then puts them back. */
function withDatesKept(text: string, work: (text: string) => string): string {
  const kept: string[] = [];
  // U+E000 is a private-use character: no real text has it, and no rule here matches it.
  const held = text.replace(DATE_OR_TIME, (match) => `\uE000${kept.push(match) - 1}\uE000`);
  return work(held).replace(/\uE000(\d+)\uE000/g, (_, i: string) => kept[Number(i)] ?? '');
}

/**
 * Removes what identifies people from text that may be sent for a summary: e-mail addresses,
 * phone numbers, and the names given (whole words, any case; each part of a full name too).
 * The text is normalised first, so that a zero-width space inside a name, full-width or
 * Arabic-Indic digits in a number cannot slip past; dates and times are kept (the summary needs
 * the due dates).
 */
export function redact(text: string, options: RedactOptions): string {
  let out = normaliseForRedaction(text);
  if (options.emails) out = out.replace(EMAIL, '[email]').replace(SPELLED_EMAIL, '[email]');
  if (options.phoneNumbers)
    out = withDatesKept(out, (t) => t.replace(PHONE, (match) => (countDigits(match) >= 7 ? '[phone]' : match)));
  const entries = Object.entries(options.names).filter(([name]) => name.trim().length > 1);
  // Full names first, then their parts, so "Priya Shah" becomes one placeholder, not two.
  const patterns: Array<[string, string]> = [];
  for (const [name, placeholder] of entries) {
    patterns.push([name.trim(), placeholder]);
    for (const part of name.trim().split(/\s+/)) if (part.length > 1) patterns.push([part, placeholder]);
  }
  patterns.sort((a, b) => b[0].length - a[0].length);
  for (const [name, placeholder] of patterns) {
    out = out.replace(new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(name)}(?![\\p{L}\\p{N}])`, 'giu'), placeholder);
  }
  return out;
}
