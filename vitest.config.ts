import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';
import vue from '@vitejs/plugin-vue';

// Unit tests (pure utils/, Node) and component tests (Vue in happy-dom). The browser suite has
// its own config: vitest.e2e.config.ts.
export default defineConfig({
  // WxtVitest does not run WXT modules, so Vue's plugin is added here for .vue files.
  plugins: [WxtVitest(), vue()],
  test: {
    // Fixture pages must not reach for anything outside the test: no frames, scripts or CSS loads.
    environmentOptions: {
      happyDOM: {
        settings: {
          disableJavaScriptFileLoading: true,
          disableCSSFileLoading: true,
          navigation: { disableChildFrameNavigation: true },
        },
      },
    },
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], environment: 'node' },
      },
      {
        extends: true,
        test: { name: 'components', include: ['tests/components/**/*.test.ts'], environment: 'happy-dom' },
      },
    ],
  },
});
