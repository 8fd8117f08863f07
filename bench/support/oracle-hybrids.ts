import { type LearningAction, SKIP } from '../../agents/learning/learning-action.js';
import { tableAction } from '../../agents/learning/table-choice.js';
import { bestAction, type Decision, type SimPolicy } from '../../evals/simulator/sim-policies.js';

/** Which of the oracle's kinds of decision a hybrid takes over from the table. */
export type Levers = { skip: boolean; channel: boolean; technique: boolean };

/**
 * The table's action with some of the oracle's choices swapped in: its skips, its channel, its
 * technique. Replaying these on the same subjects and draws attributes the oracle's PDC uplift over the
 * table to each kind of difference. Measurement only: it reads the hidden parameters like the oracle.
 */
export function hybridAction(d: Decision, levers: Levers): LearningAction {
  const table = tableAction(d.diagnosed, d.allowed);
  const oracle = bestAction(d).action;
  if (oracle.kind === 'skip') return levers.skip ? SKIP : table;
  if (table.kind === 'skip') return table;
  return {
    kind: 'send',
    technique: levers.technique ? oracle.technique : table.technique,
    channel: levers.channel ? oracle.channel : table.channel,
  };
}

export const hybridPolicy = (levers: Levers): SimPolicy => ({ name: 'table', choose: (d) => hybridAction(d, levers) });

/** How the oracle's action differs from the table's on one decision. */
export function difference(
  table: LearningAction,
  oracle: LearningAction,
): 'same' | 'skip' | 'channel' | 'technique' | 'both' {
  if (table.kind === 'skip' || oracle.kind === 'skip') return table.kind === oracle.kind ? 'same' : 'skip';
  const channel = table.channel !== oracle.channel;
  const technique = table.technique !== oracle.technique;
  if (channel && technique) return 'both';
  return channel ? 'channel' : technique ? 'technique' : 'same';
}
