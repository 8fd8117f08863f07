import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../../agents/learning/seeded-random.js';
import { pairedBootstrap } from '../../../evals/simulator/bootstrap.js';
import { renderSimulationHtml } from '../../../evals/simulator/sim-report-html.js';
import { simulate } from '../../../evals/simulator/simulate.js';

const options = {
  program: 'sim-test',
  seed: 5,
  subjects: 50,
  days: 30,
  policies: ['none', 'table', 'random', 'learning', 'oracle'] as const,
  bootstrap: 200,
};
const result = simulate({ ...options, policies: [...options.policies] });

describe('simulation result', () => {
  it('has the contract shape per policy, with a 95% interval around each figure', () => {
    for (const p of options.policies) {
      const s = result.policies[p]!;
      for (const k of ['pdc', 'pdcAtLeast80', 'messagesPerSubject', 'optOuts', 'regret'] as const) {
        expect(typeof s[k]).toBe('number');
        expect(s.ci[k][0]).toBeLessThanOrEqual(s[k] + 1e-4);
        expect(s.ci[k][1]).toBeGreaterThanOrEqual(s[k] - 1e-4);
      }
    }
    expect(result.metadata).toMatchObject({ program: 'sim-test', seed: 5, subjects: 50, days: 30, frequencyCap: 3 });
  });

  it('compares learning with the table and each policy with the oracle on the same subjects', () => {
    const diff = result.comparisons.learningMinusTable!.pdc;
    expect(diff.value).toBeCloseTo(result.policies.learning!.pdc - result.policies.table!.pdc, 3);
    const share = result.comparisons.shareOfOracleUplift!.table!;
    const { none, table, oracle } = result.policies;
    expect(share.value).toBeCloseTo((table!.pdc - none!.pdc) / (oracle!.pdc - none!.pdc), 2);
  });

  it('carries daily series that end at the final figures', () => {
    for (const p of options.policies) {
      const d = result.daily[p]!;
      expect(d.pdc).toHaveLength(30);
      expect(d.pdc.at(-1)).toBeCloseTo(result.policies[p]!.pdc, 3);
      expect(d.messagesPerSubject.at(-1)).toBeCloseTo(result.policies[p]!.messagesPerSubject, 3);
      expect(d.optOuts.at(-1)).toBe(result.policies[p]!.optOuts);
      expect(d.optOuts).toEqual([...d.optOuts].sort((a, b) => a - b));
    }
  });

  it('is byte-identical for the same seed', () => {
    const again = simulate({ ...options, policies: [...options.policies] });
    expect(JSON.stringify(again)).toBe(JSON.stringify(result));
  });

  it('renders a self-contained HTML report with the charts and no script', () => {
    const page = renderSimulationHtml(result);
    for (const id of ['chart-pdc', 'chart-regret', 'chart-messages', 'chart-optouts', 'policy-metrics']) {
      expect(page).toContain(`id="${id}"`);
    }
    for (const p of options.policies) expect(page).toContain(`data-policy="${p}"`);
    expect(page).not.toMatch(/<script|https?:\/\/(?!www\.w3)/);
  });
});

describe('paired bootstrap', () => {
  it('puts the sample mean inside its interval and narrows it with more subjects', () => {
    const mean = (xs: number[]) => (idx: Int32Array) => ({
      mean: Array.from(idx, (i) => xs[i]!).reduce((a, b) => a + b, 0) / idx.length,
    });
    const random = seededRandom('values');
    const small = Array.from({ length: 40 }, () => random());
    const large = Array.from({ length: 4000 }, () => random());
    const a = pairedBootstrap(small.length, 500, seededRandom(1), mean(small)).mean!;
    const b = pairedBootstrap(large.length, 500, seededRandom(1), mean(large)).mean!;
    expect(a.ci[0]).toBeLessThan(a.value);
    expect(a.ci[1]).toBeGreaterThan(a.value);
    expect(b.ci[1] - b.ci[0]).toBeLessThan((a.ci[1] - a.ci[0]) / 3);
  });
});
