import { describe, expect, it } from 'vitest';
import { agreementEmail, agreementMarkdown } from '@/utils/relationships/agreement-export';
import { fakeRelationship } from '../../support/records';

// Noon on the user's own calendar: the agreement names the day in the machine's time zone, which
// in Auckland is already the 4th at noon UTC.
const AT = new Date(2026, 10, 3, 12).getTime();

describe('the agreement, for the other person to read and agree', () => {
  it('as Markdown: every part under its heading, who agreed and when, what is still to write', () => {
    const rel = fakeRelationship({
      agreement: { ...fakeRelationship().agreement, acknowledgements: [{ name: 'Alex Morgan', at: AT }] },
    });
    const text = agreementMarkdown(rel, 'en-GB');
    expect(text).toMatch(/^# Mentoring agreement: Alex Morgan and Priya Shah/);
    expect(text).toContain('## Goals\n\nLead a team');
    expect(text).toContain('## Ground rules\n\n_Not written yet._');
    expect(text).toContain('- Alex Morgan: agreed on 3 November 2026');
    expect(text).toContain('- Priya Shah: not yet agreed');
    expect(text).toContain('Still to write: Ground rules, Feedback, Ending.');
  });

  it('uses the relationship’s own words for co-coaching', () => {
    expect(agreementMarkdown(fakeRelationship({ mode: 'co-coaching' }))).toMatch(/^# Co-coaching agreement/);
  });

  it('as an e-mail draft addressed to the mentee’s one checked address, and to nobody otherwise', () => {
    const to = agreementEmail(fakeRelationship({ menteeEmail: 'priya@example.org' }));
    expect(to.startsWith('mailto:priya@example.org?subject=')).toBe(true);
    const body = decodeURIComponent(to.split('&body=')[1] ?? '');
    expect(body).toContain('Could you read it and tell me whether you agree');
    expect(body).toContain('Goals:\nLead a team');
    expect(
      agreementEmail(fakeRelationship({ menteeEmail: 'a@b.org, boss@b.org' })).startsWith('mailto:?subject='),
    ).toBe(true);
  });

  it('a long agreement is cut to what mail clients take, and says so', () => {
    const long = 'x'.repeat(2_000);
    const rel = fakeRelationship({
      agreement: {
        goals: long,
        groundRules: long,
        confidentiality: long,
        cadence: long,
        feedback: long,
        ending: long,
        acknowledgements: [],
      },
    });
    const link = agreementEmail(rel);
    expect(link.length).toBeLessThanOrEqual(1_800);
    expect(decodeURIComponent(link)).toMatch(/the rest is in the copy/);
  });
});
