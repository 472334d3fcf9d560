import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const CALL_HOSTS = [
  'https://meet.google.com/*',
  'https://app.zoom.us/wc/*',
  'https://*.zoom.us/wc/*',
  'https://teams.microsoft.com/*',
  'https://teams.live.com/*',
  'https://teams.cloud.microsoft/*',
];

type Manifest = Record<string, unknown> & { content_scripts: Array<{ matches: string[] }> };
const read = (dir: string) => JSON.parse(readFileSync(`.output/${dir}/manifest.json`, 'utf8')) as Manifest;

describe('the built manifests', () => {
  it('asks Chrome for the side panel and for the call sites only', () => {
    const m = read('chrome-mv3');
    expect(m.manifest_version).toBe(3);
    expect(m.side_panel).toEqual({ default_path: 'sidepanel.html' });
    expect(m.permissions).toEqual(['storage', 'sidePanel']);
    expect([...(m.host_permissions as string[])].sort()).toEqual([...CALL_HOSTS].sort());
    expect(m.content_scripts.flatMap((c) => c.matches).sort()).toEqual([...CALL_HOSTS].sort());
    expect(m.commands).toHaveProperty('_execute_action');
    expect(JSON.stringify(m)).not.toMatch(/<all_urls>|\*:\/\/\*\/\*|demo/);
  });

  it('builds a Firefox sidebar from the same source, with no more than the call sites', () => {
    execFileSync('npx', ['wxt', 'build', '-b', 'firefox'], { stdio: 'ignore' });
    const m = read('firefox-mv2');
    expect(m.manifest_version).toBe(2);
    expect(m.sidebar_action).toMatchObject({ default_panel: 'sidepanel.html' });
    expect(m.browser_action).toMatchObject({ default_popup: 'where.html' });
    expect([...(m.permissions as string[])].sort()).toEqual(['storage', ...CALL_HOSTS].sort());
    expect(m.commands).toHaveProperty('_execute_browser_action');
  });
});
