import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, type ExtensionSession } from '../../scripts/browser/launch-extension';
import { routeCallHosts } from '../../scripts/browser/call-routes';
import { CallBesidePanel } from './pages';

let ext: ExtensionSession;
beforeAll(async () => {
  ext = await launchWithExtension();
  await routeCallHosts(ext.context);
});
afterAll(() => ext?.close());

// WCAG 1.4.10: at 200% zoom a 640 px side panel is 320 CSS px wide; everything must reflow into it.
describe('the side panel at 320 CSS px (200% zoom)', () => {
  it('scrolls only vertically: no header, stage or button runs past the right edge', async () => {
    const { call, panel } = await CallBesidePanel.open(ext, 'https://meet.google.com/in-call', { width: 320 });
    await panel.getByRole('list', { name: 'Open questions for this stage' }).getByRole('listitem').first().waitFor();
    await panel.getByText('Edit this model').click();
    const overflowing = await panel.evaluate(() => {
      const width = document.documentElement.clientWidth;
      return [...document.querySelectorAll<HTMLElement>('body *')]
        .filter((el) => {
          const box = el.getBoundingClientRect();
          return box.width > 0 && box.height > 0 && (box.right > width + 0.5 || box.left < -0.5);
        })
        .map(
          (el) =>
            `${el.tagName.toLowerCase()}#${el.id}.${el.className} in ${el.parentElement?.className ?? ''} “${(el.textContent ?? '').trim().slice(0, 30)}” ${Math.round(el.getBoundingClientRect().right)}`,
        );
    });
    expect(overflowing).toEqual([]);
    expect(await panel.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    await panel.close();
    await call.close();
  });
});

describe('the side panel from the keyboard', () => {
  it('reaches the capture line in two key presses, past the stages, notes and review items', async () => {
    const { call, panel } = await CallBesidePanel.open(ext, 'https://meet.google.com/in-call');
    await panel.locator('#capture-line').waitFor();
    await panel.keyboard.press('Tab');
    expect(await panel.evaluate(() => document.activeElement?.textContent)).toBe('Skip to capturing a commitment');
    await panel.keyboard.press('Enter');
    expect(await panel.evaluate(() => document.activeElement?.id)).toBe('capture-line');
    await panel.close();
    await call.close();
  });
});
