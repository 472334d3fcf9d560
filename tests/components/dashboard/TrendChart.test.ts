import { describe, expect, it } from 'vitest';
import { mount } from '@vue/test-utils';
import TrendChart from '@/components/dashboard/TrendChart.vue';
import { chartGeometry, nearestPointIndex, valueCeiling } from '@/utils/dashboard/chart-geometry';
import { rollingMean } from '@/utils/dashboard/trends';
import type { TrendPoint, TrendSeries } from '@/utils/dashboard/types';

const DAY = 86_400_000;
function fakeSeries(values: number[], overrides: Partial<TrendSeries> = {}, band: TrendPoint['band'] = null): TrendSeries {
  const points = values.map((value, i) => ({ sessionId: `s${i}`, at: DAY * (i + 1), value, band }));
  return { id: 'talk-share', title: 'Your share of the talking', unit: 'share', higherIsBetter: null, points, smoothed: rollingMean(values, 3), ...overrides };
}

describe('chart shaping', () => {
  it('places the oldest session at the left edge and the newest at the right, higher values higher up', () => {
    const g = chartGeometry(fakeSeries([0.2, 0.8, 0.5]), { width: 600, height: 100 });
    expect(g.xs[0]).toBe(0);
    expect(g.xs.at(-1)).toBe(600);
    const [, lowY] = g.xy[0] ?? [0, 0];
    const [, highY] = g.xy[1] ?? [0, 0];
    expect(highY).toBeLessThan(lowY);
    // One dot per session, all in one path.
    expect(g.dots.match(/M/g)).toHaveLength(3);
    expect(g.smoothed.split(' ')).toHaveLength(3);
  });

  it('draws a band only for series with a target', () => {
    expect(chartGeometry(fakeSeries([0.3, 0.4]), { width: 600, height: 100 }).band).toBeNull();
    const banded = chartGeometry(fakeSeries([0.3, 0.4], {}, { minMentorShare: 0.2, maxMentorShare: 0.3 }), { width: 600, height: 100 });
    expect(banded.band).toMatch(/^M.*Z$/);
  });

  it('scales seconds to a round ceiling above the longest value', () => {
    expect(valueCeiling(fakeSeries([50, 130], { unit: 'seconds' }))).toBe(180);
    expect(valueCeiling(fakeSeries([0.9]))).toBe(1);
  });

  it('finds the point nearest the pointer', () => {
    expect(nearestPointIndex([0, 100, 200], 140)).toBe(1);
    expect(nearestPointIndex([0, 100, 200], 160)).toBe(2);
    expect(nearestPointIndex([0, 100, 200], -40)).toBe(0);
    expect(nearestPointIndex([], 10)).toBeNull();
  });
});

describe('TrendChart', () => {
  it('names its measure and says how it moved, for screen readers', () => {
    const w = mount(TrendChart, { props: { series: fakeSeries([0.5, 0.5, 0.3, 0.3]) } });
    expect(w.get('figcaption').text()).toContain('Your share of the talking');
    expect(w.get('svg').attributes('role')).toBe('img');
    expect(w.get('svg').attributes('aria-description')).toBe('Your share of the talking: 50% on average in the earlier 2 sessions, 30% in the later 2.');
  });

  it('lists the numbers newest first, a page at a time, and opens a session from the table', async () => {
    const values = Array.from({ length: 25 }, (_, i) => i / 100);
    const w = mount(TrendChart, { props: { series: fakeSeries(values, {}, { minMentorShare: 0.1, maxMentorShare: 0.2 }), tableRows: 10 } });
    expect(w.find('table').exists()).toBe(false);
    const details = w.get('details');
    (details.element as HTMLDetailsElement).open = true;
    await details.trigger('toggle');
    const rows = w.findAll('tbody tr');
    expect(rows).toHaveLength(10);
    expect(rows[0]?.findAll('td')[0]?.text()).toBe('24%');
    expect(rows[0]?.findAll('td')[1]?.text()).toBe('10%–20% (outside)');
    expect(w.text()).toContain('Page 1 of 3');
    await w.get('.pager button:last-child').trigger('click');
    expect(w.findAll('tbody tr')[0]?.findAll('td')[0]?.text()).toBe('14%');
    await w.get('tbody tr button').trigger('click');
    expect(w.emitted('select')).toEqual([['s14']]);
  });

  it('says so when no session has the measure', () => {
    const w = mount(TrendChart, { props: { series: fakeSeries([]) } });
    expect(w.find('svg').exists()).toBe(false);
    expect(w.text()).toContain('No sessions with this measure yet.');
  });
});
