import type { Barrier } from '../../src/domain/block.js';
import type { Candidate } from './candidate.js';
import { describe, evidence, pct } from './choice-rationale.js';
import type { ConservativeConfig, Departure } from './conservative-config.js';

const estimate = (c: Candidate) =>
  `estimated chance ${pct(c.mean)}, 95% credible interval ${pct(c.interval[0])}–${pct(c.interval[1])}`;

/**
 * One plain sentence for the trace and the console: what the table would do, what the draw proposed,
 * the chance that the proposal does better, and whether the learner kept the table's choice, departed on
 * evidence, or tried the proposal within the person's exploration budget.
 */
export function conservativeRationale(
  barrier: Barrier,
  choice: { coldStart: boolean; departure: Departure; pBeatsTable: number | null },
  table: Candidate,
  drawn: Candidate,
  config: ConservativeConfig,
): string {
  const tableWhat = describe(table.action);
  if (choice.coldStart) {
    return `Chose ${tableWhat} as the design table does for ${barrier}: no outcomes have been recorded for any allowed option yet.`;
  }
  const drawnWhat = describe(drawn.action);
  const needed = pct(config.confidence);
  const better =
    choice.pBeatsTable === null
      ? ''
      : `the chance that it does better than the table's choice is ${pct(choice.pBeatsTable)}`;
  switch (choice.departure) {
    case 'kept':
      return choice.pBeatsTable === null
        ? `Kept the design table's choice, ${tableWhat}: ${evidence(table)}; ${estimate(table)}; the draw favoured it too.`
        : `Kept the design table's choice, ${tableWhat} (${estimate(table)}): the draw favoured ${drawnWhat} (${evidence(drawn)}), but ${better}, below the ${needed} needed to depart on evidence, and trying it would spend more than this person's allowance for trying alternatives (at most ${pct(config.alpha)} fewer expected target behaviours than the table's choices).`;
    case 'exploited':
      return `Chose ${drawnWhat} over the design table's choice, ${tableWhat}: ${evidence(drawn)}; ${better}, at least the ${needed} needed to depart on evidence (${estimate(drawn)}, against ${pct(table.mean)}).`;
    case 'explored':
      return `Tried ${drawnWhat} instead of the design table's choice, ${tableWhat}, to learn what works for this person: ${evidence(drawn)}; ${better}, below the ${needed} needed to depart on evidence, but this person's allowance for trying alternatives (at most ${pct(config.alpha)} fewer expected target behaviours than the table's choices) covers it (${estimate(drawn)}, against ${pct(table.mean)}).`;
  }
}
