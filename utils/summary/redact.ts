export interface RedactOptions {
  emails: boolean;
  phoneNumbers: boolean;
  /** Names to replace, each with its placeholder, e.g. { 'Priya Shah': 'the mentee' }. */
  names: Record<string, string>;
}

const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.[\p{L}]{2,}/gu;
// International or local numbers: 7 or more digits, with spaces, dots, dashes or brackets between.
const PHONE = /(?<![\p{L}\p{N}])\+?\(?\d[\d\s().-]{5,}\d(?![\p{L}\p{N}])/gu;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function countDigits(text: string): number {
  return text.replace(/\D/g, '').length;
}

/**
 * Removes what identifies people from text that may be sent for a summary: e-mail addresses,
 * phone numbers, and the names given (whole words, any case; each part of a full name too).
 */
export function redact(text: string, options: RedactOptions): string {
  let out = text;
  if (options.emails) out = out.replace(EMAIL, '[email]');
  if (options.phoneNumbers) out = out.replace(PHONE, (match) => (countDigits(match) >= 7 ? '[phone]' : match));
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
