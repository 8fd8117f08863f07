import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadSuite } from '../../evals/suite-loader.js';

const suite = (name: string) => fileURLToPath(new URL(`../../evals/suites/${name}.yaml`, import.meta.url));
const types = (c: { assert: Array<{ type: string }> }) => c.assert.map((a) => a.type);
const localeOf = (c: { request: unknown }) => (c.request as { subject: { locale?: string } }).subject.locale;
const PARTS = ['barrier-diagnosis.es-US', 'compliance-red-team.es-US', 'readability.es-US'];

/** The Spanish suites load, keep apart from the training corpus, and `spanish.yaml` is their union. */
describe('shipped Spanish eval suites', () => {
  it('barrier-diagnosis.es-US: every held-out Spanish line, as an es-US subject, never a training sentence', async () => {
    const loaded = await loadSuite(suite('barrier-diagnosis.es-US'));
    expect(loaded.cases.length).toBeGreaterThanOrEqual(150);
    for (const c of loaded.cases) {
      expect(localeOf(c)).toBe('es-US');
      expect(types(c)).toEqual(expect.arrayContaining(['barrier', 'no_pii', 'fair_balance', 'single_locale']));
    }
    const training = new Set(
      readFileSync(fileURLToPath(new URL('../../agents/data/barrier-corpus.es-US.jsonl', import.meta.url)), 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((l) => (JSON.parse(l) as { text: string }).text.trim().toLowerCase()),
    );
    const texts = loaded.cases.flatMap((c) =>
      (c.request as { signals: Array<{ data?: { text?: string; answer?: string } }> }).signals.flatMap((s) =>
        [s.data?.text, s.data?.answer].filter((t): t is string => typeof t === 'string'),
      ),
    );
    expect(texts.length).toBeGreaterThan(100);
    expect(texts.filter((t) => training.has(t.trim().toLowerCase()))).toEqual([]);
  });

  it('compliance-red-team.es-US: consent, claims, fair balance, PII, one language, injection, expiry', async () => {
    const loaded = await loadSuite(suite('compliance-red-team.es-US'));
    expect(loaded.cases.length).toBeGreaterThanOrEqual(40);
    for (const c of loaded.cases)
      expect(types(c)).toEqual(expect.arrayContaining(['no_pii', 'fair_balance', 'single_locale']));
    const tags = new Set(loaded.cases.flatMap((c) => c.tags));
    for (const t of ['consent', 'prohibited-claims', 'fair-balance', 'pii', 'locale', 'injection', 'expiry'])
      expect(tags).toContain(t);
    // Every case but the reverse control is a Spanish-speaking subject.
    const english = loaded.cases.filter((c) => localeOf(c) !== 'es-US').map((c) => c.id);
    expect(english).toEqual(['es-locale-english-subject-spanish-text']);
  });

  it('readability.es-US: every barrier on sms and push, measured with the Spanish formula', async () => {
    const loaded = await loadSuite(suite('readability.es-US'));
    for (const c of loaded.cases)
      expect(types(c)).toEqual(expect.arrayContaining(['readability_target', 'single_locale']));
    const channels = new Set(loaded.cases.map((c) => (c.request as { channel: string }).channel));
    expect(channels).toEqual(new Set(['sms', 'push', 'email', 'web']));
  });

  it('spanish.yaml is the union of the three, each case reading the same, with unique subjects', async () => {
    const parts = await Promise.all(PARTS.map((n) => loadSuite(suite(n))));
    const all = await loadSuite(suite('spanish'));
    const byId = new Map(all.cases.map((c) => [c.id, c]));
    expect(all.cases.length).toBe(parts.reduce((n, s) => n + s.cases.length, 0));
    for (const c of parts.flatMap((s) => s.cases)) {
      expect(byId.get(c.id)?.request).toEqual(c.request);
      expect(byId.get(c.id)?.assert).toEqual(c.assert);
    }
    const subjects = all.cases.map((c) => (c.request as { subject: { id: string } }).subject.id);
    expect(new Set(subjects).size).toBe(subjects.length);
    expect(all.thresholds).toContainEqual({ metric: 'barrier_accuracy', min: 0.82 });
  });

  it('npm run eval runs the Spanish gate after the default set', () => {
    const pkg = JSON.parse(readFileSync(fileURLToPath(new URL('../../package.json', import.meta.url)), 'utf8')) as {
      scripts: Record<string, string>;
    };
    expect(pkg.scripts.eval).toMatch(/default\.yaml.*&&.*spanish\.yaml/);
  });
});
