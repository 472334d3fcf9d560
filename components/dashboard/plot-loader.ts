import type uPlot from 'uplot';

let plot: typeof uPlot | null = null;
let loading: Promise<typeof uPlot> | null = null;

/**
 * uPlot's chunk, fetched once. The dashboard asks for it as it starts, alongside its database
 * reads, so the trend charts are drawn in the same frame as the rest of the first view.
 */
export function loadPlot(): Promise<typeof uPlot> {
  return (loading ??= import('uplot').then((module) => (plot = module.default)));
}

/** uPlot when its chunk is already here (the charts then draw at once), else null. */
export function loadedPlot(): typeof uPlot | null {
  return plot;
}
