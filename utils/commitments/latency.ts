import { BENCH_MARKS } from '../bench-marks';
/**
 * Capture-to-saved latency: a User Timing mark when Enter is pressed in the capture line and a
 * measure once IndexedDB has committed the commitment. The entries stay in the panel's own
 * performance timeline (nothing is sent anywhere); the end-to-end suite and the benchmark read them.
 */
export const CAPTURE_MARK = BENCH_MARKS.captureEnter;
export const CAPTURE_MEASURE = BENCH_MARKS.captureSaved;

export function measureCaptureSaved(): void {
  if (typeof performance === 'undefined' || performance.getEntriesByName(CAPTURE_MARK, 'mark').length === 0) return;
  performance.measure(CAPTURE_MEASURE, CAPTURE_MARK);
  performance.clearMarks(CAPTURE_MARK);
}
