import { afterEach, describe, expect, it, vi } from 'vitest';
import { mount } from '@vue/test-utils';
import type uPlot from 'uplot';
import FakeUPlot from '../../support/fake-uplot';
import TrendChart from '@/components/dashboard/TrendChart.vue';
import { trendOverview } from '@/utils/history/overview';
import { bucketPeriodLabel, localCalendar } from '@/utils/history/trend-buckets';
import { rollingMean, smoothingWindow } from '@/utils/history/trends';
import type { TalkTarget, TrendSeries } from '@/utils/history/types';

// happy-dom has no canvas: uPlot is stood in for by a fake that keeps what the chart gave it.
vi.mock('uplot', () => import('../../support/fake-uplot'));

const narrow: TalkTarget = { minMentorShare: 0.2, maxMentorShare: 0.3 };
const wide: TalkTarget = { minMentorShare: 0.1, maxMentorShare: 0.5 };

/** Sessions `perDay` a day from Monday 2 November 2026 (local time), values and bands cycling. */
function fakeSeries(
  values: number[],
  options: { bands?: Array<TalkTarget | null>; perDay?: number; from?: Date } & Partial<TrendSeries> = {},
): TrendSeries {
  const { bands = [null], perDay = 1, from = new Date(2026, 10, 2), ...overrides } = options;
  const points = values.map((value, i) => ({
    sessionId: `s${i}`,
    at: new Date(
      from.getFullYear(),
      from.getMonth(),
      from.getDate() + Math.floor(i / perDay),
      9 + (i % perDay),
    ).getTime(),
    value,
    band: bands[i % bands.length] ?? null,
  }));
  return {
    id: 'talk-share',
    title: 'Your share of the talking',
    unit: 'share',
    higherIsBetter: null,
    points,
    smoothed: rollingMean(values, smoothingWindow(values.length)),
    ...overrides,
  };
}
const cycle = (count: number, values: number[]) =>
  Array.from({ length: count }, (_, i) => values[i % values.length] ?? 0);
const pct = (v: number) => `${Math.round(v * 100)}%`;
const mean = (v: number[]) => v.reduce((a, b) => a + b, 0) / v.length;

async function mountChart({ series, tableRows }: { series: TrendSeries; tableRows?: number }) {
  const w = mount(TrendChart, {
    props: { overview: trendOverview(series), points: series.points, tableRows },
    attachTo: document.body,
  });
  if (series.points.length > 0) await vi.waitFor(() => expect(FakeUPlot.made.length).toBeGreaterThan(0));
  return w;
}
const plot = () => {
  const made = FakeUPlot.made.at(-1);
  if (!made) throw new Error('no chart was drawn');
  return made;
};
const readout = (w: Awaited<ReturnType<typeof mountChart>>) =>
  w
    .get('[data-testid="chart-readout"]')
    .text()
    .replace(/[ \n]+/g, ' ');

afterEach(() => {
  document.body.innerHTML = '';
  FakeUPlot.reset();
});

