// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { readCallSnapshot } from '@/utils/platforms/read-call';
import { readActiveSpeaker } from '@/utils/platforms/active-speaker';
import { MEET_SELECTORS } from '@/utils/platforms/meet';
import { TEAMS_SELECTORS } from '@/utils/platforms/teams';
import { ZOOM_SELECTORS } from '@/utils/platforms/zoom';
import type { SelectorTable } from '@/utils/platforms/selectors';
import {
  captionBlockElements,
  captionStatus,
  findCaptionRegion,
  readCaptionBlock,
} from '@/utils/captions/read-captions';
import { markSelf } from '@/utils/captions/watch-captions';
import { MEET_CAPTIONS } from '@/utils/captions/meet';
import { TEAMS_CAPTIONS } from '@/utils/captions/teams';
import { ZOOM_CAPTIONS } from '@/utils/captions/zoom';
import type { CaptionSelectorTable } from '@/utils/captions/selectors';
import { phraseList, phrasePattern, attrSelector, type Phrases } from '@/utils/platforms/labels/phrases';
import * as meetLabels from '@/utils/platforms/labels/meet';
import * as teamsLabels from '@/utils/platforms/labels/teams';
import * as zoomLabels from '@/utils/platforms/labels/zoom';
import { fixtureDocument } from './fixture-document';

const isPhrases = (v: unknown): v is Phrases => typeof v === 'object' && v !== null && 'en' in v;
const english = [meetLabels, teamsLabels, zoomLabels].flatMap((m) =>
  Object.values(m)
    .filter(isPhrases)
    .flatMap((p) => phraseList(p, 'english')),
);

/** Every word the page shows or labels, lower-cased: text, aria-labels, titles and values. */
function pageWords(doc: Document): string {
  const attrs = Array.from(doc.querySelectorAll('*')).flatMap((el) =>
    ['aria-label', 'title', 'value', 'alt'].map((a) => el.getAttribute(a) ?? ''),
  );
  return [doc.body.textContent ?? '', ...attrs].join(' ').toLocaleLowerCase();
}

function captionLines(table: CaptionSelectorTable, doc: Document) {
  const region = findCaptionRegion(table, doc);
  if (!region) return null;
  return captionBlockElements(region).map((el, i) => {
    const { speaker, text } = readCaptionBlock(el, region.layout, i);
    return [speaker, text];
  });
}

const pages: Array<[string, SelectorTable, string, Record<string, unknown>]> = [
  [
    'Meet 2024–25 in French',
    MEET_SELECTORS,
    'meet/in-call-fr-2025.html',
    { state: 'in-call', title: 'Mentorat avec Priya', selfName: 'Alex Morgan' },
  ],
  ['Meet’s green room in Spanish', MEET_SELECTORS, 'meet/lobby-es.html', { state: 'lobby', selfName: 'Alex Morgan' }],
  ['Meet’s end screen in Japanese', MEET_SELECTORS, 'meet/left-ja.html', { state: 'left' }],
  [
    'the Zoom web app in German',
    ZOOM_SELECTORS,
    'zoom/meeting-de.html',
    { state: 'in-call', title: 'Karriere-Coaching: Jordan', selfName: 'Sam Lee' },
  ],
  ['Zoom’s preview in Japanese', ZOOM_SELECTORS, 'zoom/preview-ja.html', { state: 'lobby', selfName: 'Sam Lee' }],
  ['Zoom ended by the host, in Spanish', ZOOM_SELECTORS, 'zoom/ended-es.html', { state: 'left' }],
  [
    'Teams personal in French',
    TEAMS_SELECTORS,
    'teams/live-in-call-fr-2026.html',
    { state: 'in-call', title: 'Mentorat : Lee et Ana', selfName: 'Lee Chen' },
  ],
  [
    'Teams work in German, joined',
    TEAMS_SELECTORS,
    'teams/in-call-joined-de.html',
    { state: 'in-call', title: 'Mentoring: Lee und Ana', selfName: 'Lee Chen' },
  ],
  ['Teams’ pre-join in Spanish', TEAMS_SELECTORS, 'teams/prejoin-es.html', { state: 'lobby', selfName: 'Lee Chen' }],
  ['Teams’ end screen in Japanese', TEAMS_SELECTORS, 'teams/ended-ja.html', { state: 'left' }],
];

