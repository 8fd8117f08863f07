import jStat from 'jstat';

type Beta = { alpha: number; beta: number };

/** Steps of the grid over [0, 1]; a posterior's sd is ≥ 0.03 here, so a step of 1/400 resolves it. */
const STEPS = 400;

/**
 * P(X > Y) for independent X ~ Beta(x), Y ~ Beta(y): the sum over a grid of X's probability in each
 * step times Y's distribution function at its midpoint. Written with distribution functions only, so a
 * density unbounded at 0 or 1 (a shape parameter below 1, as a design prior can give) does no harm.
 */
export function probabilityGreater(x: Beta, y: Beta): number {
  let p = 0;
  let below = 0;
  for (let i = 1; i <= STEPS; i++) {
    const at = jStat.beta.cdf(i / STEPS, x.alpha, x.beta);
    p += (at - below) * jStat.beta.cdf((i - 0.5) / STEPS, y.alpha, y.beta);
    below = at;
  }
  return Math.min(1, Math.max(0, p));
}
