// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import {
  captionBlockElements,
  captionStatus,
  findCaptionRegion,
  readCaptionBlock,
} from '@/utils/captions/read-captions';
import { MEET_CAPTIONS } from '@/utils/captions/meet';
import { TEAMS_CAPTIONS } from '@/utils/captions/teams';
import { ZOOM_CAPTIONS } from '@/utils/captions/zoom';
import type { CaptionSelectorTable } from '@/utils/captions/selectors';
import { fixtureDocument } from '../platforms/fixture-document';

function lines(table: CaptionSelectorTable, doc: Document) {
  const region = findCaptionRegion(table, doc);
  if (!region) return null;
  return {
    ui: region.layout.ui,
    lines: captionBlockElements(region).map((el, i) => {
      const { speaker, text } = readCaptionBlock(el, region.layout, i);
      return [speaker, text];
    }),
  };
}

describe('reading caption regions', () => {
  it.each<[string, CaptionSelectorTable, string, string, string[][]]>([
    [
      'Meet (2024–2026)',
      MEET_CAPTIONS,
      'captions/meet-2025.html',
      'Meet 2024–2026',
      [
        ['You', 'What would you like to focus on today?'],
        ['Priya Shah', 'I want to get better at delegating.'],
      ],
    ],
    [
      'Meet in German with unknown class names',
      MEET_CAPTIONS,
      'captions/meet-2026-de.html',
      'Meet, any version: region children as blocks',
      [
        ['Du', 'Worauf möchtest du dich heute konzentrieren?'],
        ['Priya Shah', 'Ich möchte besser delegieren.'],
      ],
    ],
    [
      'Meet (2022–2023)',
      MEET_CAPTIONS,
      'captions/meet-2023.html',
      'Meet 2022–2023',
      [['Priya Shah', 'I want to get better at delegating.']],
    ],
    [
      'new Teams',
      TEAMS_CAPTIONS,
      'captions/teams-2025.html',
      'Teams 2026: every caption text, with its nearest author',
      [
        ['Lee Chen', 'What would make this session useful for you?'],
        ['Ana Ruiz', 'Talking through the promotion case.'],
      ],
    ],
    [
      'classic Teams',
      TEAMS_CAPTIONS,
      'captions/teams-classic.html',
      'classic Teams 2021–2023',
      [['Ana Ruiz', 'Talking through the promotion case.']],
    ],
    [
      'Zoom',
      ZOOM_CAPTIONS,
      'captions/zoom-2025.html',
      'Zoom web client 2024–2026',
      [['Jordan Kim', 'I keep saying yes to every project.']],
    ],
  ])('reads speaker and words from %s', (_name, table, fixture, ui, expected) => {
    const doc = fixtureDocument(fixture);
    expect(lines(table, doc)).toEqual({ ui, lines: expected });
    expect(captionStatus(table, doc, findCaptionRegion(table, doc))).toBe('on');
  });

  it.each<[string, CaptionSelectorTable, string]>([
    ['Meet', MEET_CAPTIONS, 'captions/meet-off.html'],
    ['Teams', TEAMS_CAPTIONS, 'captions/teams-off.html'],
    ['Zoom', ZOOM_CAPTIONS, 'captions/zoom-off.html'],
  ])('says captions are off in %s when the page offers to turn them on', (_name, table, fixture) => {
    const doc = fixtureDocument(fixture);
    expect(findCaptionRegion(table, doc)).toBeNull();
    expect(captionStatus(table, doc, null)).toBe('off');
  });

  it('says the captions are not recognised when the markup is unknown, not that they are off', () => {
    const doc = fixtureDocument('captions/meet-unrecognised.html');
    expect(findCaptionRegion(MEET_CAPTIONS, doc)).toBeNull();
    expect(captionStatus(MEET_CAPTIONS, doc, null)).toBe('unrecognised');
  });

  it('does not report Meet captions as off while its button offers to turn them off', () => {
    const doc = fixtureDocument('captions/meet-2025.html');
    doc.querySelector('[role="region"]')?.remove();
    expect(captionStatus(MEET_CAPTIONS, doc, null)).toBe('unrecognised');
  });

  it('falls back to reading region children when Meet renames its classes', () => {
    const doc = fixtureDocument('captions/meet-2025.html');
    for (const el of Array.from(doc.querySelectorAll('[class]'))) el.removeAttribute('class');
    expect(lines(MEET_CAPTIONS, doc)?.lines).toEqual([
      ['You', 'What would you like to focus on today?'],
      ['Priya Shah', 'I want to get better at delegating.'],
    ]);
  });

  it('says Meet captions are off from the aria-hidden icon when the button has a label in another language', () => {
    const doc = fixtureDocument('captions/meet-off.html');
    doc
      .querySelector('button[aria-label^="Turn on captions"]')
      ?.setAttribute('aria-label', 'Untertitel aktivieren (c)');
    expect(captionStatus(MEET_CAPTIONS, doc, null)).toBe('off');
  });

  it('does not read a "Jump to bottom" button in the Meet region as a caption line', () => {
    const doc = fixtureDocument('captions/meet-2025.html');
    for (const el of Array.from(doc.querySelectorAll('[class]'))) el.removeAttribute('class');
    const region = doc.querySelector('[role="region"]');
    const bare = doc.createElement('button');
    bare.innerHTML = '<i aria-hidden="true">arrow_downward</i><span>Jump to bottom</span>';
    const wrapped = doc.createElement('div');
    wrapped.innerHTML = '<button><i aria-hidden="true">arrow_downward</i><span>Jump to bottom</span></button>';
    region?.append(bare, wrapped);
    expect(lines(MEET_CAPTIONS, doc)?.lines).toEqual([
      ['You', 'What would you like to focus on today?'],
      ['Priya Shah', 'I want to get better at delegating.'],
    ]);
  });

  it('finds the Meet caption region by its structure when the UI is not in English', () => {
    const doc = fixtureDocument('captions/meet-2025.html');
    const region = doc.querySelector('[role="region"]');
    region?.setAttribute('aria-label', 'Napisy');
    region?.removeAttribute('jscontroller');
    expect(lines(MEET_CAPTIONS, doc)?.lines.map(([speaker]) => speaker)).toEqual(['You', 'Priya Shah']);
  });

  it('reads the mid-2024–2025 Meet layout (.a4cQT holding .nMcdL blocks) and says captions are off while it is empty', () => {
    const doc = fixtureDocument('captions/meet-off.html');
    const holder = doc.createElement('div');
    holder.className = 'a4cQT';
    doc.body.append(holder);
    expect(findCaptionRegion(MEET_CAPTIONS, doc)).toBeNull();
    expect(captionStatus(MEET_CAPTIONS, doc, null)).toBe('off');
    holder.innerHTML =
      '<div class="nMcdL"><div class="KcIKyf">Priya Shah</div><div class="bh44bd">I want to get better at delegating.</div></div>';
    expect(lines(MEET_CAPTIONS, doc)).toEqual({
      ui: 'Meet 2024–2025',
      lines: [['Priya Shah', 'I want to get better at delegating.']],
    });
  });

  it('reads Teams rows that lost their Fluent UI class', () => {
    const doc = fixtureDocument('captions/teams-2025.html');
    for (const el of Array.from(doc.querySelectorAll('.fui-ChatMessageCompact'))) el.removeAttribute('class');
    expect(lines(TEAMS_CAPTIONS, doc)?.lines.map(([speaker]) => speaker)).toEqual(['Lee Chen', 'Ana Ruiz']);
  });

  it('reads every caption text in Teams’ role=list rows, each with the nearest author above it', () => {
    const doc = fixtureDocument('captions/teams-live-2026.html');
    expect(lines(TEAMS_CAPTIONS, doc)?.lines).toEqual([
      ['Lee Chen', 'What would make this session useful for you?'],
      ['Lee Chen', 'We have about forty minutes.'],
      ['Ana Ruiz', 'Talking through the promotion case.'],
      ['Ana Ruiz', 'And how to ask my manager for it.'],
    ]);
  });

  it('ignores a caption region the page keeps hidden', () => {
    const doc = fixtureDocument('captions/meet-2025.html');
    doc.querySelector('[role="region"]')?.setAttribute('aria-hidden', 'true');
    expect(findCaptionRegion(MEET_CAPTIONS, doc)).toBeNull();
  });

  it('does not take Zoom’s empty subtitle wrapper for captions, and finds the real overlay once it has words', () => {
    const doc = fixtureDocument('captions/zoom-empty-wrap-2026.html');
    expect(captionStatus(ZOOM_CAPTIONS, doc, findCaptionRegion(ZOOM_CAPTIONS, doc))).toBe('off');
    const overlay = fixtureDocument('captions/zoom-2025.html').querySelector(
      '.live-transcription-subtitle__overlay-container',
    );
    if (!overlay) throw new Error('fixture has no overlay');
    doc.getElementById('main')?.append(doc.importNode(overlay, true));
    expect(findCaptionRegion(ZOOM_CAPTIONS, doc)?.element.id).not.toBe('stale-wrap');
    expect(lines(ZOOM_CAPTIONS, doc)?.lines).toEqual([['Jordan Kim', 'I keep saying yes to every project.']]);
    expect(captionStatus(ZOOM_CAPTIONS, doc, findCaptionRegion(ZOOM_CAPTIONS, doc))).toBe('on');
  });

  it('names a Zoom speaker from the video tile showing the caption avatar’s picture when its alt is empty', () => {
    const doc = fixtureDocument('captions/zoom-avatar-2026.html');
    expect(lines(ZOOM_CAPTIONS, doc)?.lines).toEqual([['Jordan Kim', 'I keep saying yes to every project.']]);
    const avatar = doc.querySelector('#live-transcription-subtitle img');
    // A tile whose picture has no alt: the name comes from its footer.
    avatar?.setAttribute('src', 'https://zoom.us/p/sam-lee.png');
    expect(lines(ZOOM_CAPTIONS, doc)?.lines[0]?.[0]).toBe('Sam Lee');
    // A picture two tiles share (Zoom's default avatar) names no one.
    doc
      .querySelectorAll('img.video-avatar__avatar-img')
      .forEach((img) => img.setAttribute('src', 'https://zoom.us/p/default.png'));
    avatar?.setAttribute('src', 'https://zoom.us/p/default.png');
    expect(lines(ZOOM_CAPTIONS, doc)?.lines[0]?.[0]).toBe('');
  });

  it('reads a Zoom line without a name as an unnamed speaker', () => {
    const doc = fixtureDocument('captions/zoom-2025.html');
    doc.querySelector('img')?.removeAttribute('alt');
    expect(lines(ZOOM_CAPTIONS, doc)?.lines).toEqual([['', 'I keep saying yes to every project.']]);
  });
});
