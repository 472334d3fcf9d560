import type { Locator, Page } from 'playwright-core';
import type { ExtensionSession } from '../../../scripts/browser/launch-extension';

export interface OpenDashboardOptions {
  /** The part after `#` (`relationship=<id>`), as a reminder's notification opens it. */
  hash?: string;
  /** Wait until it says it has no sessions yet (a fresh profile). */
  empty?: boolean;
}

/** The history dashboard, in a tab of its own. */
export class Dashboard {
  constructor(readonly page: Page) {}

  static async open(ext: ExtensionSession, { hash, empty = false }: OpenDashboardOptions = {}): Promise<Dashboard> {
    const page = await ext.context.newPage();
    await page.goto(`chrome-extension://${ext.extensionId}/dashboard.html${hash ? `#${hash}` : ''}`);
    const dashboard = new Dashboard(page);
    if (empty) await dashboard.emptyNotice.waitFor();
    return dashboard;
  }

  get emptyNotice(): Locator {
    return this.page.getByText('No sessions yet');
  }

  async showSessions(): Promise<void> {
    await this.page.getByRole('button', { name: 'Sessions and search' }).click();
  }

  /** Shows the sessions and opens the report of the one whose button's name matches. */
  async openSession(name: RegExp): Promise<void> {
    await this.showSessions();
    await this.page.getByRole('list', { name: 'Sessions' }).getByRole('button', { name }).click();
  }
}
