import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchWithExtension, type ExtensionSession } from '../../scripts/browser/launch-extension';
import { fakeHistory, type FakeHistory } from '../support/fake-history';
import { seedHistory, readHistory } from '../../scripts/browser/history-db';
import { Dashboard } from './pages';

let ext: ExtensionSession;
let page: Page;

// Two relationships, then a third: the same pair recorded a second time ("priya shah" from
// another computer's panel), with sessions and commitments of its own.
const base = fakeHistory({ sessions: 24, commitmentsPerSession: 2, relationships: 3, now: Date.now(), seed: 5 });
const kept = base.relationships[0];
const twinOf = base.relationships[2];
if (!kept || !twinOf) throw new Error('the fake history has three relationships');
const history: FakeHistory = {
  ...base,
  relationships: base.relationships.map((r) =>
    r.id === twinOf.id ? { ...r, mentorName: kept.mentorName, menteeName: kept.menteeName.toLowerCase() } : r,
  ),
};
const twin = history.relationships[2];

/** A relationship's row, by its two names as written (case and all: the twin differs only in case). */
function rowOf(rel: { mentorName: string; menteeName: string }) {
  const label = `${rel.mentorName} & ${rel.menteeName}`.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return page
    .getByRole('list', { name: 'Relationships' })
    .locator(':scope > li')
    .filter({ has: page.locator('summary .names', { hasText: new RegExp(`^${label}`) }) });
}

beforeAll(async () => {
  ext = await launchWithExtension();
  page = (await Dashboard.open(ext, { empty: true })).page;
});
afterAll(() => ext?.close());

