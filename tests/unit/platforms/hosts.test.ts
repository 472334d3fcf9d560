import { describe, expect, it } from 'vitest';
import { platformOfUrl } from '@/utils/platforms/hosts';

describe('platformOfUrl', () => {
  it.each([
    ['https://meet.google.com/abc-defg-hij', 'meet'],
    ['https://app.zoom.us/wc/123456789/join', 'zoom'],
    ['https://acme.zoom.us/wc/123/start', 'zoom'],
    ['https://teams.microsoft.com/v2/', 'teams'],
    ['https://teams.live.com/meet/123', 'teams'],
    ['https://teams.cloud.microsoft/', 'teams'],
  ])('recognises %s as a call page', (url, platform) => {
    expect(platformOfUrl(url)).toBe(platform);
  });

  it.each([
    ['https://zoom.us/pricing'],
    ['https://app.zoom.us/profile'],
    ['https://meet.google.com.evil.example/abc'],
    ['https://notteams.microsoft.com/'],
    ['http://meet.google.com/abc'],
    ['https://example.com/meet.google.com'],
    ['not a url'],
    [undefined],
  ])('does not offer Attune on %s', (url) => {
    expect(platformOfUrl(url)).toBeNull();
  });
});
