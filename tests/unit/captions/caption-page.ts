import { createCaptionDriver, FIXTURE_MARKUP, type CaptionMarkup } from '../../support/caption-driver';
import { fixtureDocument } from '../platforms/fixture-document';

/** Puts a caption fixture's body into happy-dom's document, as the content script would see it. */
export function showFixture(name: string): Document {
  const parsed = fixtureDocument(`captions/${name}.html`);
  document.title = parsed.title;
  document.body.replaceWith(document.importNode(parsed.body, true));
  return document;
}

/** A fixture page on screen and a driver that rewrites its captions. */
export function captionPage(name: keyof typeof FIXTURE_MARKUP & string) {
  const markup = FIXTURE_MARKUP[name] as CaptionMarkup;
  const doc = showFixture(name);
  return { doc, markup, driver: createCaptionDriver(doc, markup) };
}

/** Lets the page's mutation observers run (happy-dom delivers records in a microtask). */
export async function settleObservers(): Promise<void> {
  await Promise.resolve();
  await Promise.resolve();
}
