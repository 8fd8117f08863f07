import { spawn } from 'node:child_process';
import { access, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KEYS, startTestService, type TestService } from './support/service.js';

let readme: string;
beforeAll(async () => {
  readme = await readFile('README.md', 'utf8');
});

/** The walk-through's shell block, as the README shows it. */
function walkthrough(): string {
  const block = readme.split('<!-- walkthrough:start -->')[1]?.split('<!-- walkthrough:end -->')[0];
  if (!block) throw new Error('README.md has no walkthrough markers');
  return block.replace(/^\s*```sh\n/, '').replace(/```\s*$/, '');
}

/** Runs a script with bash in the repository, as a reader would paste it; stops at the first failure. */
function bash(script: string, env: Record<string, string>) {
  const clean = Object.fromEntries(
    Object.entries(process.env).filter(([k]) => !k.startsWith('NOF1_') && k !== 'DATABASE_URL' && k !== 'KEY'),
  );
  const child = spawn('bash', ['-eo', 'pipefail', '-c', script], { env: { ...clean, LOG_LEVEL: 'silent', ...env } });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) =>
    child.once('close', (code) => resolve({ code, stdout, stderr })),
  );
}

describe('the README walk-through', () => {
  let svc: TestService;
  let scratch: string;
  let dataDir: string;
  beforeAll(async () => {
    scratch = await mkdtemp(join(tmpdir(), 'nof1-readme-'));
    dataDir = join(scratch, 'store');
    svc = await startTestService({ NOF1_DATA_DIR: dataDir });
  });
  afterAll(async () => {
    await svc?.close();
    await rm(scratch, { recursive: true, force: true });
  });

  it('runs end to end as written: search, an approved run, a held run, a decision, the CLI', async () => {
    const script = walkthrough();
    // Only the two values a reader fills in change: their key, and where their service listens.
    expect(script).toMatch(/^export KEY=nof1_\.\.\. /m);
    expect(script).toContain('NOF1=http://127.0.0.1:8787');
    const filled = script
      .replace(/^export KEY=nof1_\.\.\. /m, `export KEY=${KEYS.admin} `)
      .replace('NOF1=http://127.0.0.1:8787', `NOF1=${svc.url}`);
    const run = await bash(filled, { NOF1_DATA_DIR: dataDir });
    expect(run.code, `${run.stdout}\n${run.stderr}`).toBe(0);
    const lines = run.stdout.split('\n');
    // The lines the comments promise, in order.
    const expected = [
      /^\{"programs":\["halden-trial","lumenzo-adherence","lumenzo-hcp"\]\}$/,
      /^\{"blocks":\[\{"id":"LZ-COST-/,
      /^approved$/,
      /^load_context → triage_safety → diagnose_barrier → .* → finalize$/,
      /^true$/,
      /^needs_review$/,
      /^low_confidence: /,
      /^rev_/,
      /^approved$/,
      /^approved$/,
      /^\d\.\d{4} {2}LZ-COST-/,
      /^needs_review$/,
    ];
    let at = 0;
    for (const re of expected) {
      const found = lines.findIndex((l, i) => i >= at && re.test(l));
      expect(found, `${re} after line ${at} in:\n${run.stdout}`).toBeGreaterThanOrEqual(0);
      at = found + 1;
    }
    // The decision was recorded by the service the reader's commands reached.
    const { reviews } = (await (await svc.call('GET', '/v1/reviews?status=decided', { key: 'reviewer' })).json()) as {
      reviews: Array<{ decision: string; note: string }>;
    };
    expect(reviews.map((r) => [r.decision, r.note])).toContainEqual([
      'approve',
      'a question is right when the reason is unknown',
    ]);
  }, 120_000);
});

describe('README links', () => {
  it('point at files in this repository', async () => {
    const links = [...readme.matchAll(/\]\(([^)#\s]+)(?:#[^)]*)?\)/g)].map((m) => m[1]!);
    const local = links.filter((l) => !/^[a-z]+:/.test(l));
    expect(local.length).toBeGreaterThan(0);
    for (const link of local) {
      expect(link.startsWith('../'), link).toBe(false);
      await access(link);
    }
    expect(readme).not.toContain('../shared/');
  });
});
