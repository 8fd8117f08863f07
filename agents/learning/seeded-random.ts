import { randomBeta, randomLcg } from 'd3-random';

/** A uniform source on [0, 1). The policy never uses Math.random: a choice replays from its seed. */
export type RandomSource = () => number;

/** FNV-1a over the seed's text, scaled to [0, 1): any string or number gives a well-spread LCG seed. */
function seedFraction(seed: string | number): number {
  let h = 0x811c9dc5;
  for (const ch of String(seed)) {
    h ^= ch.codePointAt(0)!;
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0) / 2 ** 32;
}

/** A reproducible uniform source (d3-random's linear congruential generator) for a seed. */
export function seededRandom(seed: string | number): RandomSource {
  return randomLcg(seedFraction(seed));
}

/** Draws from Beta(alpha, beta) with the given source (d3-random: two Marsaglia–Tsang gamma draws). */
export function sampleBeta(random: RandomSource, alpha: number, beta: number): number {
  return randomBeta.source(random)(alpha, beta)();
}
