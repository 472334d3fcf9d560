import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import FakeUPlot from '../../support/fake-uplot';
import TrendPlot from '@/components/dashboard/TrendPlot.vue';
import type { BucketedTrend } from '@/utils/history/types';

// uPlot's chunk, under the test's control: already here, or arriving when the test says.
const loader = vi.hoisted(() => ({ loaded: null as unknown, arrive: null as (() => void) | null }));
vi.mock('@/components/dashboard/plot-loader', async () => {
  const { default: Fake } = await import('../../support/fake-uplot');
  return {
    loadedPlot: () => loader.loaded,
    loadPlot: () =>
      new Promise((resolve) => {
        loader.arrive = () => {
          loader.loaded = Fake;
          resolve(Fake);
        };
      }),
  };
});

const trend: BucketedTrend = {
  grain: 'session',
  smoothing: 3,
  buckets: [
    {
      at: 0,
      start: 0,
      end: 0,
      value: 0.3,
      sessions: 1,
      band: null,
      smoothed: 0.3,
      smoothedBand: null,
      newestSessionId: 's0',
    },
  ],
};

beforeEach(() =>
  vi.stubGlobal(
    'ResizeObserver',
    class {
      observe() {}
      unobserve() {}
      disconnect() {}
    },
  ),
);
afterEach(() => {
  vi.unstubAllGlobals();
  document.body.innerHTML = '';
  FakeUPlot.reset();
  loader.loaded = null;
  loader.arrive = null;
});

describe('TrendPlot and uPlot’s chunk', () => {
  it('draws in the same tick it mounts when uPlot is already here (the first view’s frame)', () => {
    loader.loaded = FakeUPlot;
    const w = mount(TrendPlot, { props: { trend, unit: 'share' }, attachTo: document.body });
    expect(FakeUPlot.made).toHaveLength(1);
    w.unmount();
  });

  it('draws once the chunk arrives', async () => {
    const w = mount(TrendPlot, { props: { trend, unit: 'share' }, attachTo: document.body });
    expect(FakeUPlot.made).toHaveLength(0);
    loader.arrive?.();
    await flushPromises();
    expect(FakeUPlot.made).toHaveLength(1);
    w.unmount();
  });

  it('builds nothing for a chart removed while the chunk was on its way', async () => {
    const w = mount(TrendPlot, { props: { trend, unit: 'share' }, attachTo: document.body });
    w.unmount();
    loader.arrive?.();
    await flushPromises();
    expect(FakeUPlot.made).toHaveLength(0);
  });
});
