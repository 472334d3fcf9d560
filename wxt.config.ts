import { defineConfig } from 'wxt';
import { CALL_HOST_PATTERNS } from './utils/platforms/hosts';

// Attune reads call pages only on the three platforms it supports: no other host permission.
export default defineConfig({
  modules: ['@wxt-dev/module-vue'],
  manifest: ({ browser }) => ({
    name: 'Attune',
    description:
      'A calm side panel for mentoring and coaching calls: stage-aware open questions, talk-time balance and commitments.',
    // tabCapture and offscreen: the call tab's audio for the talk balance, analysed in an offscreen
    // document (Chrome/Edge only; Firefox falls back to the page's active-speaker highlight).
    permissions: browser === 'firefox' ? ['storage'] : ['storage', 'sidePanel', 'tabCapture', 'offscreen'],
    host_permissions: [...CALL_HOST_PATTERNS],
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
