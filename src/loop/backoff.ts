/**
 * Exponential backoff with "equal jitter": the n-th retry waits between half and all of base·2^(n−1)
 * (capped), so many failures at once spread out instead of returning together.
 */
export function backoffMs(attempt: number, baseMs: number, capMs: number, random: () => number = Math.random): number {
  const ceiling = Math.min(capMs, baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}