describe('call pages in other UI languages (issue 14)', () => {
  it.each(pages)('reads %s', (_name, table, file, expected) => {
    expect(readCallSnapshot(table, fixtureDocument(file))).toMatchObject({ ...expected, controlsFound: true });
  });

  it.each(pages.filter(([, , file]) => !file.includes('-de.html')))(
    'has no English word of the platform’s on %s, so the reading above did not lean on one',
    (_name, _table, file) => {
      const words = pageWords(fixtureDocument(file));
      const found = english.filter((phrase) =>
        new RegExp(
          `(^|[^\\p{L}])${phrase.toLocaleLowerCase().replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|[^\\p{L}])`,
          'u',
        ).test(words),
      );
      expect(found).toEqual([]);
    },
  );

  it('reads captions, the speaker and the user’s own lines in French Meet, German Zoom and French Teams', () => {
    const meet = fixtureDocument('meet/in-call-fr-2025.html');
    expect(captionLines(MEET_CAPTIONS, meet)).toEqual([
      ['Vous', "Qu'aimeriez-vous explorer aujourd'hui ?"],
      ['Priya Shah', 'Je voudrais mieux déléguer.'],
    ]);
    expect(captionStatus(MEET_CAPTIONS, meet, findCaptionRegion(MEET_CAPTIONS, meet))).toBe('on');
    expect(readActiveSpeaker(MEET_SELECTORS, meet)).toEqual({ self: false, other: true, found: true });

    const zoom = fixtureDocument('zoom/meeting-de.html');
    expect(captionLines(ZOOM_CAPTIONS, zoom)).toEqual([['Sam Lee', 'Was ist dir heute am wichtigsten?']]);
    expect(readActiveSpeaker(ZOOM_SELECTORS, zoom, 'Sam Lee')).toEqual({ self: false, other: true, found: true });

    const teams = fixtureDocument('teams/live-in-call-fr-2026.html');
    expect(captionLines(TEAMS_CAPTIONS, teams)).toEqual([
      ['Lee Chen', "Qu'est-ce qui compte le plus pour vous ?"],
      ['Ana Ruiz', 'Apprendre à dire non.'],
    ]);

    const said = (speaker: string) => ({ speaker, text: 'x', startedAt: 0, endedAt: 1 });
    expect(markSelf(MEET_CAPTIONS, meet, [said('Vous'), said('Priya Shah')]).map((u) => u.self)).toEqual([
      true,
      undefined,
    ]);
    expect(markSelf(ZOOM_CAPTIONS, zoom, [said('Sam Lee'), said('Jordan Kim')]).map((u) => u.self)).toEqual([
      true,
      undefined,
    ]);
    expect(markSelf(TEAMS_CAPTIONS, teams, [said('Lee Chen'), said('Ana Ruiz')]).map((u) => u.self)).toEqual([
      true,
      undefined,
    ]);
  });
});

describe('phrase lists', () => {
  it('match whole phrases, starts and attributes case-insensitively, with either apostrophe', () => {
    const leave = meetLabels.MEET_LEAVE_CALL;
    expect(phrasePattern(leave, 'whole').test('quitter l’appel')).toBe(true);
    expect(phrasePattern(leave, 'whole').test('Quitter l’appel maintenant')).toBe(false);
    expect(phrasePattern(leave, 'start', 'localised').test('Leave call')).toBe(false);
    expect(phrasePattern(leave, 'start', 'english').test('Leave call (ctrl + d)')).toBe(true);
    const doc = fixtureDocument('meet/in-call-fr-2025.html');
    expect(doc.querySelectorAll(attrSelector('button', 'aria-label', '^=', leave))).toHaveLength(1);
    doc.querySelector('button[aria-label^="Quitter"]')?.setAttribute('aria-label', 'Quitter l’appel');
    expect(doc.querySelectorAll(attrSelector('button', 'aria-label', '^=', leave))).toHaveLength(1);
  });

  it('list the other UI languages before English, and every fact has English', () => {
    for (const module of [meetLabels, teamsLabels, zoomLabels]) {
      for (const phrases of Object.values(module).filter(isPhrases)) {
        const all = phraseList(phrases);
        expect(all.slice(-phrases.en.length)).toEqual([...phrases.en]);
        expect(phrases.en.length).toBeGreaterThan(0);
      }
    }
  });
});
