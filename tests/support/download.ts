import { resolveObjectURL } from 'node:buffer';

/** The file behind a download link's object URL (DownloadLink), as the browser would save it. */
export async function downloadOf(href: string | undefined): Promise<{ type: string; text: string }> {
  const blob = href ? resolveObjectURL(href) : undefined;
  if (!blob) throw new Error(`No file behind the link ${href ?? '(none)'}`);
  return { type: blob.type, text: await blob.text() };
}
