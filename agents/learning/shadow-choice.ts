import { actionKey, type LearningAction } from './learning-action.js';
import { tableAction } from './table-choice.js';
import { type ChoiceInput, chooseAction, type LearningChoice } from './thompson-choice.js';

/** For `learning: shadow`: the table's action (which is used) beside what the policy would have chosen. */
export function shadowChoice(input: ChoiceInput): { table: LearningAction; policy: LearningChoice; agree: boolean } {
  const table = tableAction(input.barrier, input.allowed);
  const policy = chooseAction(input);
  return { table, policy, agree: actionKey(table) === actionKey(policy.action) };
}
