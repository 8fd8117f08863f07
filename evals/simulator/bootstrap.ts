import type { RandomSource } from '../../agents/learning/seeded-random.js';

export type Estimate = { value: number; ci: [number, number] };

/** Percentile (0..1) of sorted values by linear interpolation. */
function quantile(sorted: readonly number[], q: number): number {
  const at = q * (sorted.length - 1);
  const lo = Math.floor(at);
  const hi = Math.ceil(at);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (at - lo);
}

/**
 * Paired percentile bootstrap over subjects: every statistic is computed on the same resampled
 * subjects in each round, so differences between policies keep their pairing (same subjects, same
 * draws). `statistics` maps the resampled indices to named values; the answer is each value on the
 * full sample with its central 95 % interval.
 */
export function pairedBootstrap(
  n: number,
  rounds: number,
  random: RandomSource,
  statistics: (indices: Int32Array) => Record<string, number>,
): Record<string, Estimate> {
  const all = Int32Array.from({ length: n }, (_, i) => i);
  const point = statistics(all);
  const samples: Record<string, number[]> = Object.fromEntries(Object.keys(point).map((k) => [k, []]));
  const indices = new Int32Array(n);
  for (let r = 0; r < rounds; r++) {
    for (let i = 0; i < n; i++) indices[i] = Math.floor(random() * n);
    const values = statistics(indices);
    for (const k of Object.keys(point)) samples[k]!.push(values[k]!);
  }
  const out: Record<string, Estimate> = {};
  for (const [k, value] of Object.entries(point)) {
    const sorted = samples[k]!.filter(Number.isFinite).sort((a, b) => a - b);
    out[k] = { value, ci: sorted.length ? [quantile(sorted, 0.025), quantile(sorted, 0.975)] : [value, value] };
  }
  return out;
}
