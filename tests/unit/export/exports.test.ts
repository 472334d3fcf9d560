import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import Papa from 'papaparse';
import ICAL from 'ical.js';
import { IDBFactory } from 'fake-indexeddb';
import { commitmentsCsv, neutraliseCell } from '@/utils/export/csv';
import { sessionMarkdown } from '@/utils/export/markdown';
import { sessionCalendar } from '@/utils/export/ics';
import { ImportError, parseSessionJson, sessionJson } from '@/utils/export/json';
import { emailDraft } from '@/utils/export/email';
import { importSession } from '@/utils/db/import-session';
import { openAttuneDb } from '@/utils/db/open';
import { createIdbSessionRepo } from '@/utils/db/session-repo';
import { createIdbRelationshipRepo } from '@/utils/db/relationship-repo';
import { createIdbCommitmentRepo } from '@/utils/db/commitment-repo';
import type { SessionExport } from '@/utils/export/types';
import { fakeCommitment, fakeSession, fakeSessionExport } from '../../support/records';

const tricky = 'Send “the draft”, v2; then review\nwith Zoë 😀 — שלום';
const data: SessionExport = fakeSessionExport({
  session: fakeSession({ title: 'Weekly *mentoring*' }),
  commitments: [
    fakeCommitment({
      id: 'c1',
      owner: 'Priya',
      action: tricky,
      due: '2026-12-04',
      agreedByBoth: true,
      obstacles: 'Busy week, "launch"',
      support: 'Alex reads it first',
    }),
    fakeCommitment({ id: 'c2', owner: 'Alex', action: '=HYPERLINK("http://evil")', due: null }),
    fakeCommitment({ id: 'c3', owner: 'Priya', action: 'Book HR, slot', due: '2026-12-10', status: 'done' }),
  ],
  nextCheckIn: '2026-12-09T14:30',
});
const NOW = Date.UTC(2026, 10, 25, 12);

