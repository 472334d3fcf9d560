/**
 * Runs `read` at most once per throttle window after the page changes, and on a slow poll besides
 * (a change the observer does not see, a clock-based rule such as a grace period). The shared
 * skeleton of the call-page watchers: mutation storms on a live call collapse into one read, and
 * nothing heavier than the caller's own `read` runs. Reads once at once; returns a function that
 * stops watching.
 */
export function watchThrottled(
  doc: Document,
  init: MutationObserverInit,
  read: () => void,
  timing: { throttleMs: number; pollMs: number },
): () => void {
  const view = doc.defaultView ?? globalThis;
  let pending: ReturnType<typeof setTimeout> | null = null;
  const run = () => {
    pending = null;
    read();
  };
  const schedule = () => {
    if (pending === null) pending = view.setTimeout(run, timing.throttleMs);
  };
  const observer = new (view as typeof globalThis).MutationObserver(schedule);
  observer.observe(doc.documentElement, init);
  const poll = view.setInterval(run, timing.pollMs);
  run();
  return () => {
    observer.disconnect();
    view.clearInterval(poll);
    if (pending !== null) view.clearTimeout(pending);
  };
}
