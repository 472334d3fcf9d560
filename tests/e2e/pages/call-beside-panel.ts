import type { Page } from 'playwright-core';
import type { ExtensionSession } from '../../../scripts/browser/launch-extension';
import { CallPage, type OpenCallOptions } from './call-page';
import { SidePanel } from './side-panel';

export interface CallBesidePanelOptions extends OpenCallOptions {
  /** The call state to wait for once the panel is open; null: do not wait. */
  state?: string | null;
  width?: number;
}

/**
 * A call page with Attune's side panel open beside it: what nearly every e2e test starts from.
 * `call`, `panel` and `tabId` destructure as plain values for tests that work the pages directly.
 */
export class CallBesidePanel {
  constructor(
    readonly callPage: CallPage,
    readonly sidePanel: SidePanel,
  ) {}

  static async open(
    ext: ExtensionSession,
    url: string,
    options: CallBesidePanelOptions = {},
  ): Promise<CallBesidePanel> {
    const callPage = await CallPage.open(ext, url, options);
    return CallBesidePanel.beside(ext, callPage, options);
  }

  /** The demo call, joined unless `join: false`, with the panel beside it. */
  static async openDemo(ext: ExtensionSession, options: CallBesidePanelOptions = {}): Promise<CallBesidePanel> {
    const callPage = await CallPage.openDemo(ext, { join: options.join ?? true });
    return CallBesidePanel.beside(ext, callPage, options);
  }

  private static async beside(
    ext: ExtensionSession,
    callPage: CallPage,
    { state = 'In call', width }: CallBesidePanelOptions,
  ): Promise<CallBesidePanel> {
    const sidePanel = await SidePanel.open(ext, callPage.tabId, width);
    if (state !== null) await sidePanel.waitForCallState(state);
    return new CallBesidePanel(callPage, sidePanel);
  }

  get call(): Page {
    return this.callPage.page;
  }

  get panel(): Page {
    return this.sidePanel.page;
  }

  get tabId(): number {
    return this.callPage.tabId;
  }
}
