import { createHash } from 'node:crypto';
import type { SuiteRunResult } from '../../evals/runner/run-types.js';

/**
 * What must not change when only memory settings do: each case's verdict, status, barrier, blocks and every
 * assertion's verdict and score, except latency budgets (they follow the machine's load, not the code).
 */
export function resultDigest(result: SuiteRunResult): { digest: string; passed: number; cases: number } {
  const seen = result.cases.map((c) => [
    c.id,
    c.pass,
    c.status,
    c.barrier,
    c.blockIds,
    c.assertions.filter((a) => a.type !== 'latency_ms_max').map((a) => [a.name, a.pass, a.score]),
  ]);
  return {
    digest: createHash('sha256').update(JSON.stringify(seen)).digest('hex').slice(0, 12),
    passed: result.cases.filter((c) => c.pass).length,
    cases: result.cases.length,
  };
}
