import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { SimResult } from '../../evals/simulator/sim-result.js';
import { runNof1 } from '../support/cli.js';
import { tempDir } from '../support/temp-dir.js';

const ARGS = [
  'simulate',
  '--program',
  'cli-sim',
  '--subjects',
  '40',
  '--days',
  '21',
  '--seed',
  '9',
  '--bootstrap',
  '100',
];

describe('nof1 simulate', { timeout: 120_000 }, () => {
  it('prints the contract JSON, byte-identical for the same seed, and writes the HTML report', async () => {
    const dir = await tempDir();
    const html = join(dir, 'report.html');
    const [first, second] = await Promise.all([
      runNof1([...ARGS, '--policies', 'none,table,random,learning,oracle', '--json', '--output', html]),
      runNof1([...ARGS, '--policies', 'none,table,random,learning,oracle', '--json']),
    ]);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toBe(second.stdout);
    const result = JSON.parse(first.stdout) as SimResult;
    expect(Object.keys(result.policies)).toEqual(['none', 'table', 'random', 'learning', 'oracle']);
    for (const summary of Object.values(result.policies)) {
      expect(summary).toMatchObject({
        pdc: expect.any(Number),
        pdcAtLeast80: expect.any(Number),
        messagesPerSubject: expect.any(Number),
        optOuts: expect.any(Number),
        regret: expect.any(Number),
      });
    }
    expect(result.metadata).toMatchObject({ program: 'cli-sim', seed: 9, subjects: 40, days: 21 });
    expect(await readFile(html, 'utf8')).toContain('id="chart-pdc"');
  });

  it('runs only the policies asked for', async () => {
    const run = await runNof1([...ARGS, '--policies', 'table,learning', '--json']);
    expect(run.code, run.stderr).toBe(0);
    const result = JSON.parse(run.stdout) as SimResult;
    expect(Object.keys(result.policies)).toEqual(['table', 'learning']);
    expect(result.comparisons.learningMinusTable).toBeDefined();
    expect(result.comparisons.shareOfOracleUplift).toBeUndefined();
  });

  it('exits 2 naming the problem for an unknown policy or a bad number', async () => {
    const bad = await runNof1([...ARGS, '--policies', 'table,bandit']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('bandit');
    const zero = await runNof1(['simulate', '--subjects', '0']);
    expect(zero.code).toBe(2);
    expect(zero.stderr).toContain('--subjects');
    const spread = await runNof1(['simulate', '--program-spread', '-1']);
    expect(spread.code).toBe(2);
    expect(spread.stderr).toContain('--program-spread');
  });

  it('records the programme spread it ran with, and a spread changes the result', async () => {
    const policies = ['--policies', 'table,oracle', '--json'];
    const [flat, spread] = await Promise.all([
      runNof1([...ARGS, ...policies]),
      runNof1([...ARGS, ...policies, '--program-spread', '0.8']),
    ]);
    expect(spread.code, spread.stderr).toBe(0);
    const [a, b] = [JSON.parse(flat.stdout) as SimResult, JSON.parse(spread.stdout) as SimResult];
    expect(a.metadata.programmeSpread).toBe(0);
    expect(b.metadata.programmeSpread).toBe(0.8);
    expect(b.policies.oracle!.pdc).not.toBe(a.policies.oracle!.pdc);
    const html = join(await tempDir(), 'spread.html');
    expect((await runNof1([...ARGS, ...policies, '--program-spread', '0.8', '--output', html])).code).toBe(0);
    expect(await readFile(html, 'utf8')).toContain('departs from the design table&#39;s ranking (spread 0.8)');
  });
});
