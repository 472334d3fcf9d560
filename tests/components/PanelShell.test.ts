import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { installServices } from '@/utils/services';
import App from '@/entrypoints/sidepanel/App.vue';
import { useCallStore } from '@/stores/panel/call';
import { useSessionStore } from '@/stores/panel/session';
import type { SessionRecord } from '@/utils/db/types';
import type { TabCallState } from '@/utils/messaging';

// Each section that needs a session is its own chunk: record when one is loaded, and stand in
// for it with a marker that shows the props it was given.
const loaded = vi.hoisted(() => [] as string[]);
vi.mock('@/entrypoints/sidepanel/sections/StagePanel.vue', async () => {
  loaded.push('stage');
  const { defineComponent: define, h: el } = await import('vue');
  return {
    __esModule: true,
    default: define({
      props: { elapsedMs: { type: Number, default: null } },
      setup: (p) => () => el('p', { 'data-section': 'stage' }, `elapsed ${p.elapsedMs}`),
    }),
  };
});
vi.mock('@/entrypoints/sidepanel/sections/CommitmentsPanel.vue', async () => {
  loaded.push('commitments');
  const { defineComponent: define, h: el } = await import('vue');
  return {
    __esModule: true,
    default: define({
      props: { elapsedMs: { type: Number, default: null } },
      setup: () => () => el('p', { 'data-section': 'commitments' }),
    }),
  };
});
const stub = (name: string) => async () => {
  loaded.push(name);
  const { defineComponent: define, h: el } = await import('vue');
  return {
    __esModule: true,
    default: define({ inheritAttrs: false, setup: () => () => el('p', { 'data-section': name }) }),
  };
};
vi.mock('@/entrypoints/sidepanel/sections/RelationshipBar.vue', () => stub('relationship')());
vi.mock('@/entrypoints/sidepanel/sections/CaptionPanel.vue', () => stub('captions')());
vi.mock('@/entrypoints/sidepanel/sections/NotesPanel.vue', () => stub('notes')());
vi.mock('@/entrypoints/sidepanel/sections/WrapUpPanel.vue', () => stub('wrap-up')());
vi.mock('@/entrypoints/sidepanel/TalkBalance.vue', () => stub('talk')());
vi.mock('@/entrypoints/sidepanel/sections/DiagnosticsPanel.vue', () => stub('diagnostics')());

function callState(startedAt: number): TabCallState {
  return {
    tabId: 7,
    sessionId: 's1',
    platform: 'meet',
    updatedAt: startedAt,
    callStartedAt: startedAt,
    callEndedAt: null,
    snapshot: { platform: 'meet', state: 'in-call', title: 'Weekly mentoring', selfName: 'Alex', controlsFound: true },
  };
}

describe('the side panel shell', () => {
  // Frames are run by hand: the first frame is where the shell hands over to the sections.
  let frames: FrameRequestCallback[] = [];
  const runFrame = () => {
    const due = frames;
    frames = [];
    due.forEach((cb) => cb(performance.now()));
  };
  beforeEach(() => {
    setActivePinia(createPinia());
    // The clock every page installs first (connectPanel does, with or without a database).
    installServices({ now: () => Date.now() });
    loaded.length = 0;
    frames = [];
    vi.stubGlobal('requestAnimationFrame', (cb: FrameRequestCallback) => frames.push(cb));
  });
  afterEach(() => vi.unstubAllGlobals());

  it('draws its header, notice and the sections’ hints without loading any section', async () => {
    const wrapper = mount(App);
    expect(wrapper.findAll('section.section > h2').map((h2) => h2.text())).toEqual([
      'Stage and questions',
      'Talk balance',
      'Commitments',
    ]);
    expect(wrapper.text()).toContain('Stages and their open questions appear here once the call starts.');
    expect(wrapper.text()).toContain('Who will do what by when');
    expect(wrapper.text()).toContain('Looking at the call page');
    // The question check works before any call: it is part of the first screen.
    expect(wrapper.find('textarea, input').exists()).toBe(true);
    await new Promise((r) => setTimeout(r, 10));
    expect(loaded).toEqual([]);
    wrapper.unmount();
  });

  it('fetches the sections after its first frame, and shows them in place of the hints once there is a session', async () => {
    const wrapper = mount(App);
    runFrame();
    await new Promise((r) => setTimeout(r, 0));
    await vi.dynamicImportSettled();
    expect([...loaded].sort()).toEqual([
      'captions',
      'commitments',
      'diagnostics',
      'notes',
      'relationship',
      'stage',
      'talk',
      'wrap-up',
    ]);
    expect(wrapper.find('[data-section]').exists()).toBe(false);

    const startedAt = Date.now() - 90_000;
    useCallStore().setTabState(callState(startedAt));
    useSessionStore().session = { id: 's1', startedAt } as SessionRecord;
    await vi.dynamicImportSettled();
    await flushPromises();
    const sections = wrapper.findAll('[data-section]').map((el) => el.attributes('data-section'));
    expect(sections).toEqual([
      'relationship',
      'stage',
      'captions',
      'notes',
      'talk',
      'commitments',
      'wrap-up',
      'diagnostics',
    ]);
    // The clock the header shows is the one the stage section is given.
    const given = Number(wrapper.get('[data-section="stage"]').text().replace('elapsed ', ''));
    expect(given).toBeGreaterThan(89_000);
    expect(given).toBeLessThanOrEqual(90_000);
    expect(wrapper.text()).not.toContain('Stages and their open questions appear here once the call starts.');
    wrapper.unmount();
  });
});
