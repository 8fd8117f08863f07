import { DEFAULT_POSTERIOR } from './arm-posterior.js';
import { probabilityGreater } from './beats-table.js';
import { CONSERVATIVE, type ConservativeConfig, type Departure } from './conservative-config.js';
import { conservativeRationale } from './conservative-rationale.js';
import { actionKey, type LearningAction } from './learning-action.js';
import { explorationBudget } from './table-budget.js';
import { tableAction } from './table-choice.js';
import { type ChoiceInput, chooseAction, type LearningChoice } from './thompson-choice.js';

export type ConservativeChoice = LearningChoice & {
  /** The design table's action among the allowed ones: the default. */
  table: LearningAction;
  /** The Thompson draw's winner, the alternative weighed against the table's choice. */
  drawn: LearningAction;
  /** P(the drawn action does better than the table's), null where they are the same or on a cold start. */
  pBeatsTable: number | null;
  departure: Departure;
  /** The person's exploration budget (table-budget.ts), where it was consulted; null otherwise. */
  budget: number | null;
};

/**
 * The baseline-anchored learner: the design table's action is the default. A Thompson draw names an
 * alternative; the learner takes it only when the posterior probability that it does better than the
 * table's choice reaches `confidence` (exploited), or while this person's exploration budget stays
 * non-negative after it, priced at the alternative's cautious estimate (explored). Otherwise the
 * table's choice is kept. Nothing outside `allowed` can be chosen.
 */
export function chooseConservatively(input: ChoiceInput & { conservative?: ConservativeConfig }): ConservativeChoice {
  const config = input.conservative ?? CONSERVATIVE;
  const draw = chooseAction(input);
  const table = tableAction(input.barrier, input.allowed);
  const tableArm = draw.candidates.find((c) => c.key === actionKey(table))!;
  const drawnArm = draw.candidates.find((c) => c.key === actionKey(draw.action))!;
  const base = { ...draw, table, drawn: draw.action, pBeatsTable: null, budget: null };
  const keep = (pBeatsTable: number | null, budget: number | null): ConservativeChoice => {
    const choice = { ...base, action: table, explored: false, pBeatsTable, departure: 'kept' as const, budget };
    return { ...choice, rationale: conservativeRationale(input.barrier, choice, tableArm, drawnArm, config) };
  };
  if (draw.coldStart || drawnArm === tableArm) return keep(null, null);
  const pBeatsTable = probabilityGreater(drawnArm, tableArm);
  let departure: Departure | undefined;
  let budget: number | null = null;
  if (pBeatsTable >= config.confidence) departure = 'exploited';
  else {
    budget = explorationBudget({
      state: input.state,
      subject: input.subject,
      today: table,
      alpha: config.alpha,
      config: input.config ?? DEFAULT_POSTERIOR,
    });
    if (budget + drawnArm.interval[0] - (1 - config.alpha) * tableArm.mean >= 0) departure = 'explored';
  }
  if (!departure) return keep(pBeatsTable, budget);
  const choice = { ...base, explored: departure === 'explored', pBeatsTable, departure, budget };
  return { ...choice, rationale: conservativeRationale(input.barrier, choice, tableArm, drawnArm, config) };
}
