import type { Platform } from './types';

/** Match patterns of the call pages Attune supports; also the only host permissions it asks for. */
export const MEET_MATCHES = ['https://meet.google.com/*'] as const;
// Zoom's web client lives under /wc/ on app.zoom.us and on vanity subdomains.
export const ZOOM_MATCHES = ['https://app.zoom.us/wc/*', 'https://*.zoom.us/wc/*'] as const;
export const TEAMS_MATCHES = [
  'https://teams.microsoft.com/*',
  'https://teams.live.com/*',
  'https://teams.cloud.microsoft/*',
] as const;

export const CALL_HOST_PATTERNS = [...MEET_MATCHES, ...ZOOM_MATCHES, ...TEAMS_MATCHES] as const;

export const PLATFORM_NAMES: Record<Platform, string> = {
  meet: 'Google Meet',
  zoom: 'Zoom',
  teams: 'Microsoft Teams',
};

/** Which supported call platform a URL belongs to, or null when Attune does not work there. */
export function platformOfUrl(url: string | undefined): Platform | null {
  if (!url) return null;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'https:') return null;
  const host = parsed.hostname.toLowerCase();
  if (host === 'meet.google.com') return 'meet';
  if ((host === 'zoom.us' || host.endsWith('.zoom.us')) && parsed.pathname.startsWith('/wc/')) return 'zoom';
  if (host === 'teams.microsoft.com' || host === 'teams.live.com' || host === 'teams.cloud.microsoft') return 'teams';
  return null;
}
