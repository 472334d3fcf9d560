import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const CALL_HOSTS = [
  'https://meet.google.com/*',
  'https://app.zoom.us/wc/*',
  'https://*.zoom.us/wc/*',
  'https://teams.microsoft.com/*',
  'https://teams.live.com/*',
  'https://teams.cloud.microsoft/*',
];

// Extension pages may connect to themselves, to https (a summary provider) and to loopback http (a local model): nothing else.
const CONNECT_SRC = "connect-src 'self' https: http://localhost:* http://127.0.0.1:* http://[::1]:*";

type Manifest = Record<string, unknown> & { content_scripts: Array<{ matches: string[] }> };
const read = (dir: string) => JSON.parse(readFileSync(`.output/${dir}/manifest.json`, 'utf8')) as Manifest;

describe('the built manifests', () => {
  it('asks Chrome for the side panel and for the call sites only', () => {
    const m = read('chrome-mv3');
    expect(m.manifest_version).toBe(3);
    expect(m.side_panel).toEqual({ default_path: 'sidepanel.html' });
    // tabCapture and offscreen: the call's audio for the talk balance, taken only on the toolbar click.
    expect(m.permissions).toEqual(['storage', 'sidePanel', 'contextMenus', 'tabCapture', 'offscreen', 'alarms']);
    expect([...(m.host_permissions as string[])].sort()).toEqual([...CALL_HOSTS].sort());
    expect(m.content_scripts.flatMap((c) => c.matches).sort()).toEqual([...CALL_HOSTS].sort());
    expect(m.commands).toHaveProperty('_execute_action');
    expect(m.commands).toHaveProperty('capture-commitment.suggested_key.default', 'Alt+Shift+C');
    expect(m.content_security_policy).toEqual({
      extension_pages: `script-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; ${CONNECT_SRC}`,
    });
    expect(m.optional_host_permissions).toEqual(['https://*/*', 'http://localhost/*', 'http://127.0.0.1/*']);
    // Reminders' notifications: asked for only when the mentor turns them on.
    expect(m.optional_permissions).toEqual(['notifications']);
    expect(JSON.stringify(m)).not.toMatch(/<all_urls>|\*:\/\/\*\/\*|demo/);
  });

  it('ships neither the demo call nor the test fixtures', () => {
    const files = readdirSync('.output/chrome-mv3', { recursive: true, withFileTypes: true })
      .filter((d) => d.isFile())
      .map((d) => join(d.parentPath, d.name));
    expect(files.some((f) => /demo|fixture|\.ogg$/.test(f))).toBe(false);
    for (const file of files.filter((f) => /\.(js|html|json)$/.test(f))) {
      expect(readFileSync(file, 'utf8'), file).not.toMatch(/attune-demo|Priya Shah/);
    }
  });

  it('builds a Firefox sidebar from the same source, with no more than the call sites', () => {
    execFileSync('npx', ['wxt', 'build', '-b', 'firefox'], { stdio: 'ignore' });
    const m = read('firefox-mv2');
    expect(m.manifest_version).toBe(2);
    expect(m.sidebar_action).toMatchObject({ default_panel: 'sidepanel.html' });
    expect(m.browser_action).toMatchObject({ default_popup: 'where.html' });
    expect([...(m.permissions as string[])].sort()).toEqual(
      ['storage', 'contextMenus', 'alarms', ...CALL_HOSTS].sort(),
    );
    expect(m.content_security_policy).toBe(
      `script-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; ${CONNECT_SRC}`,
    );
    expect(m.optional_permissions).toEqual([
      'https://*/*',
      'http://localhost/*',
      'http://127.0.0.1/*',
      'notifications',
    ]);
    expect(m.commands).toHaveProperty('_execute_browser_action');
  });
});
