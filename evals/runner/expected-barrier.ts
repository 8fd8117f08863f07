import { Barrier } from '../../src/domain/block.js';
import type { AssertionSpec } from '../suite-schema.js';

/**
 * The barrier a case expects, read from its `barrier` assertion (`value`, or `one_of`), for the confusion
 * matrix. With `one_of` a diagnosis inside the list counts as that label; outside it, as the first one.
 */
export function expectedBarrier(specs: AssertionSpec[], predicted: Barrier | null): Barrier | undefined {
  const spec = specs.find((s) => s.type === 'barrier');
  if (!spec) return undefined;
  const one = Barrier.safeParse(spec.value);
  if (one.success) return one.data;
  const many = Barrier.array().min(1).safeParse(spec.one_of);
  if (!many.success) return undefined;
  return predicted && many.data.includes(predicted) ? predicted : many.data[0];
}
