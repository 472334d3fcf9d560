import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { redact } from '@/utils/summary/redact';

const all = { emails: true, phoneNumbers: true, names: { 'Priya Shah': '[mentee]', 'Alex Morgan': '[mentor]' } };

describe('redact', () => {
  it.each([
    ['Write to priya.shah+work@example.co.uk today', 'Write to [email] today'],
    ['Ring 020 7946 0958 or +1 (415) 555-0100.', 'Ring [phone] or [phone].'],
    ['Priya Shah said Priya would ask Alex.', '[mentee] said [mentee] would ask [mentor].'],
    ['PRIYA and shah, not Priyanka', '[mentee] and [mentee], not Priyanka'],
    ['In 2026 we met 3 times', 'In 2026 we met 3 times'],
  ])('redacts "%s"', (input, output) => {
    expect(redact(input, all)).toBe(output);
  });

  it('leaves what it was not asked to remove', () => {
    expect(redact('priya@example.com, 020 7946 0958', { emails: false, phoneNumbers: false, names: {} })).toBe('priya@example.com, 020 7946 0958');
  });

  it('never lets a given name through, whatever surrounds it', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (before, after) => {
        const out = redact(`${before} Priya Shah ${after}`, { emails: false, phoneNumbers: false, names: { 'Priya Shah': '[x]' } });
        expect(out.toLowerCase()).not.toMatch(/(?<![\p{L}\p{N}])priya(?![\p{L}\p{N}])/u);
      }),
    );
  });
});
