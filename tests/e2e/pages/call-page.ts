import type { Locator, Page } from 'playwright-core';
import type { ExtensionSession } from '../../../scripts/browser/launch-extension';
import { DEMO_URL } from '../../../scripts/demo/serve';
import { eventually, tabIdOf } from '../helpers';

export interface OpenCallOptions {
  /** Press the call's "Join now" (the demo call starts in its lobby). */
  join?: boolean;
  /** The tab query's URL pattern, when the page's URL changes after loading (`${url}*`). */
  tabPattern?: string;
}

/** A fixture call page (Meet, Zoom, Teams or the demo call) in a tab the extension can read. */
export class CallPage {
  constructor(
    readonly page: Page,
    readonly tabId: number,
  ) {}

  static async open(ext: ExtensionSession, url: string, options: OpenCallOptions = {}): Promise<CallPage> {
    const page = await ext.context.newPage();
    await page.goto(url);
    if (options.join) await joinButtonOf(page).click();
    const tabId = await eventually(() => tabIdOf(ext, options.tabPattern ?? url));
    return new CallPage(page, tabId);
  }

  /** The demo call, joined (its URL gains a query string once joined, hence the pattern). */
  static openDemo(ext: ExtensionSession, options: { join?: boolean } = { join: true }): Promise<CallPage> {
    return CallPage.open(ext, DEMO_URL, { join: options.join, tabPattern: `${DEMO_URL}*` });
  }

  get joinButton(): Locator {
    return joinButtonOf(this.page);
  }
}

/** The join button by the page's own hooks, never its words: the demo call's id, Teams' data-tid, Zoom's class. */
function joinButtonOf(page: Page): Locator {
  return page.locator('#join, [data-tid="prejoin-join-button"], .preview-join-button').first();
}
