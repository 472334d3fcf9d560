import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { mount } from '@vue/test-utils';
import FakeUPlot from '../../support/fake-uplot';
import TrendPlot from '@/components/dashboard/TrendPlot.vue';
import type { BucketedTrend, TrendBucket } from '@/utils/history/types';

vi.mock('uplot', () => import('../../support/fake-uplot'));

const DAY = 86_400_000;
function fakeTrend(values: number[]): BucketedTrend {
  const buckets: TrendBucket[] = values.map((value, i) => ({
    at: i * DAY,
    start: i * DAY,
    end: i * DAY,
    value,
    sessions: 1,
    band: null,
    smoothed: value,
    smoothedBand: null,
    newestSessionId: `s${i}`,
  }));
  return { grain: 'session', smoothing: 3, buckets };
}

// happy-dom lays nothing out, so its ResizeObserver never reports: this one is told when to.
let resize: ((entries: Array<{ contentRect: { width: number } }>) => void) | null = null;
class FakeResizeObserver {
  constructor(callback: typeof resize) {
    resize = callback;
  }
  observe() {}
  unobserve() {}
  disconnect() {}
}

beforeEach(() => vi.stubGlobal('ResizeObserver', FakeResizeObserver));
afterEach(() => {
  vi.unstubAllGlobals();
  document.body.innerHTML = '';
  FakeUPlot.reset();
  resize = null;
});

async function mountPlot(values: number[]) {
  const w = mount(TrendPlot, { props: { trend: fakeTrend(values), unit: 'share' }, attachTo: document.body });
  // The plot's height is there before uPlot is, so nothing below it moves when it arrives.
  expect(w.attributes('style')).toContain('height: 180px');
  await vi.waitFor(() => expect(FakeUPlot.made.length).toBeGreaterThan(0));
  return w;
}

describe('TrendPlot', () => {
  it('reports the point under the cursor and the one clicked, by index', async () => {
    const w = await mountPlot([0.2, 0.4, 0.3]);
    const [plot] = FakeUPlot.made;
    plot?.hover(2);
    plot?.over.dispatchEvent(new MouseEvent('click'));
    plot?.hover(null);
    plot?.over.dispatchEvent(new MouseEvent('click'));
    expect(w.emitted('hover')).toEqual([[2], [null]]);
    expect(w.emitted('select')).toEqual([[2]]);
  });

  it('draws afresh when the trend changes and lets go of the chart when removed', async () => {
    const w = await mountPlot([0.2, 0.4]);
    await w.setProps({ trend: fakeTrend([0.5]) });
    await vi.waitFor(() => expect(FakeUPlot.made).toHaveLength(2));
    expect(FakeUPlot.made[0]?.destroyed).toBe(true);
    expect(FakeUPlot.made[1]?.data[1]).toEqual([0.5]);
    w.unmount();
    expect(FakeUPlot.made[1]?.destroyed).toBe(true);
  });

  it('follows the width of its container', async () => {
    await mountPlot([0.2, 0.4]);
    resize?.([{ contentRect: { width: 512.6 } }]);
    resize?.([{ contentRect: { width: 0 } }]);
    expect(FakeUPlot.made[0]?.sizes).toEqual([{ width: 512, height: 180 }]);
  });

  it('takes its colours from the page’s CSS variables, and draws again in the dark ones when the page turns dark', async () => {
    // happy-dom does not inherit custom properties, so the computed style is the page's as the browser gives it.
    let colours: Record<string, string> = { '--accent': '#006600', '--muted': '#666666' };
    vi.stubGlobal('getComputedStyle', () => ({ getPropertyValue: (name: string) => colours[name] ?? '' }));
    const schemeListeners: Array<(event: { matches: boolean }) => void> = [];
    vi.stubGlobal('matchMedia', (query: string) => ({
      media: query,
      matches: false,
      addEventListener: (_type: string, listener: (event: { matches: boolean }) => void) =>
        schemeListeners.push(listener),
      removeEventListener: () => {},
    }));
    await mountPlot([0.2, 0.4]);
    const strokes = (plot: FakeUPlot | undefined) => plot?.opts.series.map((s) => s.stroke);
    expect(strokes(FakeUPlot.made[0])).toEqual([undefined, '#666666', '#006600']);

    // What the stylesheet's media query does in the browser: the dark colours apply.
    colours = { '--accent': '#7cc4ad', '--muted': '#a4abb6' };
    expect(schemeListeners).toHaveLength(1);
    for (const listener of schemeListeners) listener({ matches: true });
    await vi.waitFor(() => expect(FakeUPlot.made).toHaveLength(2));
    expect(FakeUPlot.made[0]?.destroyed).toBe(true);
    expect(strokes(FakeUPlot.made[1])).toEqual([undefined, '#a4abb6', '#7cc4ad']);
  });
});
