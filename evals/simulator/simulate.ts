import type { PosteriorConfig } from '../../agents/learning/arm-posterior.js';
import type { LearningLevers } from './learning-policy.js';
import { POPULATION } from './population.js';
import { DEFAULT_PACING, drawPopulation, type PolicyRun, simulatePolicy } from './run-simulation.js';
import { createPolicy, type PolicyName } from './sim-policies.js';
import { type SimResult, summarise } from './sim-result.js';

export type SimulateOptions = {
  program: string;
  seed: number;
  subjects: number;
  days: number;
  policies: PolicyName[];
  /** Resamples for the bootstrap intervals. */
  bootstrap?: number;
  /** Overrides the learning policy's posterior settings (for tuning runs; the default is the shipped one). */
  posterior?: PosteriorConfig;
  /** Optional parts of the learning policy (for tuning runs). */
  levers?: LearningLevers;
  /** How far the programme departs from the table's ranking (default POPULATION.programmeSpreadSdLog, 0). */
  programmeSpread?: number;
};

/**
 * Compares policies on the same simulated subjects and the same draws. `program` only labels the
 * result: the simulator offers every technique of the design table on each consented channel.
 */
export function simulate(options: SimulateOptions): SimResult {
  const settings = { seed: options.seed, subjects: options.subjects, days: options.days, ...DEFAULT_PACING };
  const programmeSpread = options.programmeSpread ?? POPULATION.programmeSpreadSdLog;
  const population = drawPopulation(options.seed, options.subjects, options.days, programmeSpread);
  const runs: Partial<Record<PolicyName, PolicyRun>> = {};
  for (const name of options.policies) {
    runs[name] = simulatePolicy(
      population,
      createPolicy(name, options.seed, options.posterior, options.levers),
      settings,
    );
  }
  return summarise(runs, {
    program: options.program,
    ...settings,
    programmeSpread,
    policies: options.policies,
    bootstrapResamples: options.bootstrap ?? 1000,
    confidence: 0.95,
  });
}
