import { defineConfig } from 'wxt';
import { CALL_HOST_PATTERNS } from './utils/platforms/hosts';

// Attune reads call pages only on the three platforms it supports: no other host permission.
export default defineConfig({
  modules: ['@wxt-dev/module-vue'],
  manifest: ({ browser }) => ({
    name: 'Attune',
    description:
      'A calm side panel for mentoring and coaching calls: stage-aware open questions, talk-time balance and commitments.',
    // contextMenus: "Open Attune dashboard" on the toolbar button's right-click menu.
    permissions: browser === 'firefox' ? ['storage', 'contextMenus'] : ['storage', 'sidePanel', 'contextMenus'],
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
