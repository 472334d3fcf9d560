import type { Locator } from 'playwright-core';

export interface PickedFile {
  name: string;
  mimeType: string;
  buffer: Buffer;
}

/** Clicks an import button and picks `file` in the file dialog it opens, as the mentor would. */
export async function importThrough(button: Locator, file: PickedFile | string): Promise<void> {
  const [chooser] = await Promise.all([button.page().waitForEvent('filechooser'), button.click()]);
  await chooser.setFiles(file);
}
