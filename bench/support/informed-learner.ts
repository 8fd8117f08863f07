import type { LearningAction } from '../../agents/learning/learning-action.js';
import { seededRandom } from '../../agents/learning/seeded-random.js';
import { POPULATION, type SubjectParams } from '../../evals/simulator/population.js';
import type { Decision, SimPolicy } from '../../evals/simulator/sim-policies.js';
import { expectedSuccess } from '../../evals/simulator/subject-response.js';

const GRID_SIZE = 41;

/** Equal-weight quantiles of the population's technique multiplier (log-normal, mean 1). */
function multiplierGrid(): number[] {
  const sd = POPULATION.techniqueSdLog;
  const mu = -(sd ** 2) / 2;
  // The normal quantile by bisection on the CDF: 41 points once per run, so speed does not matter.
  const cdf = (z: number) => 0.5 * (1 + erf(z / Math.SQRT2));
  return Array.from({ length: GRID_SIZE }, (_, i) => {
    const q = (i + 0.5) / GRID_SIZE;
    let [lo, hi] = [-8, 8];
    for (let k = 0; k < 60; k++) {
      const mid = (lo + hi) / 2;
      if (cdf(mid) < q) lo = mid;
      else hi = mid;
    }
    return Math.exp(mu + sd * ((lo + hi) / 2));
  });
}

/** Abramowitz–Stegun 7.1.26 (error < 1.5e-7), enough for grid quantiles. */
function erf(x: number): number {
  const t = 1 / (1 + 0.3275911 * Math.abs(x));
  const y =
    1 -
    ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t * Math.exp(-x * x);
  return x >= 0 ? y : -y;
}

/**
 * An upper bound on learning the technique from outcomes: a Bayesian learner that knows every hidden
 * parameter of the subject except their technique multipliers (read chances, responsiveness, fatigue,
 * annoyance, best time, barrier mix) and the population's distribution of those multipliers, updates an
 * exact posterior over each multiplier on a grid from the subject's own outcomes, and acts on it
 * (`greedy`: the highest posterior expected success; `thompson`: one draw per technique). Measurement
 * only: it reads hidden parameters, as the oracle does.
 */
export function informedLearner(mode: 'greedy' | 'thompson', seed: number): SimPolicy {
  const grid = multiplierGrid();
  const posteriors = new Map<string, Map<string, Float64Array>>();
  const random = seededRandom(`${seed}:informed`);
  const weightsOf = (subject: string, technique: string) => {
    const own = posteriors.get(subject) ?? new Map<string, Float64Array>();
    posteriors.set(subject, own);
    const w = own.get(technique) ?? new Float64Array(GRID_SIZE).fill(1 / GRID_SIZE);
    own.set(technique, w);
    return w;
  };
  const successWith = (d: Decision, action: LearningAction, m: number) => {
    if (action.kind === 'skip') return expectedSuccess(d.subject, d.ctx, action);
    const subject: SubjectParams = { ...d.subject, technique: { ...d.subject.technique, [action.technique]: m } };
    return expectedSuccess(subject, d.ctx, action);
  };
  const drawIndex = (w: Float64Array) => {
    let u = random();
    for (let g = 0; g < GRID_SIZE; g++) {
      u -= w[g]!;
      if (u < 0) return g;
    }
    return GRID_SIZE - 1;
  };
  return {
    name: 'learning',
    choose: (d) => {
      const drawn = new Map<string, number>();
      let best = { action: d.allowed[0]!, p: Number.NEGATIVE_INFINITY };
      const ordered = [...d.allowed].sort((a, b) => (a.kind === 'skip' ? -1 : b.kind === 'skip' ? 1 : 0));
      for (const action of ordered) {
        let p: number;
        if (action.kind === 'skip') p = successWith(d, action, 1);
        else {
          const w = weightsOf(d.subject.id, action.technique);
          if (mode === 'thompson') {
            const g = drawn.get(action.technique) ?? drawIndex(w);
            drawn.set(action.technique, g);
            p = successWith(d, action, grid[g]!);
          } else {
            p = 0;
            for (let g = 0; g < GRID_SIZE; g++) p += w[g]! * successWith(d, action, grid[g]!);
          }
        }
        if (p > best.p) best = { action, p };
      }
      return best.action;
    },
    learn: (d, action, achieved) => {
      if (action.kind === 'skip') return;
      const w = weightsOf(d.subject.id, action.technique);
      let total = 0;
      for (let g = 0; g < GRID_SIZE; g++) {
        const p = successWith(d, action, grid[g]!);
        w[g]! *= achieved ? p : 1 - p;
        total += w[g]!;
      }
      for (let g = 0; g < GRID_SIZE; g++) w[g]! /= total;
    },
  };
}
