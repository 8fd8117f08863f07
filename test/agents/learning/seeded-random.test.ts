import { describe, expect, it } from 'vitest';
import { sampleBeta, seededRandom } from '../../../agents/learning/seeded-random.js';

describe('seeded random source and Beta draws', () => {
  it('gives the same sequence for the same seed and different ones for different seeds', () => {
    const seq = (seed: string | number) => Array.from({ length: 5 }, seededRandom(seed));
    expect(seq('run-1')).toEqual(seq('run-1'));
    expect(seq('run-1')).not.toEqual(seq('run-2'));
    expect(seq(7)).not.toEqual(seq(8));
    for (const x of seq('any')) expect(x >= 0 && x < 1).toBe(true);
  });

  it.each([
    [2, 8],
    [30, 10],
    [0.5, 0.5],
  ])('draws Beta(%d, %d) with the right mean and variance', (a, b) => {
    const random = seededRandom(`beta-${a}-${b}`);
    const xs = Array.from({ length: 20_000 }, () => sampleBeta(random, a, b));
    const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
    const variance = xs.reduce((s, x) => s + (x - mean) ** 2, 0) / xs.length;
    const n = a + b;
    expect(mean).toBeCloseTo(a / n, 2);
    expect(variance).toBeCloseTo((a * b) / (n * n * (n + 1)), 2);
    expect(xs.every((x) => x >= 0 && x <= 1)).toBe(true);
  });
});
