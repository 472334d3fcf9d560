import type uPlot from 'uplot';

/**
 * A stand-in for uPlot in component tests (happy-dom has no canvas): it keeps the options and
 * data it was given, puts an overlay where uPlot's would be, and lets a test move the cursor.
 * Use with `vi.mock('uplot', () => import('../../support/fake-uplot'))`.
 */
export default class FakeUPlot {
  static made: FakeUPlot[] = [];
  /** Set to make the next construction throw, as uPlot does without a 2D canvas. */
  static failNext = false;

  readonly root = document.createElement('div');
  readonly over = document.createElement('div');
  readonly cursor: { idx: number | null } = { idx: null };
  width: number;
  height: number;
  destroyed = false;
  sizes: Array<{ width: number; height: number }> = [];

  constructor(
    readonly opts: uPlot.Options,
    readonly data: uPlot.AlignedData,
    target: HTMLElement,
  ) {
    this.width = opts.width;
    this.height = opts.height;
    this.root.className = 'uplot';
    this.over.className = 'u-over';
    this.root.append(this.over);
    target.append(this.root);
    if (FakeUPlot.failNext) {
      // As uPlot does without a 2D context: its element is already in the page when it fails.
      FakeUPlot.failNext = false;
      throw new TypeError("Cannot set properties of null (setting 'font')");
    }
    FakeUPlot.made.push(this);
  }

  /** Puts the cursor on a point (or off the chart) the way uPlot reports it to its hooks. */
  hover(index: number | null): void {
    this.cursor.idx = index;
    for (const hook of this.opts.hooks?.setCursor ?? []) hook?.(this as unknown as uPlot);
  }

  setSize(size: { width: number; height: number }): void {
    this.width = size.width;
    this.height = size.height;
    this.sizes.push(size);
  }

  destroy(): void {
    this.destroyed = true;
    this.root.remove();
  }

  static reset(): void {
    FakeUPlot.made = [];
    FakeUPlot.failNext = false;
  }
}
