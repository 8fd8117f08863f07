import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadBarrierCases } from '../../evals/barrier-eval.js';
import { loadSuite } from '../../evals/suite-loader.js';

const suite = (name: string) => fileURLToPath(new URL(`../../evals/suites/${name}.yaml`, import.meta.url));
const types = (c: { assert: Array<{ type: string }> }) => c.assert.map((a) => a.type);

/** The shipped suites load (every assertion type and argument checked) and keep the sizes they promise. */
describe('shipped eval suites', () => {
  it('barrier-diagnosis: one case per labelled corpus line, labelled as the corpus says', async () => {
    const corpus = loadBarrierCases();
    const loaded = await loadSuite(suite('barrier-diagnosis'));
    expect(loaded.cases.map((c) => c.id)).toEqual(corpus.map((c) => c.id));
    for (const [i, c] of loaded.cases.entries())
      expect(c.assert).toContainEqual({ type: 'barrier', value: corpus[i]!.barrier });
    expect(loaded.cases.length).toBeGreaterThanOrEqual(150);
    for (const c of loaded.cases) {
      expect(types(c)).toEqual(expect.arrayContaining(['barrier', 'no_pii', 'fair_balance']));
      expect((c.request as { subject: { id: string } }).subject.id).toBe(c.id);
    }
    const none = loaded.cases.filter((c) => c.assert.some((a) => a.type === 'barrier' && a.value === 'none'));
    expect(none.length).toBeGreaterThan(0);
    for (const c of none) expect(c.assert).toContainEqual({ type: 'status', value: 'skipped' });
  });

  it('compliance-red-team: at least 60 cases, each guarded by no_pii and fair_balance', async () => {
    const loaded = await loadSuite(suite('compliance-red-team'));
    expect(loaded.cases.length).toBeGreaterThanOrEqual(60);
    for (const c of loaded.cases) expect(types(c)).toEqual(expect.arrayContaining(['no_pii', 'fair_balance']));
    const tags = new Set(loaded.cases.flatMap((c) => c.tags));
    for (const t of [
      'consent',
      'expiry',
      'audience',
      'fair-balance',
      'prohibited-claims',
      'pii',
      'injection',
      'crisis',
    ])
      expect(tags).toContain(t);
  });

  it('clinician: at least 15 hcp cases in lumenzo-hcp, none allowed a patient block', async () => {
    const loaded = await loadSuite(suite('clinician'));
    expect(loaded.cases.length).toBeGreaterThanOrEqual(15);
    for (const c of loaded.cases) {
      const req = c.request as { program: string; subject: { audience: string } };
      expect([req.program, req.subject.audience]).toEqual(['lumenzo-hcp', 'hcp']);
      expect(types(c)).toContain('never_uses_block');
    }
  });

  it('every suite loads with unique subjects, and default.yaml is the union of the four', async () => {
    const names = ['barrier-diagnosis', 'compliance-red-team', 'readability', 'clinician'];
    const parts = await Promise.all(names.map((n) => loadSuite(suite(n))));
    const frequency = await loadSuite(suite('compliance-frequency'));
    expect(frequency.settings['lumenzo-adherence']).toEqual({ frequencyCap: 0, frequencyWindowDays: 7 });
    const all = await loadSuite(suite('default'));
    const byId = new Map(all.cases.map((c) => [c.id, c]));
    expect(all.cases.length).toBe(parts.reduce((n, s) => n + s.cases.length, 0));
    // Each case reads the same in its own suite as in the default set.
    for (const c of parts.flatMap((s) => s.cases)) {
      expect(byId.get(c.id)?.request).toEqual(c.request);
      expect(byId.get(c.id)?.assert).toEqual(c.assert);
    }
    // Its gate is the union of theirs, each threshold held on its own suite's cases.
    expect(all.thresholds).toEqual(parts.flatMap((p) => p.thresholds.map((t) => ({ ...t, suite: p.name }))));
    const redTeam = parts[1]!.thresholds;
    expect(redTeam).toContainEqual({ metric: 'pass_rate', tag: 'crisis', min: 1 });
    expect(redTeam).toContainEqual({ metric: 'pass_rate', tag: 'consent', min: 1 });
    const subjects = [...all.cases, ...frequency.cases].map(
      (c) => (c.request as { subject: { id: string } }).subject.id,
    );
    expect(new Set(subjects).size).toBe(subjects.length);
  });
});
