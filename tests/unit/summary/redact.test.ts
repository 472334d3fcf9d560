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
    [
      'Send the deck by 2026-12-04, check in 2026-12-09T14:30 or at 09:15',
      'Send the deck by 2026-12-04, check in 2026-12-09T14:30 or at 09:15',
    ],
    ['Due 2026-12-04 14:30; ring 020 7946 0958', 'Due 2026-12-04 14:30; ring [phone]'],
    ['Pri\u200Bya Sh\u200Dah asked, and so did pri\u200Bya', '[mentee] asked, and so did [mentee]'],
    ['Ring ０２０ ７９４６ ０９５８', 'Ring [phone]'],
    ['Ring \u0660\u0662\u0660 \u0667\u0669\u0664\u0666 \u0660\u0669\u0665\u0668', 'Ring [phone]'],
    ['Write to priya(at)example.com or priya [at] example [dot] co [dot] uk', 'Write to [email] or [email]'],
    ['pri\u200Bya@exam\u200Bple.com', '[email]'],
  ])('redacts "%s"', (input, output) => {
    expect(redact(input, all)).toBe(output);
  });

  it('leaves what it was not asked to remove', () => {
    expect(redact('priya@example.com, 020 7946 0958', { emails: false, phoneNumbers: false, names: {} })).toBe(
      'priya@example.com, 020 7946 0958',
    );
  });

  it('never lets a given name through, whatever surrounds it', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (before, after) => {
        const out = redact(`${before} Priya Shah ${after}`, {
          emails: false,
          phoneNumbers: false,
          names: { 'Priya Shah': '[x]' },
        });
        expect(out.toLowerCase()).not.toMatch(/(?<![\p{L}\p{N}])priya(?![\p{L}\p{N}])/u);
      }),
    );
  });
});
