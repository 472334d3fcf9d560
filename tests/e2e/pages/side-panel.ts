import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import type { ExtensionSession } from '../../../scripts/browser/launch-extension';
import { openPanel } from '../helpers';

/** The side panel's page for one call tab, as the user sees and works it. */
export class SidePanel {
  constructor(readonly page: Page) {}

  /** Opens the side panel's page for a tab, at a side panel's width, as Chrome would. */
  static async open(ext: ExtensionSession, tabId: number, width?: number): Promise<SidePanel> {
    return new SidePanel(await openPanel(ext, tabId, width));
  }

  /** The call's state line once it reads `label` ('In call', 'Waiting to join', 'Call ended'). */
  callState(label: string): Locator {
    return this.page.getByTestId('call-state').filter({ hasText: label });
  }

  async waitForCallState(label: string): Promise<void> {
    await this.callState(label).waitFor();
  }

  get captureBox(): Locator {
    return this.page.getByLabel('Capture a commitment');
  }

  /** Types one line into the capture box and presses Enter. */
  async sendCapture(line: string): Promise<void> {
    await this.captureBox.fill(line);
    await this.captureBox.press('Enter');
  }

  /** Captures one line, then waits until the box is empty again (the commitment was saved). */
  async capture(line: string): Promise<void> {
    await this.sendCapture(line);
    await expect.poll(() => this.captureBox.inputValue()).toBe('');
  }
}