describe('TrendChart', () => {
  it('names its measure and says how it moved, for screen readers', async () => {
    const w = await mountChart({ series: fakeSeries([0.5, 0.5, 0.3, 0.3]) });
    expect(w.get('figcaption').text()).toContain('Your share of the talking');
    const img = w.get('[role="img"]');
    expect(w.get(`#${img.attributes('aria-labelledby')}`).text()).toBe('Your share of the talking');
    expect(img.attributes('aria-description')).toBe(
      'Your share of the talking: 50% on average in the earlier 2 sessions, 30% in the later 2.',
    );
    expect(w.get('.sentence').text()).toBe(img.attributes('aria-description'));
  });

  it('draws one point a session over its target band while there are few sessions', async () => {
    const series = fakeSeries([0.25, 0.45, 0.35], { bands: [narrow] });
    const w = await mountChart({ series });
    const { data, opts } = plot();
    const near = (v: number) => expect.closeTo(v, 9);
    // The band is the targets' rolling mean: with one target, that target (give or take a rounding).
    expect(data).toEqual([
      series.points.map((p) => p.at),
      [0.3, 0.3, 0.3].map(near),
      [0.2, 0.2, 0.2].map(near),
      [0.25, 0.45, 0.35],
      series.smoothed,
    ]);
    expect(opts.bands).toEqual([expect.objectContaining({ series: [1, 2] })]);
    expect(opts.scales?.y?.range).toEqual([0, 1]);
    const figure = w.get('figure');
    expect(figure.attributes()).toMatchObject({
      'data-points': '3',
      'data-grain': 'session',
      'data-buckets': '3',
      'data-band': '20%–30%',
    });
    expect(w.find('[data-testid="target-band"]').exists()).toBe(true);
    expect(w.get('.key').text()).toContain('Each dot is a session');
    expect(w.get('.key').text()).toContain('Line: rolling mean over 3 sessions');
  });

  it('reads out the session under the pointer with its target, opens it on a click, and clears when the pointer leaves', async () => {
    const series = fakeSeries([0.25, 0.45], { bands: [narrow] });
    const w = await mountChart({ series });
    expect(w.find('[data-testid="chart-readout"]').exists()).toBe(false);
    plot().hover(1);
    await w.vm.$nextTick();
    const day = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', year: 'numeric' }).format(
      series.points[1]?.at,
    );
    expect(readout(w)).toBe(`${day} · 45% · target 20%–30%`);
    plot().over.dispatchEvent(new MouseEvent('click'));
    expect(w.emitted('select')).toEqual([['s1']]);
    plot().hover(null);
    await w.vm.$nextTick();
    expect(w.find('[data-testid="chart-readout"]').exists()).toBe(false);
  });

  it('draws the weekly means of many sessions and reads out a week’s days, mean, sessions and mean target', async () => {
    // 200 sessions, two a day from a Monday: 100 days, 15 calendar weeks, 14 sessions in the first.
    const values = cycle(200, [0.2, 0.3, 0.4, 0.5]);
    const series = fakeSeries(values, { perDay: 2, bands: [narrow, wide] });
    const w = await mountChart({ series });
    const { data } = plot();
    expect(data).toHaveLength(5);
    expect(data[0]).toHaveLength(15);
    expect(data[3]?.[0]).toBeCloseTo(mean(values.slice(0, 14)));
    // The line: the mean of the sessions in the last three weeks (smoothingWindow of 15 weeks).
    expect(data[4]?.[2]).toBeCloseTo(mean(values.slice(0, 42)));
    expect(w.get('figure').attributes()).toMatchObject({
      'data-points': '200',
      'data-grain': 'week',
      'data-buckets': '15',
      'data-band': '15%–40%',
    });
    expect(w.get('.key').text()).toContain("Each dot is the mean of a week's sessions");
    expect(w.get('.key').text()).toContain('Line: rolling mean over 3 weeks');

    plot().hover(0);
    await w.vm.$nextTick();
    const week = localCalendar.week(series.points[0]?.at ?? 0);
    const days = bucketPeriodLabel(
      { ...week, at: 0, value: 0, sessions: 14, band: null, smoothed: 0, smoothedBand: null, newestSessionId: '' },
      'week',
    ).replace(/[ \n]+/g, ' ');
    expect(readout(w)).toBe(
      `${days} · 14 sessions, mean ${pct(mean(values.slice(0, 14)))} · mean target 15%–40% · click opens the newest`,
    );
    plot().over.dispatchEvent(new MouseEvent('click'));
    expect(w.emitted('select')).toEqual([['s13']]);
  });

  it('draws monthly means when even the weeks are too many, and still counts every session', async () => {
    const series = fakeSeries(cycle(5_000, [0.2, 0.4]), { perDay: 4, from: new Date(2023, 0, 15) });
    const w = await mountChart({ series });
    const months = new Set(series.points.map((p) => new Date(p.at).getFullYear() * 12 + new Date(p.at).getMonth()));
    expect(plot().data[0]).toHaveLength(months.size);
    expect(w.get('figure').attributes()).toMatchObject({
      'data-points': '5000',
      'data-grain': 'month',
      'data-buckets': String(months.size),
    });
    expect(w.get('details summary').text()).toBe('The numbers (5,000 sessions)');
    plot().hover(1);
    await w.vm.$nextTick();
    expect(readout(w)).toBe('February 2023 · 112 sessions, mean 30% · click opens the newest');
  });

  it('draws no band and shows no band in the key for a measure without targets', async () => {
    const w = await mountChart({
      series: fakeSeries([0.2, 0.4], { id: 'open-questions', title: 'Open questions', higherIsBetter: true }),
    });
    expect(plot().data).toHaveLength(3);
    expect(plot().opts.bands).toEqual([]);
    expect(w.find('[data-testid="target-band"]').exists()).toBe(false);
    expect(w.get('figure').attributes('data-band')).toBeUndefined();
  });

  it('scales and labels seconds in minutes', async () => {
    await mountChart({ series: fakeSeries([50, 130], { id: 'longest-monologue', unit: 'seconds' }) });
    const { opts } = plot();
    expect(opts.scales?.y?.range).toEqual([0, 180]);
    const axis = opts.axes?.[1];
    const label = axis?.values;
    if (typeof label !== 'function') throw new Error('the value axis has no label function');
    expect(label(plot() as unknown as uPlot, [0, 90, 180], 1, 90, 90)).toEqual(['0:00', '1:30', '3:00']);
  });

  it('lists the numbers newest first, a page at a time, and opens a session from the table', async () => {
    const values = Array.from({ length: 25 }, (_, i) => i / 100);
    const w = await mountChart({
      series: fakeSeries(values, { bands: [{ minMentorShare: 0.1, maxMentorShare: 0.2 }] }),
      tableRows: 10,
    });
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

  it('lists every session in the table even when the chart groups them by week', async () => {
    const w = await mountChart({ series: fakeSeries(cycle(300, [0.2, 0.4]), { perDay: 3 }), tableRows: 20 });
    const details = w.get('details');
    (details.element as HTMLDetailsElement).open = true;
    await details.trigger('toggle');
    expect(w.findAll('tbody tr')).toHaveLength(20);
    expect(w.text()).toContain('Page 1 of 15');
    expect(w.get('tbody tr button').text()).toBe(
      new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', year: 'numeric' }).format(
        new Date(2026, 10, 2 + 99),
      ),
    );
  });

  it('says so when no session has the measure, and draws nothing', async () => {
    const w = await mountChart({ series: fakeSeries([]) });
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(w.find('[role="img"]').exists()).toBe(false);
    expect(w.find('details').exists()).toBe(false);
    expect(w.text()).toContain('No sessions with this measure yet.');
    // Said once: the summary sentence would only repeat it.
    expect(w.text().match(/no sessions with this measure/gi)).toHaveLength(1);
    expect(FakeUPlot.made).toHaveLength(0);
  });

  it('says the chart could not be drawn when the browser has no canvas, and keeps the numbers', async () => {
    FakeUPlot.failNext = true;
    const series = fakeSeries([0.2, 0.4]);
    const w = mount(TrendChart, {
      props: { overview: trendOverview(series), points: series.points },
      attachTo: document.body,
    });
    await vi.waitFor(() => expect(w.text()).toContain('could not draw the chart; the numbers are below'));
    expect(w.find('.uplot').exists()).toBe(false);
    expect(w.find('details').exists()).toBe(true);
    expect(w.get('.sentence').text()).toContain('2 sessions');
  });

  it('draws from a snapshot before the sessions are read, and fills its table once they are', async () => {
    const series = fakeSeries([0.2, 0.4, 0.3]);
    const w = mount(TrendChart, { props: { overview: trendOverview(series), points: null }, attachTo: document.body });
    await vi.waitFor(() => expect(FakeUPlot.made).toHaveLength(1));
    expect(w.get('figure').attributes('data-points')).toBe('3');
    const details = w.get('details');
    (details.element as HTMLDetailsElement).open = true;
    await details.trigger('toggle');
    expect(w.text()).toContain('Reading the sessions…');
    expect(w.find('table').exists()).toBe(false);
    await w.setProps({ points: series.points });
    expect(w.findAll('tbody tr')).toHaveLength(3);
    expect(w.get('tbody tr').text()).toContain('30%');
  });
});