describe('CSV export', () => {
  it('round-trips commas, quotes, newlines and unicode through a CSV parser', () => {
    const parsed = Papa.parse<string[]>(commitmentsCsv(data.commitments), { skipEmptyLines: true }).data;
    expect(parsed[0]).toEqual([
      'owner',
      'action',
      'due',
      'status',
      'agreed_by_both',
      'obstacles',
      'support',
      'stage',
      'session',
    ]);
    expect(parsed[1]?.[1]).toBe(tricky);
    expect(parsed[1]?.slice(4, 7)).toEqual(['yes', 'Busy week, "launch"', 'Alex reads it first']);
    expect(parsed[3]?.[1]).toBe('Book HR, slot');
  });

  it('neutralises cells a spreadsheet would run as formulas', () => {
    const parsed = Papa.parse<string[]>(commitmentsCsv(data.commitments), { skipEmptyLines: true }).data;
    expect(parsed[2]?.[1]).toBe('\'=HYPERLINK("http://evil")');
    expect(['=1', '+1', '-1', '@x', '\tx'].map(neutraliseCell)).toEqual(["'=1", "'+1", "'-1", "'@x", "'\tx"]);
  });

  it('quotes every field, so a spreadsheet that splits on semicolons finds no formula cell', () => {
    const csv = commitmentsCsv([
      fakeCommitment({ action: 'Send the deck;=HYPERLINK("http://evil");+1', owner: 'Sam;@SUM(A1)' }),
    ]);
    for (const line of csv.split('\r\n')) expect(line).toMatch(/^"[^]*"$/);
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), fc.string({ unit: 'grapheme' }), (action, owner) => {
        const cells = Papa.parse<string[]>(commitmentsCsv([fakeCommitment({ action, owner })]), {
          delimiter: ';',
        }).data.flat();
        for (const cell of cells) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
      }),
      { numRuns: 300 },
    );
  });

  it('writes a due time beside the date', () => {
    const parsed = Papa.parse<string[]>(commitmentsCsv([fakeCommitment({ due: '2026-12-01', dueTime: '15:00' })])).data;
    expect(parsed[1]?.[2]).toBe('2026-12-01 15:00');
  });

  it('uses CRLF line ends (RFC 4180)', () => {
    expect(commitmentsCsv(data.commitments).split('\r\n')).toHaveLength(4);
  });

  it('round-trips any action text', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme' }).filter((s) => !/^[=+\-@\t\r]/.test(s)),
        (action) => {
          const parsed = Papa.parse<string[]>(commitmentsCsv([fakeCommitment({ action })])).data;
          expect(parsed[1]?.[1]).toBe(action);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('calendar export', () => {
  it('makes a timed to-do when a time was agreed, an all-day one otherwise', () => {
    const ics = sessionCalendar(
      {
        ...data,
        commitments: [
          fakeCommitment({ id: 't1', due: '2026-12-01', dueTime: '15:00' }),
          fakeCommitment({ id: 't2', due: '2026-12-02' }),
        ],
        nextCheckIn: null,
      },
      NOW,
    );
    const todos = new ICAL.Component(ICAL.parse(ics)).getAllSubcomponents('vtodo');
    const [timed, allDay] = todos.map((t) => t.getFirstPropertyValue('due') as ICAL.Time);
    expect(timed?.isDate).toBe(false);
    expect(timed?.toString()).toBe('2026-12-01T15:00:00');
    expect(ics).toContain('DUE:20261201T150000\r\n');
    expect(allDay?.isDate).toBe(true);
  });

  it('is a valid calendar with a to-do per dated action and an event for the next check-in', () => {
    const ics = sessionCalendar(data, NOW);
    const calendar = new ICAL.Component(ICAL.parse(ics));
    const todos = calendar.getAllSubcomponents('vtodo');
    expect(todos.map((t) => t.getFirstPropertyValue('summary'))).toEqual([`Priya: ${tricky}`, 'Priya: Book HR, slot']);
    expect(String(todos[0]?.getFirstPropertyValue('due'))).toBe('2026-12-04');
    expect(todos[1]?.getFirstPropertyValue('status')).toBe('COMPLETED');
    expect(todos[0]?.getFirstPropertyValue('description')).toBe(
      'What might get in the way: Busy week, "launch"\nSupport: Alex reads it first',
    );
    expect(todos[1]?.getFirstPropertyValue('description')).toBeNull();
    const event = calendar.getFirstSubcomponent('vevent');
    expect(String(event?.getFirstPropertyValue('dtstart'))).toBe('2026-12-09T14:30:00');
    expect(event?.getFirstPropertyValue('summary')).toBe('Check-in: Alex Morgan & Priya Shah');
  });

  it('keeps the same UIDs on a second export, so calendars do not duplicate', () => {
    const uids = (ics: string) => ics.match(/^UID:.*$/gm);
    expect(uids(sessionCalendar(data, NOW))).toEqual(uids(sessionCalendar(data, NOW + 60_000)));
  });

  it('keeps every line within 75 octets, folding without splitting a character', () => {
    const action = 'é😀'.repeat(40);
    const ics = sessionCalendar({ ...data, commitments: [fakeCommitment({ action })] }, NOW);
    for (const line of ics.split('\r\n')) expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
    expect(ics).not.toContain('\uFFFD');
    const todo = new ICAL.Component(ICAL.parse(ics)).getFirstSubcomponent('vtodo');
    expect(todo?.getFirstPropertyValue('summary')).toBe(`Priya: ${action}`);
  });

  it('ends every line with CRLF and marks a commitment in progress as IN-PROCESS', () => {
    const ics = sessionCalendar({ ...data, commitments: [fakeCommitment({ status: 'in-progress' })] }, NOW);
    expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    expect(ics).toMatch(/^STATUS:IN-PROCESS\r$/m);
  });
});

describe('exporters on arbitrary text', () => {
  const text = fc.string({ unit: 'grapheme', minLength: 1, maxLength: 300 });
  it('the calendar reads back the same owner and action, whatever they contain', () => {
    fc.assert(
      fc.property(text, text, (owner, action) => {
        const ics = sessionCalendar(
          { ...data, commitments: [fakeCommitment({ owner, action, obstacles: action })] },
          NOW,
        );
        const todo = new ICAL.Component(ICAL.parse(ics)).getFirstSubcomponent('vtodo');
        expect(todo?.getFirstPropertyValue('summary')).toBe(`${owner}: ${action}`);
      }),
      { numRuns: 300 },
    );
  });

  it('Markdown keeps each action on its own line and never throws', () => {
    fc.assert(
      fc.property(text, (action) => {
        const md = sessionMarkdown({ ...data, commitments: [fakeCommitment({ action })] });
        expect(md.split(/\r\n|\r|\n|\u2028|\u2029/).filter((l) => l.startsWith('- ['))).toHaveLength(1);
      }),
      { numRuns: 300 },
    );
  });
});

describe('Markdown export', () => {
  it('lists the actions by owner with due dates, done ones ticked, and the next check-in', () => {
    const md = sessionMarkdown(data);
    expect(md).toContain('# Weekly \\*mentoring\\* — 1970-01-01');
    expect(md).toContain('### Priya');
    expect(md).toContain('- [ ] Send “the draft”, v2; then review with Zoë 😀 — שלום — by 2026-12-04 (agreed by both)');
    expect(md).toContain('  - What might get in the way: Busy week, "launch"\n  - Support: Alex reads it first');
    expect(md).toContain('- [x] Book HR, slot — by 2026-12-10');
    expect(md).toContain('2026-12-09 at 14:30');
  });
});

describe('JSON export and import', () => {
  it('round-trips the whole session', () => {
    expect(parseSessionJson(sessionJson(data, NOW))).toEqual(data);
  });

  it('round-trips the talk time with its turn-taking', () => {
    const turns = {
      mentorTurns: 9,
      menteeTurns: 8,
      interruptions: 2,
      waitsAfterMentor: 7,
      totalWaitSeconds: 12.5,
      longestWaitSeconds: 4,
    };
    const talkTime = {
      source: 'audio' as const,
      mentorSeconds: 300,
      menteeSeconds: 700,
      mentorShare: 0.3,
      longestMentorMonologueSeconds: 60,
      turns,
    };
    const withTalk = { ...data, session: { ...data.session, talkTime } };
    expect(parseSessionJson(sessionJson(withTalk, NOW)).session.talkTime).toEqual(talkTime);
  });

  it('reads an export made before role swaps were recorded, with none', () => {
    const old = JSON.parse(sessionJson(data, NOW)) as { session: Record<string, unknown> };
    delete old.session.roleSwaps;
    expect(parseSessionJson(JSON.stringify(old)).session.roleSwaps).toEqual([]);
  });

  it('dates a commitment from an export made before they said when they were written by its latest review', () => {
    const old = JSON.parse(sessionJson(data, NOW)) as { commitments: Array<Record<string, unknown>> };
    const [first] = old.commitments;
    if (!first) throw new Error('no commitment in the fixture');
    delete first.updatedAt;
    first.reviewNotes = [{ sessionId: 's9', status: 'done', note: '', at: 777_777 }];
    expect(parseSessionJson(JSON.stringify(old)).commitments[0]?.updatedAt).toBe(777_777);
  });

  const good = JSON.parse(sessionJson(data, NOW)) as Record<string, unknown>;
  it.each([
    ['an empty file', '', /empty/],
    ['a truncated file', sessionJson(data, NOW).slice(0, 300), /not valid JSON/],
    ['another file', '{"hello": 1}', /not an Attune session export/],
    ['a newer version', JSON.stringify({ ...good, version: 2 }), /newer version/],
    ['a wrong field', JSON.stringify({ ...good, commitments: [{ id: 1 }] }), /at “commitments\.0\.id”/],
    ['an oversized file', `{"format":"attune.session","x":"${'x'.repeat(5 * 1024 * 1024)}"}`, /larger than 5 MB/],
    [
      'a start date out of any calendar',
      JSON.stringify({ ...good, session: { ...(good.session as object), startedAt: 1e300 } }),
      /at “session\.startedAt”/,
    ],
    [
      'a negative time',
      JSON.stringify({ ...good, session: { ...(good.session as object), lastCheckpointAt: -5 } }),
      /at “session\.lastCheckpointAt”/,
    ],
    [
      'a due day that does not exist',
      JSON.stringify({ ...good, commitments: [{ ...(good.commitments as object[])[0], due: '2026-02-30' }] }),
      /at “commitments\.0\.due”/,
    ],
    ['a check-in at 25 o’clock', JSON.stringify({ ...good, nextCheckIn: '2026-12-09T25:00' }), /at “nextCheckIn”/],
  ])('refuses %s with a sentence', (_n, text, message) => {
    expect(() => parseSessionJson(text)).toThrow(ImportError);
    expect(() => parseSessionJson(text)).toThrow(message);
  });

  it('never throws anything but its own error on arbitrary text', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.json()), (text) => {
        try {
          parseSessionJson(text);
        } catch (e) {
          expect(e).toBeInstanceOf(ImportError);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('merges an import without duplicating what is already there', async () => {
    const db = await openAttuneDb(new IDBFactory());
    const repos = {
      sessions: createIdbSessionRepo(db),
      relationships: createIdbRelationshipRepo(db),
      commitments: createIdbCommitmentRepo(db),
    };
    const imported = parseSessionJson(sessionJson(data, NOW));
    expect(await importSession(imported, repos)).toEqual({ added: 5, skipped: 0 });
    expect(await importSession(imported, repos)).toEqual({ added: 0, skipped: 5 });
    expect(await repos.commitments.listBySession(data.session.id)).toHaveLength(3);
  });
});

describe('email draft', () => {
  it('writes to nobody in particular, with the actions in the body', () => {
    const link = emailDraft(data);
    expect(link.startsWith('mailto:?subject=')).toBe(true);
    expect(decodeURIComponent(link)).toContain('Hi Priya,');
    expect(decodeURIComponent(link)).toContain('- Priya: Book HR, slot (by 2026-12-10)');
  });

  it('stays short enough for mail clients', () => {
    const many = {
      ...data,
      commitments: Array.from({ length: 200 }, (_, i) =>
        fakeCommitment({ id: `c${i}`, action: `Action number ${i} with some words` }),
      ),
    };
    const link = emailDraft(many);
    expect(link.length).toBeLessThanOrEqual(1_800);
    expect(() => decodeURIComponent(link)).not.toThrow();
  });
});
