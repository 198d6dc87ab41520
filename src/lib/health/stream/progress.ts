/**
 * What the health check says while a big export streams: how far it is, rows and megabytes a second, and
 * about how long is left, from the bytes read so far. The estimate assumes the rest reads at the speed so far;
 * it is withheld for the first half second and the first 1% (a guess from a few chunks says nothing).
 *
 * Example: 20 MB of 80 MB read in 2 s, 500,000 rows → fraction 0.25, 250,000 rows/s, 10 MB/s, 6 s left.
 */
export interface StreamProgress {
  fraction: number;
  rowsPerSecond: number;
  /** Megabytes (10⁶ bytes) a second. */
  mbPerSecond: number;
  /** Seconds left at the speed so far, rounded up; null while too early to say. */
  secondsLeft: number | null;
}

export function streamProgress(read: { bytes: number; total: number; rows: number; seconds: number }): StreamProgress {
  const fraction = read.total <= 0 ? 1 : Math.min(1, read.bytes / read.total);
  const seconds = Math.max(read.seconds, 1e-3);
  const early = read.seconds < 0.5 || fraction < 0.01;
  const left = read.bytes <= 0 ? null : Math.ceil(((read.total - read.bytes) / read.bytes) * read.seconds);
  return { fraction, rowsPerSecond: read.rows / seconds, mbPerSecond: read.bytes / 1e6 / seconds, secondsLeft: early ? null : Math.max(0, left ?? 0) };
}
