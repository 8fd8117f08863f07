import { describe, expect, it } from 'vitest';
import { actionKey } from '../../agents/learning/learning-action.js';
import { tableAction } from '../../agents/learning/table-choice.js';
import { difference, hybridAction } from '../../bench/support/oracle-hybrids.js';
import { DEFAULT_PACING, drawPopulation, simulatePolicy } from '../../evals/simulator/run-simulation.js';
import { bestAction, type Decision, type SimPolicy } from '../../evals/simulator/sim-policies.js';

/** Decisions the table faces on a small population. */
function decisions(): Decision[] {
  const seen: Decision[] = [];
  const table: SimPolicy = {
    name: 'table',
    choose: (d) => {
      seen.push(d);
      return tableAction(d.diagnosed, d.allowed);
    },
  };
  simulatePolicy(drawPopulation(3, 60, 40), table, { seed: 3, subjects: 60, days: 40, ...DEFAULT_PACING });
  return seen;
}

describe("the table with the oracle's choices swapped in", () => {
  const all = decisions();
  const none = { skip: false, channel: false, technique: false };

  it('is the table with no swap and the oracle with every swap', () => {
    expect(all.length).toBeGreaterThan(300);
    for (const d of all) {
      expect(actionKey(hybridAction(d, none))).toBe(actionKey(tableAction(d.diagnosed, d.allowed)));
      const every = hybridAction(d, { skip: true, channel: true, technique: true });
      expect(actionKey(every)).toBe(actionKey(bestAction(d).action));
    }
  });

  it('changes only the kind of choice it swaps in', () => {
    let changed = 0;
    for (const d of all) {
      const table = tableAction(d.diagnosed, d.allowed);
      const channelOnly = hybridAction(d, { ...none, channel: true });
      const kind = difference(table, channelOnly);
      expect(['same', 'channel']).toContain(kind);
      if (kind === 'channel') changed += 1;
      expect(['same', 'skip']).toContain(difference(table, hybridAction(d, { ...none, skip: true })));
      expect(['same', 'technique']).toContain(difference(table, hybridAction(d, { ...none, technique: true })));
    }
    expect(changed).toBeGreaterThan(0);
  });
});
