import { PLATFORM_NAMES } from '../platforms/hosts';
import type { Platform } from '../platforms/types';
import type { CaptionStatus } from './types';

// From each platform's help pages and UI (2024–2026). Teams keeps the switch in a menu;
// Zoom shows the Captions button only when the host allows automated captions.
const TURN_ON: Record<Platform, string> = {
  meet: 'Captions are off in Meet. To turn them on, click the CC button (“Turn on captions”) in the bar at the bottom of the call, or press C.',
  teams:
    'Live captions are off in Teams. To turn them on, choose More (…) in the meeting controls, then Language and speech, then Turn on live captions.',
  zoom: 'Captions are off in Zoom. To turn them on, click Captions (CC) in the meeting controls and choose Show captions. If there is no Captions button, ask the host to allow automated captions.',
};

/** What the panel tells the mentor about captions, or null when they are being read. */
export function captionStatusSentence(platform: Platform, status: CaptionStatus): string | null {
  if (status === 'on') return null;
  if (status === 'off') return TURN_ON[platform];
  return `Attune can't find the captions on this page: ${PLATFORM_NAMES[platform]} may have changed its layout. The session goes on without a transcript.`;
}
