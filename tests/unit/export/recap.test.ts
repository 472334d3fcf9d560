import { describe, expect, it } from 'vitest';
import ICAL from 'ical.js';
import { emailDraft, emailRecipient } from '@/utils/export/email';
import { sessionMarkdown } from '@/utils/export/markdown';
import { loadFileWriters, sessionExportFiles } from '@/utils/export/files';
import { parseSessionJson } from '@/utils/export/json';
import { backupFileName, parseBackupJson } from '@/utils/history/backup';
import type { StoredSummary } from '@/utils/db/types';
import type { SessionExport } from '@/utils/export/types';
import {
  fakeCommitment,
  fakeRelationship,
  fakeSession,
  fakeSessionExport,
  fakeStoredSummary,
} from '../../support/records';
import { inTimeZone } from '../../support/time-zone';

const NOW = Date.UTC(2026, 11, 4, 12);
const summary: StoredSummary = fakeStoredSummary({
  themes: ['Delegation', 'Saying *no*'],
  insights: ['I keep the hard tasks for myself'],
  nextFocus: 'Which task to hand over first',
  madeAt: NOW,
  edited: true,
});
const data: SessionExport = fakeSessionExport({
  session: fakeSession({ startedAt: Date.UTC(2026, 11, 1, 10), summary }),
  relationship: fakeRelationship({ menteeEmail: 'priya.shah@example.org' }),
  commitments: [fakeCommitment({ id: 'c1', due: '2026-12-08', dueTime: '10:00' })],
  nextCheckIn: '2026-12-15T09:00',
});

describe('email draft recipient', () => {
  it('writes to the mentee’s address when the relationship holds one', () => {
    const link = emailDraft(data);
    expect(link.startsWith('mailto:priya.shah@example.org?subject=')).toBe(true);
  });

  it('writes to nobody in particular without an address', () => {
    expect(emailDraft({ ...data, relationship: fakeRelationship() }).startsWith('mailto:?subject=')).toBe(true);
    expect(emailDraft({ ...data, relationship: null }).startsWith('mailto:?subject=')).toBe(true);
  });

  it.each([
    ['two addresses', 'a@example.org,b@example.org'],
    ['a header smuggled in', 'a@example.org?bcc=b@example.org'],
    ['a space', 'a b@example.org'],
    ['no domain', 'priya@'],
    ['no dot in the domain', 'priya@localhost'],
    ['too long', `${'a'.repeat(250)}@example.org`],
    ['an encoded character', 'a%0d@example.org'],
  ])('leaves out an address that is not one address (%s)', (_why, menteeEmail) => {
    expect(emailRecipient({ menteeEmail })).toBeNull();
    expect(
      emailDraft({ ...data, relationship: fakeRelationship({ menteeEmail }) }).startsWith('mailto:?subject='),
    ).toBe(true);
  });

  it('takes plus addressing, apostrophes and surrounding spaces', () => {
    expect(emailRecipient({ menteeEmail: ' o’neil+mentoring@example.co.uk ' })).toBe('o’neil+mentoring@example.co.uk');
    expect(emailRecipient({ menteeEmail: "o'neil@example.org" })).toBe("o'neil@example.org");
    expect(emailDraft({ ...data, relationship: fakeRelationship({ menteeEmail: 'sam+m@example.org' }) })).toMatch(
      /^mailto:sam%2Bm@example\.org\?/,
    );
  });
});

describe('the AI summary in the recap', () => {
  it('goes into the e-mail draft after the actions and the check-in', () => {
    const body = decodeURIComponent(emailDraft(data).split('&body=')[1] ?? '');
    expect(body).toContain('Themes: Delegation; Saying *no*');
    expect(body).toContain('- I keep the hard tasks for myself');
    expect(body).toContain('Focus for next time: Which task to hand over first');
    expect(body.indexOf('Next check-in')).toBeLessThan(body.indexOf('Themes'));
  });

  it('is left out of the draft when none was made', () => {
    const body = decodeURIComponent(emailDraft({ ...data, session: { ...data.session, summary: null } }));
    expect(body).not.toContain('summary');
    expect(body).not.toContain('Themes');
  });

  it('goes into the Markdown as its own section, escaped, marked as the AI’s', () => {
    const md = sessionMarkdown(data);
    expect(md).toContain('## Summary');
    expect(md).toContain('_Made by the AI summary and edited by the mentor._');
    expect(md).toContain('**Themes:** Delegation; Saying \\*no\\*');
    expect(md).toContain('- I keep the hard tasks for myself');
    expect(md).toContain('**Focus for next time:** Which task to hand over first');
    expect(md.indexOf('## Agreed actions')).toBeLessThan(md.indexOf('## Summary'));
    expect(md.indexOf('## Summary')).toBeLessThan(md.indexOf('## Next check-in'));
    expect(sessionMarkdown({ ...data, session: { ...data.session, summary: null } })).not.toContain('## Summary');
  });
});

