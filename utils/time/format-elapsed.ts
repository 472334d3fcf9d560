/** "4:05" under an hour, "1:02:03" past it; negative or missing spans read "0:00". */
export function formatElapsed(ms: number): string {
  const total = Number.isFinite(ms) && ms > 0 ? Math.floor(ms / 1000) : 0;
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  const ss = String(seconds).padStart(2, '0');
  if (hours === 0) return `${minutes}:${ss}`;
  return `${hours}:${String(minutes).padStart(2, '0')}:${ss}`;
}

/** The same span for a screen reader: "1 hour 2 minutes", "4 minutes 5 seconds". */
export function describeElapsed(ms: number): string {
  const total = Number.isFinite(ms) && ms > 0 ? Math.floor(ms / 1000) : 0;
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  const unit = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  if (hours > 0) return [unit(hours, 'hour'), minutes > 0 ? unit(minutes, 'minute') : ''].filter(Boolean).join(' ');
  if (minutes > 0)
    return [unit(minutes, 'minute'), seconds > 0 ? unit(seconds, 'second') : ''].filter(Boolean).join(' ');
  return unit(seconds, 'second');
}
