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

  /** Opens the new-relationship form on a call with no relationship suggested. */
  get chooseButton(): Locator {
    return this.page.getByRole('button', { name: 'Choose' });
  }

  /** Fills the open new-relationship form with the mentee's name and creates and links it. */
  async createAndLink(menteeName: string): Promise<void> {
    await this.page.getByLabel('Mentee', { exact: true }).fill(menteeName);
    await this.page.getByRole('button', { name: 'Create and link' }).click();
  }

  /** Links the session to a new relationship, whether or not one was suggested ('Choose' or 'Another'). */
  async linkNewRelationship(menteeName: string): Promise<void> {
    await this.chooseButton
      .or(this.page.getByRole('button', { name: 'Another' }))
      .first()
      .click();
    await this.createAndLink(menteeName);
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
