import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchWithExtension, type ExtensionSession } from '../../scripts/browser/launch-extension';
import { fakeHistory, type FakeHistory } from '../support/fake-history';
import { seedHistory, readHistory } from '../../scripts/browser/history-db';
import { summaryText } from '../../utils/summary/text';
import { MODES } from '../../utils/frameworks/modes';
import { Dashboard, importThrough } from './pages';

let ext: ExtensionSession;
let page: Page;
const history: FakeHistory = fakeHistory({
  sessions: 120,
  commitmentsPerSession: 3,
  relationships: 4,
  now: Date.now(),
  seed: 11,
});
const byId = <T extends { id: string }>(list: T[]) => [...list].sort((a, b) => a.id.localeCompare(b.id));

beforeAll(async () => {
  ext = await launchWithExtension();
  page = (await Dashboard.open(ext, { empty: true })).page;
});
afterAll(() => ext?.close());

describe('the dashboard', () => {
  it('draws trends from seeded history, opens a report, searches, exports, deletes all and imports it back', async () => {
    await seedHistory(page, history);
    await page.reload();

    // Trends: five charts (the listening ratio the fifth), one point per session that has the measure, a target band on talk share.
    const talk = page.locator('figure[data-series="talk-share"]');
    await talk.waitFor();
    expect(await page.locator('figure[data-series]').count()).toBe(5);
    const withTalk = history.sessions.filter((s) => s.talkTime !== null).length;
    expect(Number(await talk.getAttribute('data-points'))).toBe(withTalk);
    const asked = history.sessions.filter(
      (s) => s.questionTallies.open + s.questionTallies.closed + s.questionTallies.leading > 0,
    ).length;
    expect(Number(await page.locator('figure[data-series="open-questions"]').getAttribute('data-points'))).toBe(asked);
    await expect.poll(() => talk.getByTestId('target-band').count()).toBe(1);

    // Drawn by uPlot on a canvas: with 120 sessions or fewer, one point a session. The band is on
    // the canvas, so the figure names its extent; with every relationship shown it is the targets'
    // rolling mean, within the lowest floor and the highest ceiling of the seeded modes' targets.
    await expect.poll(() => page.locator('figure[data-series] canvas').count()).toBe(4);
    expect(await talk.getAttribute('data-grain')).toBe('session');
    expect(Number(await talk.getAttribute('data-buckets'))).toBe(withTalk);
    const modeOf = new Map(history.relationships.map((r) => [r.id, r.mode]));
    const targets = history.relationships.map((r) => MODES[r.mode].talkTarget);
    const percents = (text: string | null) => (text ?? '').match(/\d+/g)?.map(Number) ?? [];
    const [allLow = -1, allHigh = -1] = percents(await talk.getAttribute('data-band'));
    expect(allLow).toBeGreaterThanOrEqual(Math.min(...targets.map((t) => t.minMentorShare * 100)));
    expect(allHigh).toBeLessThanOrEqual(Math.max(...targets.map((t) => t.maxMentorShare * 100)));
    expect(allHigh).toBeGreaterThan(allLow);

    // One relationship: its own target exactly, and the readout at the right edge gives the newest
    // session's share and target; a click there opens that session's report.
    const pct = (v: number) => `${Math.round(v * 100)}%`;
    const newestTalk = [...history.sessions]
      .filter((s) => s.talkTime !== null)
      .sort((a, b) => b.startedAt - a.startedAt)[0];
    const newestMode = modeOf.get(newestTalk?.relationshipId ?? '');
    if (!newestTalk?.talkTime || !newestTalk.relationshipId || !newestMode)
      throw new Error('no session with talk time and a relationship generated');
    const target = MODES[newestMode].talkTarget;
    const filter = page.getByRole('combobox', { name: 'Relationship' });
    await filter.selectOption(newestTalk.relationshipId);
    const sameRelationship = history.sessions.filter(
      (s) => s.talkTime !== null && s.relationshipId === newestTalk.relationshipId,
    ).length;
    await expect.poll(() => talk.getAttribute('data-points')).toBe(String(sameRelationship));
    expect(await talk.getAttribute('data-band')).toBe(`${pct(target.minMentorShare)}–${pct(target.maxMentorShare)}`);
    const box = await talk.locator('.u-over').boundingBox();
    if (!box) throw new Error('the chart has no plot area');
    await page.mouse.move(box.x + box.width - 2, box.y + box.height / 2);
    await expect
      .poll(() => talk.getByTestId('chart-readout').innerText())
      .toMatch(
        new RegExp(
          ` · ${pct(newestTalk.talkTime.mentorShare)} · target ${pct(target.minMentorShare)}–${pct(target.maxMentorShare)}\\s*$`,
        ),
      );
    await page.mouse.click(box.x + box.width - 2, box.y + box.height / 2);
    await expect
      .poll(() => page.getByTestId('session-report').getByRole('heading', { level: 2 }).innerText())
      .toBe(newestTalk.title);
    await page.getByRole('button', { name: 'Trends and relationships' }).click();
    await filter.selectOption('all');
    await expect.poll(() => talk.getAttribute('data-points')).toBe(String(withTalk));

    // …and in a table, newest first; its first row opens that session's report.
    await talk.getByText(/The numbers/).click();
    const newest = [...history.sessions].sort((a, b) => b.startedAt - a.startedAt)[0];
    if (!newest) throw new Error('no sessions generated');
    const firstRow = talk.locator('tbody tr').first();
    expect(await firstRow.locator('td').first().innerText()).toBe(
      `${Math.round((newest.talkTime?.mentorShare ?? 0) * 100)}%`,
    );
    await firstRow.getByRole('button').click();
    const report = page.getByTestId('session-report');
    await expect.poll(() => report.getByRole('heading', { level: 2 }).innerText()).toBe(newest.title);
    expect(await report.getByRole('list', { name: 'Stage timeline' }).locator('li').count()).toBe(
      newest.stageTimeline.length,
    );
    expect(await report.locator('tr[data-kind="open"] td').first().innerText()).toBe(
      String(newest.questionTallies.open),
    );
    expect(await report.getByTestId('talk-minutes').locator('rect.mentor').count()).toBe(newest.talkTimeline.length);
    const agreed = history.commitments.filter((c) => c.sessionId === newest.id).length;
    expect(await report.getByRole('list', { name: 'Commitments of this session' }).locator('li').count()).toBe(agreed);
    await report.getByRole('button', { name: 'Back to the list' }).click();

    // Search across sessions and commitments: the count matches what the data holds.
    const term = history.commitments[5]?.action.split(' ').at(-1) ?? 'delegation';
    const expected =
      history.sessions.filter((s) =>
        [s.title, s.agenda, s.notes, summaryText(s.summary)].join('\n').toLowerCase().includes(term),
      ).length +
      history.commitments.filter((c) =>
        [c.owner, c.action, ...c.reviewNotes.map((n) => n.note)].join('\n').toLowerCase().includes(term),
      ).length;
    await page.getByLabel('Search sessions and commitments').fill(term);
    await expect
      .poll(() => page.getByTestId('search-count').innerText())
      .toBe(`${expected.toLocaleString('en-US')} found`);
    expect(await page.getByRole('list', { name: 'Search results' }).locator('li').count()).toBe(Math.min(25, expected));

    // Export everything.
    await page.getByRole('button', { name: 'Your data' }).click();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export everything' }).click(),
    ]);
    const file = await download.path();
    const exported = JSON.parse(readFileSync(file, 'utf8')) as FakeHistory & { format: string };
    expect(exported.format).toBe('attune.backup');
    expect(exported.sessions).toHaveLength(history.sessions.length);

    // Delete everything, with a confirmation.
    await page.getByRole('button', { name: 'Delete everything', exact: true }).click();
    await page.getByRole('button', { name: 'Delete everything now' }).click();
    await expect.poll(async () => (await readHistory(page)).sessions.length).toBe(0);
    expect((await readHistory(page)).commitments).toHaveLength(0);

    // A bad file changes nothing and says why.
    await importThrough(page.getByRole('button', { name: 'Import a backup…' }), {
      name: 'bad.json',
      mimeType: 'application/json',
      buffer: Buffer.from('{"format":"attune.backup","version":1,"sessions":[{}]}'),
    });
    await expect.poll(() => page.getByRole('alert').innerText()).toMatch(/problem at .*Nothing was imported/);
    expect((await readHistory(page)).sessions).toHaveLength(0);

    // Import the export back: nothing lost.
    await importThrough(page.getByRole('button', { name: 'Import a backup…' }), file);
    await expect.poll(() => page.getByRole('status').first().innerText()).toMatch(/Imported/);
    const restored = await readHistory(page);
    expect(byId(restored.sessions)).toEqual(byId(history.sessions));
    expect(byId(restored.commitments)).toEqual(byId(history.commitments));
    expect(byId(restored.relationships)).toEqual(byId(history.relationships));

    // Importing the same file again adds nothing.
    await importThrough(page.getByRole('button', { name: 'Import a backup…' }), file);
    await expect.poll(() => page.getByRole('status').first().innerText()).toMatch(/Imported 0 records/);
    expect((await readHistory(page)).sessions).toHaveLength(history.sessions.length);
  });

  it('after a call, shows the new session and a commitment done in its review at the next visit, and finds its notes', async () => {
    const own = await launchWithExtension();
    try {
      const tab = await own.context.newPage();
      const current = () =>
        tab.waitForFunction(() => performance.getEntriesByName('attune:history-current').length > 0, null, {
          timeout: 60_000,
        });
      await tab.goto(`chrome-extension://${own.extensionId}/dashboard.html`);
      await tab.getByText('No sessions yet').waitFor();
      await seedHistory(tab, history);
      await tab.reload();
      await current();
      const talk = tab.locator('figure[data-series="talk-share"]');
      const withTalk = history.sessions.filter((s) => s.talkTime !== null).length;
      await expect.poll(() => talk.getAttribute('data-points')).toBe(String(withTalk));

      // The call, written as the panel writes it: a session saved now, and in its review an
      // older open commitment of the same relationship marked done.
      const template = [...history.sessions].reverse().find((s) => s.talkTime !== null && s.relationshipId !== null);
      const reviewed = history.commitments.find(
        (c) => c.status === 'open' && c.relationshipId === template?.relationshipId,
      );
      const rel = history.relationships.find((r) => r.id === template?.relationshipId);
      if (!template || !reviewed || !rel) throw new Error('fake history too small');
      const now = Date.now();
      const call = {
        ...template,
        id: 'ses-the-call',
        title: 'Weekly about the zeppelin',
        startedAt: now - 45 * 60_000,
        endedAt: now,
        lastCheckpointAt: now,
        notes: 'Planned the zeppelin trip',
      };
      const done = {
        ...reviewed,
        status: 'done' as const,
        updatedAt: now,
        reviewNotes: [{ sessionId: call.id, status: 'done' as const, note: 'Sent', at: now }],
      };
      const facts = () =>
        tab
          .getByRole('list', { name: 'Relationships' })
          .locator('li')
          .filter({ hasText: rel.menteeName })
          .locator('.facts')
          .innerText();
      const before = await facts();
      const count = (text: string, what: RegExp) => Number(text.match(what)?.[1]?.replace(/,/g, ''));
      await seedHistory(tab, { relationships: [], sessions: [call], commitments: [done] });

      await tab.reload();
      await current();
      await expect.poll(() => talk.getAttribute('data-points')).toBe(String(withTalk + 1));
      await expect.poll(facts).not.toBe(before);
      const after = await facts();
      expect(count(after, /([\d,]+) sessions?/)).toBe(count(before, /([\d,]+) sessions?/) + 1);
      expect(count(after, /([\d,]+) open commitments?/)).toBe(count(before, /([\d,]+) open commitments?/) - 1);

      await tab.getByRole('button', { name: 'Sessions and search' }).click();
      await tab.getByLabel('Search sessions and commitments').fill('zeppelin');
      await expect.poll(() => tab.getByTestId('search-count').innerText()).toBe('1 found');
      await expect
        .poll(() => tab.getByRole('list', { name: 'Search results' }).innerText())
        .toContain('Weekly about the zeppelin');
    } finally {
      await own.close();
    }
  });
});
