import type { Page } from 'playwright-core';

/** The file behind one of a session's export links (Markdown, CSV, Calendar, JSON), read in the page as the browser would save it. */
export async function exportedText(page: Page, label: string): Promise<string> {
  return page
    .getByRole('group', { name: 'Export this session' })
    .getByRole('link', { name: label })
    .evaluate(async (link) => (await fetch((link as HTMLAnchorElement).href)).text());
}
