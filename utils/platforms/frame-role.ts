/**
 * Which of a call tab's frames reads the call. Teams 2024–25 hosts the call in
 * `iframe[id^="experience-container"]`; the content script runs in every frame of a call host
 * (`allFrames`), and exactly one of them speaks for the call:
 * - the top frame, which also reads same-origin frames itself (SelectorTable.frames);
 * - a frame of another origin than its parent, which the top frame cannot read: it reads itself;
 * - a same-origin subframe stays silent, since the top frame already reads it.
 */
export type FrameRole = 'top' | 'own-origin-frame' | 'read-by-top';

export function frameRole(win: Window): FrameRole {
  if (win === win.top) return 'top';
  try {
    // Reading the parent's document throws across origins.
    return win.parent.document ? 'read-by-top' : 'own-origin-frame';
  } catch {
    return 'own-origin-frame';
  }
}

/** Whether the page holds one of the table's call frames that it cannot read (another origin). */
export function hasUnreadableFrame(frames: string[], doc: Document): boolean {
  for (const css of frames) {
    for (const frame of Array.from(doc.querySelectorAll<HTMLIFrameElement>(css))) {
      try {
        if (!frame.contentDocument) return true;
      } catch {
        return true;
      }
    }
  }
  return false;
}

/**
 * Whether a frame's news is worth sending: a frame that read nothing (state unknown, no tiles, no
 * caption region) must not contradict the frame that reads the call. The top frame stays quiet
 * only while a call frame it cannot read is on the page; a framed reader only once it sees a call.
 */
export function frameShouldReport(role: FrameRole, readSomething: boolean, frames: string[], doc: Document): boolean {
  if (role === 'read-by-top') return false;
  if (readSomething) return true;
  return role === 'top' && !hasUnreadableFrame(frames, doc);
}
