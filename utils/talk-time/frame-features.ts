/** Below this a frame is treated as digital silence (16-bit dither sits near -101 dBFS). */
export const SILENCE_DBFS = -120;

/** Mean power of a frame in dB relative to full scale (a full-scale square wave is 0 dB). */
export function energyDb(frame: Float32Array): number {
  let sum = 0;
  for (let i = 0; i < frame.length; i += 1) {
    const x = frame[i] ?? 0;
    sum += x * x;
  }
  return powerToDb(frame.length ? sum / frame.length : 0);
}

export function powerToDb(power: number): number {
  return power > 1e-12 ? 10 * Math.log10(power) : SILENCE_DBFS;
}

export function dbToPower(db: number): number {
  return 10 ** (db / 10);
}

/**
 * How periodic a stretch of signal is: the highest normalised autocorrelation over the lags
 * given (0 = noise or a click, near 1 = a steady voiced sound). Voiced speech sits well above
 * 0.5; fans, hiss and key clicks sit well below. `found.lag` receives the best lag (the pitch period).
 */
/** A lag this well correlated is the period: the search stops there (the first such lag is the fundamental's). */
const CLEARLY_PERIODIC = 0.9;

export function periodicity(window: Float32Array, minLag: number, maxLag: number, found?: { lag: number }): number {
  const n = window.length;
  let best = 0;
  let bestLag = 0;
  for (let lag = minLag; lag <= maxLag && lag < n; lag += 1) {
    let cross = 0;
    let head = 0;
    let tail = 0;
    for (let i = 0; i + lag < n; i += 1) {
      const a = window[i] ?? 0;
      const b = window[i + lag] ?? 0;
      cross += a * b;
      head += a * a;
      tail += b * b;
    }
    const norm = Math.sqrt(head * tail);
    if (norm > 0 && cross / norm > best) {
      best = cross / norm;
      bestLag = lag;
      if (best >= CLEARLY_PERIODIC) break;
    }
  }
  if (found) found.lag = bestLag;
  return best;
}