describe('managing relationships in the dashboard', () => {
  it('merges two relationships: the sessions and commitments move, nothing is lost, the merged record goes', async () => {
    if (!twin) throw new Error('no twin');
    await seedHistory(page, history);
    await page.reload();

    const twinSessions = history.sessions
      .filter((s) => s.relationshipId === twin.id)
      .map((s) => s.id)
      .sort();
    const twinCommitments = history.commitments
      .filter((c) => c.relationshipId === twin.id)
      .map((c) => c.id)
      .sort();
    expect(twinSessions.length).toBeGreaterThan(0);
    expect(twinCommitments.length).toBeGreaterThan(0);

    const list = page.getByRole('list', { name: 'Relationships' });
    const row = rowOf(twin);
    // The list is drawn after the reload's first view: wait for it, then count.
    await expect.poll(() => row.count(), { timeout: 15_000 }).toBe(1);
    const mergeTwin = async () => {
      if (!(await row.locator('details').evaluate((d) => (d as HTMLDetailsElement).open)))
        await row.locator('summary').click();
      // The same pair is offered first.
      const select = row.getByLabel('Same pair recorded twice? Merge into');
      const firstOption = select.locator('option').nth(1);
      expect(await firstOption.innerText()).toContain('same names');
      await select.selectOption(kept.id);
      await row.getByRole('button', { name: 'Merge', exact: true }).click();
      await row.getByRole('button', { name: 'Merge them' }).click();
      await page.getByRole('status').filter({ hasText: 'Merged:' }).waitFor();
    };
    await mergeTwin();

    const after = await readHistory(page);
    expect(after.relationships.map((r) => r.id).sort()).toEqual(
      history.relationships
        .filter((r) => r.id !== twin.id)
        .map((r) => r.id)
        .sort(),
    );
    // Nothing lost: every session and commitment is still there, the twin's now the kept relationship's.
    expect(after.sessions.map((s) => s.id).sort()).toEqual(history.sessions.map((s) => s.id).sort());
    expect(after.commitments.map((c) => c.id).sort()).toEqual(history.commitments.map((c) => c.id).sort());
    expect(after.sessions.filter((s) => twinSessions.includes(s.id)).every((s) => s.relationshipId === kept.id)).toBe(
      true,
    );
    expect(
      after.commitments.filter((c) => twinCommitments.includes(c.id)).every((c) => c.relationshipId === kept.id),
    ).toBe(true);
    expect(after.sessions.some((s) => s.relationshipId === twin.id)).toBe(false);
    // The notes and talk time came along unchanged.
    const before = new Map(history.sessions.map((s) => [s.id, s]));
    for (const s of after.sessions)
      expect({ ...s, relationshipId: before.get(s.id)?.relationshipId }).toEqual(before.get(s.id));

    // Undo puts the twin back with its own sessions and commitments, owners as they were.
    await page.getByRole('status').getByRole('button', { name: 'Undo' }).click();
    await page.getByRole('status').filter({ hasText: 'Merge undone' }).waitFor();
    const undone = await readHistory(page);
    expect(undone.relationships.map((r) => r.id).sort()).toEqual(history.relationships.map((r) => r.id).sort());
    expect(undone.sessions.map((s) => [s.id, s.relationshipId]).sort()).toEqual(
      history.sessions.map((s) => [s.id, s.relationshipId]).sort(),
    );
    expect(undone.commitments.map((c) => [c.id, c.relationshipId, c.owner]).sort()).toEqual(
      history.commitments.map((c) => [c.id, c.relationshipId, c.owner]).sort(),
    );
    await expect.poll(() => rowOf(twin).count()).toBe(1);
    // Merged again, for the steps below.
    await mergeTwin();

    // The list shows one relationship for the pair, with all the sessions; after a reload too.
    const keptSessions = history.sessions.filter(
      (s) => s.relationshipId === kept.id || s.relationshipId === twin.id,
    ).length;
    await page.reload();
    await expect.poll(() => list.locator(':scope > li').count()).toBe(2);
    const keptRow = rowOf(kept);
    await expect.poll(() => keptRow.locator('summary').innerText()).toContain(`${keptSessions} sessions`);
  });

  it('archives a relationship and brings it back, its sessions kept', async () => {
    const list = page.getByRole('list', { name: 'Relationships' });
    const row = list.locator(':scope > li').nth(0);
    if (!(await row.locator('details').evaluate((d) => (d as HTMLDetailsElement).open)))
      await row.locator('summary').click();
    await row.getByRole('button', { name: 'Archive (moving on)' }).click();
    await expect.poll(() => list.locator(':scope > li').last().innerText()).toContain('Archived');
    const archived = list.locator(':scope > li').last();
    const stored = (await readHistory(page)).relationships.filter((r) => typeof r.archivedAt === 'number');
    expect(stored).toHaveLength(1);
    expect(stored[0]?.stage).toBe('moving-on');
    await archived.getByRole('button', { name: 'Unarchive' }).click();
    await expect
      .poll(async () => (await readHistory(page)).relationships.filter((r) => typeof r.archivedAt === 'number').length)
      .toBe(0);
  });

  it('lists what is due this week across relationships, the overdue marked, each opening its relationship', async () => {
    // The page's clock: Friday 4 December 2026, 10:00, whatever day the suite runs on.
    await ext.context.clock.install({ time: new Date(2026, 11, 4, 10, 0) });
    const session = history.sessions.find((s) => s.relationshipId === kept.id);
    if (!session) throw new Error('no session of the kept relationship');
    const commitment = (id: string, action: string, due: string, status: 'open' | 'done' = 'open') => ({
      ...history.commitments[0],
      id,
      sessionId: session.id,
      relationshipId: kept.id,
      owner: 'Priya',
      action,
      due,
      dueTime: null,
      status,
      reviewNotes: [],
    });
    await seedHistory(page, {
      relationships: [],
      sessions: [],
      commitments: [
        commitment('e2e-late', 'Zz send the overdue draft', '2026-12-01'),
        commitment('e2e-monday', 'Zz book the Monday slot', '2026-12-07'),
        commitment('e2e-done', 'Zz finished already', '2026-12-05', 'done'),
        commitment('e2e-far', 'Zz far in the future', '2027-02-01'),
      ] as FakeHistory['commitments'],
    });
    await page.reload();

    const due = page.getByRole('region', { name: 'Due this week' });
    const overdue = due.getByRole('region', { name: 'Overdue' });
    await overdue.getByText('Zz send the overdue draft').waitFor();
    expect(await overdue.locator('li[data-overdue]').filter({ hasText: 'Zz send the overdue draft' }).count()).toBe(1);
    await due
      .getByRole('region', { name: /Monday/ })
      .getByText('Zz book the Monday slot')
      .waitFor();
    expect(await due.getByText('Zz finished already').count()).toBe(0);
    expect(await due.getByText('Zz far in the future').count()).toBe(0);

    await overdue.getByRole('button', { name: /Zz send the overdue draft/ }).click();
    const row = rowOf(kept);
    await expect.poll(() => row.locator('details').evaluate((d) => (d as HTMLDetailsElement).open)).toBe(true);
    const open = row.getByRole('list', { name: `Open commitments with ${kept.menteeName}` });
    await expect
      .poll(() => open.locator('li[data-overdue]').filter({ hasText: 'Zz send the overdue draft' }).count())
      .toBe(1);
    expect(
      await open.locator('li').filter({ hasText: 'Zz book the Monday slot' }).getAttribute('data-overdue'),
    ).toBeNull();
  });
});
