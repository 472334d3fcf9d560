/**
 * The performance marks the pages set for `npm run bench` (scripts/bench/): named once here, read
 * by the pages that set them and the benchmarks that wait for them. Setting a mark costs nothing
 * the user sees, and no state is kept for the benchmarks' sake.
 */
export const BENCH_MARKS = {
  /** The side panel's modules have run. */
  modulesEvaluated: 'attune:modules-evaluated',
  /** The side panel's Vue app is mounted. */
  mounted: 'attune:mounted',
  /** The first animation frame after a page's app mounted. */
  firstRender: 'attune:first-render',
  /** The dashboard's digest on screen matches the data. */
  historyCurrent: 'attune:history-current',
  /** The dashboard read the open commitments for "due this week". */
  dueCurrent: 'attune:due-current',
  /** Enter pressed in the capture line; the measure ends when the commitment is saved. */
  captureEnter: 'attune:capture-enter',
  captureSaved: 'attune:capture-saved',
} as const;
