import { defineConfig } from 'wxt';
import { CALL_HOST_PATTERNS } from './utils/platforms/hosts';

// The summary endpoint the user chooses (OpenAI, or a model on their own computer): asked for
// when they turn summaries on, never at install.
const SUMMARY_ENDPOINT_PATTERNS = ['https://*/*', 'http://localhost/*', 'http://127.0.0.1/*'];

// Extension pages run only the extension's own scripts: no inline or remote code, no eval, no
// plugins, no <base> tricks, no form posts anywhere.
// connect-src: what a summary endpoint can need and nothing else — https anywhere (the user's
// provider), plain http only on loopback (a local model). The host permission the user grants
// narrows that further; this stops an extension page from reaching anything else even by mistake.
// WXT's dev server reloads pages over a loopback websocket, allowed in development only.
const CONNECT_SRC = "connect-src 'self' https: http://localhost:* http://127.0.0.1:* http://[::1]:*";
function extensionPagesCsp(mode: string): string {
  const connect = mode === 'development' ? `${CONNECT_SRC} ws://localhost:* ws://127.0.0.1:*` : CONNECT_SRC;
  return `script-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; ${connect}`;
}

// Attune reads call pages only on the three platforms it supports: no other host permission.
// `wxt build --mode e2e` (end-to-end tests only, into .output/chrome-mv3-e2e) also holds the
// permission for 127.0.0.1, where the tests' OpenAI-speaking server runs, and the notifications
// permission for reminders, because a headless browser cannot click "Allow" on the prompt.
export default defineConfig({
  modules: ['@wxt-dev/module-vue'],
  manifest: ({ browser, mode }) => ({
    name: 'Attune',
    description:
      'A calm side panel for mentoring and coaching calls: stage-aware open questions, talk-time balance and commitments.',
    // contextMenus: "Open Attune dashboard" on the toolbar button's right-click menu.
    // tabCapture and offscreen: the call tab's audio for the talk balance, analysed in an offscreen
    // document (Chrome/Edge only; Firefox falls back to the page's active-speaker highlight).
    permissions:
      browser === 'firefox'
        ? ['storage', 'contextMenus', 'alarms']
        : [
            'storage',
            'sidePanel',
            'contextMenus',
            'tabCapture',
            'offscreen',
            'alarms',
            ...(mode === 'e2e' ? ['notifications'] : []),
          ],
    host_permissions: mode === 'e2e' ? [...CALL_HOST_PATTERNS, 'http://127.0.0.1/*'] : [...CALL_HOST_PATTERNS],
    content_security_policy:
      browser === 'firefox' ? extensionPagesCsp(mode) : { extension_pages: extensionPagesCsp(mode) },
    // notifications: the optional daily reminders, asked for when the mentor turns them on.
    // Manifest V2 (Firefox) lists optional hosts among optional_permissions.
    ...(browser === 'firefox'
      ? { optional_permissions: [...SUMMARY_ENDPOINT_PATTERNS, 'notifications'] }
      : {
          ...(mode === 'e2e' ? {} : { optional_permissions: ['notifications'] }),
          optional_host_permissions: SUMMARY_ENDPOINT_PATTERNS,
        }),
    action: {
      default_title: 'Attune',
      // The popup explains where Attune works; on call tabs the background clears it so a
      // click opens the side panel instead (the click is the user gesture sidePanel.open needs).
      default_popup: 'where.html',
    },
    commands: {
      // Manifest V2 (Firefox) names the toolbar-button command differently.
      [browser === 'firefox' ? '_execute_browser_action' : '_execute_action']: {
        suggested_key: { default: 'Alt+Shift+A' },
        description: 'Open Attune beside the call',
      },
      'capture-commitment': {
        suggested_key: { default: 'Alt+Shift+C' },
        description: 'Capture a commitment (works while the call has focus)',
      },
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: { gecko: { id: 'attune@attune.invalid', strict_min_version: '115.0' } },
        }
      : {}),
  }),
});
