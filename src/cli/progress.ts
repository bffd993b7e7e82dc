/** The training progress line (a bar on a TTY, the same text as plain lines elsewhere). */

export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds)) return '?';
  const s = Math.max(0, Math.round(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const ss = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}

export interface Progress {
  step: number;
  total: number;
  epoch: number;
  loss: number;
  /** Running accuracy over the epoch's batches so far, a fraction. */
  accuracy: number;
  /** Images per second. */
  rate: number;
  /** Seconds left. */
  eta: number;
}

export function progressLine(p: Progress, width = 20): string {
  const filled = Math.round((width * p.step) / Math.max(1, p.total));
  const bar = `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}]`;
  return `${bar} step ${p.step}/${p.total} epoch ${p.epoch} loss ${p.loss.toFixed(4)} acc ${(100 * p.accuracy).toFixed(1)}% ${p.rate.toFixed(1)} img/s ETA ${formatDuration(p.eta)}`;
}
