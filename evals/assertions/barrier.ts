import { Barrier } from '../../src/domain/block.js';
import { defineAssertion, list, oneOrMany, verdict } from './define-assertion.js';

/** The diagnosed barrier equals `value` or is one of `one_of`; a run with no diagnosis fails. */
export const barrier = defineAssertion(oneOrMany(Barrier, 'value', 'one_of'), (outcome, expected) => {
  const actual = outcome.answer.diagnosis?.barrier;
  if (!actual) return verdict(false, `no diagnosis (status ${outcome.answer.status}); expected ${list(expected)}`);
  return verdict(expected.includes(actual), `barrier ${actual}, expected ${list(expected)}`);
});
