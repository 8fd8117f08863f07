import { describe, expect, it } from 'vitest';
import { localeCounts } from '../../evals/report/locale-counts.js';
import { collapseAttempts } from '../../evals/runner/collapse-attempts.js';
import type { Attempt } from '../../evals/runner/run-types.js';
import type { LoadedCase } from '../../evals/suite-schema.js';

const loaded = (id: string, request: unknown): LoadedCase => ({
  id,
  tags: [],
  request,
  assert: [],
  source: { file: 'suite.yaml' },
});
const attempt = (caseId: string): Attempt => ({
  caseId,
  repeat: 0,
  status: 'approved',
  barrier: 'cost',
  blockIds: [],
  assertions: [],
  pass: true,
  latencyMs: 1,
});

describe('the locale in eval results and reports', () => {
  it('keeps the locale each case asked for, canonical, en-US by default', () => {
    const es = collapseAttempts(loaded('a', { subject: { id: 'a', locale: 'es-us' } }), [attempt('a')]);
    const alias = collapseAttempts(loaded('b', { subject: { id: 'b' }, locale: 'es-US' }), [attempt('b')]);
    const en = collapseAttempts(loaded('c', { subject: { id: 'c' } }), [attempt('c')]);
    expect([es.locale, alias.locale, en.locale]).toEqual(['es-US', 'es-US', 'en-US']);
    expect(localeCounts([es, alias, en])).toBe('es-US 2 · en-US 1');
  });

  it('counts results stored before the locale was kept as en-US', () => {
    const { locale: _, ...old } = collapseAttempts(loaded('d', { subject: { id: 'd' } }), [attempt('d')]);
    expect(localeCounts([old])).toBe('en-US 1');
    expect(localeCounts([])).toBe('');
  });
});
