import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type BarrierCase, loadBarrierCases } from '../../barrier-eval.js';

/**
 * `npm run eval:build-barrier`: turns the labelled barrier corpus (evals/cases/barrier-cases.jsonl)
 * into the case file the barrier-diagnosis suite includes (evals/suites/barrier/cases.jsonl).
 * `-- --check` only compares and exits 1 when the committed file is stale (for CI).
 *
 * Each corpus case becomes one compose request for its own pseudonymous subject (the case id), so no
 * case's message counts against another's frequency cap. The subject is the shared fixture of a patient
 * who agreed to every channel (../fixtures/patient.yaml), so the file reads the same in the barrier
 * suite and in default.yaml, whatever their defaults. Every case asserts the expected barrier,
 * that no personal value leaks and that claims travel with their ISI; a case whose barrier is `none`
 * also asserts that nothing is sent (`skipped`: engagement restraint).
 */
export const CASES_FILE = fileURLToPath(new URL('./cases.jsonl', import.meta.url));

export function toSuiteCase(c: BarrierCase) {
  const assert: Array<Record<string, unknown>> = [{ type: 'barrier', value: c.barrier }];
  if (c.barrier === 'none') assert.push({ type: 'status', value: 'skipped' });
  assert.push({ type: 'no_pii' }, { type: 'fair_balance' });
  return {
    id: c.id,
    tags: [...new Set([`barrier:${c.barrier}`, ...c.tags])],
    fixture: '../fixtures/patient.yaml',
    request: { subject: { id: c.id }, signals: c.signals },
    assert,
  };
}

export function buildBarrierCases(cases: BarrierCase[] = loadBarrierCases()): string {
  const ids = new Set<string>();
  for (const c of cases) {
    if (ids.has(c.id)) throw new Error(`duplicate case id ${c.id} in the barrier corpus`);
    ids.add(c.id);
  }
  return `${cases.map((c) => JSON.stringify(toSuiteCase(c))).join('\n')}\n`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const text = buildBarrierCases();
  const count = text.trim().split('\n').length;
  if (process.argv.includes('--check')) {
    let current = '';
    try {
      current = readFileSync(CASES_FILE, 'utf8');
    } catch {}
    if (current !== text) {
      console.error(`${CASES_FILE} is stale: run npm run eval:build-barrier`);
      process.exitCode = 1;
    } else console.log(`${CASES_FILE} is up to date (${count} cases)`);
  } else {
    writeFileSync(CASES_FILE, text);
    console.log(`wrote ${count} cases to ${CASES_FILE}`);
  }
}
