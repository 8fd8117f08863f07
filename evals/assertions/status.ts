import { Status } from '../../src/domain/compose.js';
import { defineAssertion, list, oneOrMany, verdict } from './define-assertion.js';

/** The answer's status equals `value` or is one of `one_of`. */
export const status = defineAssertion(oneOrMany(Status, 'value', 'one_of'), (outcome, expected) => {
  const actual = outcome.answer.status;
  return verdict(expected.includes(actual), `status ${actual}, expected ${list(expected)}`);
});