describe('sessionExportFiles', () => {
  it('offers Markdown, CSV, calendar and JSON named by the session’s day, the calendar in the chosen style', async () => {
    const writers = await loadFileWriters();
    const files = sessionExportFiles(data, writers, NOW, 'timed');
    expect(files.map((f) => [f.label, f.name, f.type])).toEqual([
      ['Markdown', 'attune-2026-12-01.md', 'text/markdown'],
      ['CSV', 'attune-2026-12-01.csv', 'text/csv'],
      ['Calendar', 'attune-2026-12-01.ics', 'text/calendar'],
      ['JSON', 'attune-2026-12-01.json', 'application/json'],
    ]);
    const calendar = new ICAL.Component(ICAL.parse(files[2]?.content ?? ''));
    expect(calendar.getAllSubcomponents('vtodo')).toEqual([]);
    expect(calendar.getAllSubcomponents('vevent')).toHaveLength(2);
    expect(files[0]?.content).toContain('## Summary');
    const todos = sessionExportFiles(data, writers, NOW, 'todo')[2]?.content ?? '';
    expect(new ICAL.Component(ICAL.parse(todos)).getAllSubcomponents('vtodo')).toHaveLength(1);
  });

  it('keeps the mentee’s address through the JSON export and a backup’s reading', async () => {
    const json = sessionExportFiles(data, await loadFileWriters(), NOW, 'todo')[3]?.content ?? '';
    expect(parseSessionJson(json).relationship?.menteeEmail).toBe('priya.shah@example.org');
    expect(parseBackupJson(json).relationships[0]?.menteeEmail).toBe('priya.shah@example.org');
  });

  it('refuses an address longer than any address in a file', async () => {
    const json = JSON.parse(sessionExportFiles(data, await loadFileWriters(), NOW, 'todo')[3]?.content ?? '') as {
      relationship: { menteeEmail: string };
    };
    json.relationship.menteeEmail = `${'a'.repeat(300)}@example.org`;
    expect(() => parseSessionJson(JSON.stringify(json))).toThrow(/relationship\.menteeEmail/);
  });
});

// A session's files, heading and e-mail name the day the user lived it, not UTC's day: a call at
// 20:30 in New York is already the next day in UTC, and one at 09:00 in Sydney is still the day before.
describe.each([
  { zone: 'America/New_York', startedAt: Date.UTC(2026, 11, 5, 1, 30), day: '2026-12-04' },
  { zone: 'Australia/Sydney', startedAt: Date.UTC(2026, 11, 4, 22, 0), day: '2026-12-05' },
])('a session in $zone', ({ zone, startedAt, day }) => {
  inTimeZone(zone);
  const there = fakeSessionExport({ ...data, session: fakeSession({ ...data.session, startedAt }) });

  it(`is dated ${day} in its files, its Markdown heading and its e-mail's subject`, async () => {
    const files = sessionExportFiles(there, await loadFileWriters(), NOW, 'timed');
    expect(files.map((f) => f.name)).toEqual(['md', 'csv', 'ics', 'json'].map((ext) => `attune-${day}.${ext}`));
    expect(sessionMarkdown(there).split('\n')[0]).toMatch(new RegExp(`— ${day}$`));
    expect(new URL(emailDraft(there)).searchParams.get('subject')).toContain(`(${day})`);
  });

  it(`names a backup made then attune-backup-${day}.json`, () => {
    expect(backupFileName(startedAt)).toBe(`attune-backup-${day}.json`);
  });
});
