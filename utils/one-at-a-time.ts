/**
 * Wraps async work so that a call made while an earlier one runs joins it instead of starting a
 * second (two watchers firing at once must not apply the same plan twice).
 */
export function oneAtATime<A extends unknown[]>(work: (...args: A) => Promise<void>): (...args: A) => Promise<void> {
  let running: Promise<void> | null = null;
  return (...args: A) =>
    (running ??= work(...args).finally(() => {
      running = null;
    }));
}
