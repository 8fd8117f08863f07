import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import type { EvalRun } from '../../evals/eval-store.js';
import { runNof1 } from '../support/cli.js';
import { tempDir } from '../support/temp-dir.js';
import { ALTERNATING_PLUGIN, writeTinySuite } from './support/runner-suites.js';

const runId = (stdout: string) => /(?:stored run|run) (evr_[0-9a-f]+)/.exec(stdout)?.[1];

describe('nof1 eval run (the real CLI)', () => {
  it('exits 0 when every threshold holds, stores the run and writes JSON and JUnit reports', async () => {
    const dir = await tempDir();
    const suite = await writeTinySuite(dir);
    const [json, xml] = [join(dir, 'run.json'), join(dir, 'run.xml')];
    const env = { NOF1_DATA_DIR: join(dir, 'store') };
    const res = await runNof1(['eval', 'run', suite, '--output', json, '--output', xml], env);
    expect(res.code, res.stderr).toBe(0);
    expect(res.stdout).toMatch(/cases 3 \(3 attempts\): 3 passed, 0 failed/);
    expect(res.stdout).toMatch(/assertion\s+pass\s+fail\s+skipped\s+pass rate/);
    expect(res.stdout).toContain('thresholds held:');
    const run = JSON.parse(await readFile(json, 'utf8')) as EvalRun;
    expect(run).toMatchObject({
      id: runId(res.stdout),
      status: 'done',
      suite: { name: 'tiny', file: suite },
      gitCommit: null, // the suite's folder is not a repository
      config: { mode: 'in-process', repeat: 1, concurrency: 2, filter: [], model: 'offline' },
      progress: { done: 3, total: 3 },
    });
    expect(run.results!.map((c) => [c.id, c.status, c.pass])).toEqual([
      ['cost', 'approved', true],
      ['no-consent', 'blocked', true],
      ['on-track', 'skipped', true],
    ]);
    const junit = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(
      await readFile(xml, 'utf8'),
    );
    // 3 cases, 2 thresholds and the gate's verdict.
    expect(junit.testsuites).toMatchObject({ tests: '6', failures: '0', errors: '0' });
    expect(junit.testsuites.name).toMatch(/: gate held: all 3 cases passed$/);
    // Stored: accept finds it in the same data directory.
    const accepted = await runNof1(['eval', 'accept', run.id], env);
    expect(accepted.code, accepted.stderr).toBe(0);
    expect(accepted.stdout).toContain(`accepted ${run.id} as the baseline of tiny`);
  }, 90_000);

  it('exits 4 (not 1) when a threshold fails, naming it', async () => {
    const dir = await tempDir();
    const suite = await writeTinySuite(dir, { onTrack: 'approved', thresholds: [{ metric: 'pass_rate', min: 1 }] });
    const res = await runNof1(['eval', 'run', suite, '--no-store', '--filter', 'quiet', '--filter', 'consent'], {});
    expect(res.code, res.stderr).toBe(4);
    expect(res.stderr).toContain('nof1: thresholds failed: pass_rate');
    expect(res.stdout).toMatch(/cases 2 \(2 attempts\): 1 passed, 1 failed/);
    expect(res.stdout).toContain('on-track: status: status skipped, expected approved');
    expect(res.stdout).toContain('(not stored)');
  });

  it('exits 2 (usage) with file:line for a bad suite, for a mistyped --filter tag, and for bad usage', async () => {
    const dir = await tempDir();
    const suite = join(dir, 'bad.yaml');
    await writeFile(
      suite,
      ['name: bad', 'cases:', '  - id: one', '    assert:', '      - type: nonsense', ''].join('\n'),
    );
    const bad = await runNof1(['eval', 'run', suite, '--no-store'], {});
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/bad\.yaml:5: unknown assertion type "nonsense"/);
    const tiny = await writeTinySuite(dir);
    const typo = await runNof1(['eval', 'run', tiny, '--no-store', '--filter', 'consnet'], {});
    expect(typo.code).toBe(2);
    expect(typo.stderr).toBe(
      'nof1: --filter: no case of the suite has the tag consnet; known tags: consent, cost, quiet\n',
    );

    for (const args of [
      ['--repeat', '0'],
      ['--output', join(dir, 'r.txt')],
      ['--against', 'http://127.0.0.1:9'],
    ]) {
      const res = await runNof1(['eval', 'run', suite, ...args], {});
      expect(res.code, `${args.join(' ')}: ${res.stderr}`).toBe(2);
    }
    expect((await runNof1(['eval', 'compare', 'evr_only_one'], {})).code).toBe(2);
  });

  it('compare exits 5 and lists a case that passed and now fails; --baseline last-accepted follows accept', async () => {
    const dir = await tempDir();
    const env = { NOF1_DATA_DIR: join(dir, 'store') };
    const good = await runNof1(['eval', 'run', await writeTinySuite(dir)], env);
    expect(good.code, good.stderr).toBe(0);
    const base = runId(good.stdout)!;
    // The same suite (by name) with the on-track case now expecting a message it does not get.
    const worse = await runNof1(
      ['eval', 'run', await writeTinySuite(dir, { onTrack: 'approved' }, 'tiny-v2.yaml')],
      env,
    );
    expect(worse.code, worse.stderr).toBe(0); // its thresholds still hold: only compare catches the regression
    const head = runId(worse.stdout)!;

    const compared = await runNof1(['eval', 'compare', base, head], env);
    expect(compared.code).toBe(5);
    expect(compared.stdout).toMatch(
      /REGRESSIONS: passed, now fail \(1\):\n {2}on-track: skipped\/none → skipped\/none\n\s+status: status skipped, expected approved/,
    );
    expect(compared.stderr).toContain('1 case(s) regressed');

    const noBaseline = await runNof1(['eval', 'compare', head, '--baseline', 'last-accepted'], env);
    expect(noBaseline.code).toBe(1);
    expect(noBaseline.stderr).toContain('suite tiny has no accepted run yet');

    expect((await runNof1(['eval', 'accept', base], env)).code).toBe(0);
    const vsBaseline = await runNof1(['eval', 'compare', head, '--baseline', 'last-accepted', '--json'], env);
    expect(vsBaseline.code).toBe(5);
    expect(JSON.parse(vsBaseline.stdout)).toMatchObject({
      base: { id: base },
      head: { id: head },
      regressions: [{ id: 'on-track' }],
    });

    // Accepting the new run makes it the baseline: compared with itself nothing regressed.
    expect((await runNof1(['eval', 'accept', head], env)).code).toBe(0);
    const accepted = await runNof1(['eval', 'compare', head, '--baseline', 'last-accepted'], env);
    expect(accepted.code, accepted.stdout).toBe(0);
    expect(accepted.stdout).toContain('no regressions');
  }, 150_000);

  it('--repeat 2 reports as flaky only the case whose answers differ between repeats', async () => {
    const dir = await tempDir();
    // .mjs: a .ts file outside an ESM package would load as CommonJS.
    await writeFile(join(dir, 'alternate.mjs'), ALTERNATING_PLUGIN);
    const alternating = {
      id: 'alternating',
      request: { subject: { id: 's-alt' }, signals: [{ type: 'refill_on_time', at: '2026-11-20T10:00:00Z' }] },
      assert: [{ type: 'alternate' }],
    };
    const suite = await writeTinySuite(dir, { plugins: ['./alternate.mjs'], extra: [alternating] });
    const json = join(dir, 'run.json');
    const res = await runNof1(['eval', 'run', suite, '--repeat', '2', '--no-store', '--output', json], {});
    expect(res.code, res.stderr).toBe(0);
    expect(res.stdout).toContain('FLAKY (answers differ between repeats): alternating');
    const run = JSON.parse(await readFile(json, 'utf8')) as EvalRun;
    expect(run.summary!.flaky).toEqual(['alternating']);
    expect(run.summary!.attempts).toBe(8);
    const flaky = run.results!.find((c) => c.id === 'alternating')!;
    expect(flaky).toMatchObject({ pass: false, attempts: 2 });
    expect(flaky.flaky!.map((v) => [v.count, v.failed])).toEqual([
      [1, []],
      [1, ['alternate']],
    ]);
  }, 90_000);
});
