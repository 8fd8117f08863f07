import { access, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ComposeAnswer } from '../../src/domain/compose.js';
import { runNof1 } from '../support/cli.js';
import { KEYS, startTestService, type TestService } from '../support/service.js';
import { tempDir } from '../support/temp-dir.js';

let svc: TestService;
let dataDir: string;
let scratch: string;
const VERSION = (JSON.parse(await readFile('package.json', 'utf8')) as { version: string }).version;

beforeAll(async () => {
  const { mkdtemp } = await import('node:fs/promises');
  const { tmpdir } = await import('node:os');
  scratch = await mkdtemp(join(tmpdir(), 'nof1-cli-against-'));
  dataDir = join(scratch, 'store');
  svc = await startTestService({ NOF1_DATA_DIR: dataDir });
});
afterAll(async () => {
  await svc?.close();
  const { rm } = await import('node:fs/promises');
  await rm(scratch, { recursive: true, force: true });
});

const env = (extra: Record<string, string> = {}) => ({ NOF1_DATA_DIR: dataDir, ...extra });

describe('the command line while the service holds the store', () => {
  it('the service leaves its URL in the data folder', async () => {
    const file = JSON.parse(await readFile(join(dataDir, 'service.json'), 'utf8')) as { url: string; pid: number };
    expect(file).toMatchObject({ url: svc.url, pid: process.pid });
  });

  it('content search reaches the service, ranked, with the copay block first', async () => {
    const args = [
      'content',
      'search',
      'copay help',
      '--program',
      'lumenzo-adherence',
      '--audience',
      'patient',
      '--json',
    ];
    const res = await runNof1(args, env({ NOF1_KEY: KEYS.strategist }));
    expect(res.code, res.stderr).toBe(0);
    const blocks = JSON.parse(res.stdout) as Array<{ id: string; audience: string; tags: { barriers: string[] } }>;
    expect(blocks[0]?.tags.barriers).toContain('cost');
    expect(blocks.every((b) => b.audience === 'patient')).toBe(true);
  });

  it('says which service holds the store when no key is given, as a usage error', async () => {
    const res = await runNof1(['content', 'search', 'copay'], env());
    expect(res.code).toBe(2);
    expect(res.stderr).toContain(`is in use by the service at ${svc.url}`);
    expect(res.stderr).toMatch(/--key KEY or NOF1_KEY/);
  });

  it('compose --file reaches the service: the example held run waits for a reviewer there', async () => {
    const res = await runNof1(['compose', '--file', 'examples/compose-held.json'], env({ NOF1_KEY: KEYS.admin }));
    expect(res.code, res.stderr).toBe(0);
    const answer = JSON.parse(res.stdout) as ComposeAnswer;
    expect(answer.status).toBe('needs_review');
    const review = await svc.call('GET', `/v1/reviews/${answer.review!.id}`, { key: 'reviewer' });
    expect(review.status).toBe(200);
  });

  it('an unknown programme is a usage error naming the known ones', async () => {
    const file = join(scratch, 'nope.json');
    const request = JSON.parse(await readFile('examples/compose-held.json', 'utf8')) as Record<string, unknown>;
    await writeFile(file, JSON.stringify({ ...request, program: 'nope' }));
    const res = await runNof1(['compose', '--file', file], env({ NOF1_KEY: KEYS.admin }));
    expect(res.code).toBe(2);
    expect(res.stderr).toMatch(/422: unknown program; known programmes: halden-trial, lumenzo-adherence, lumenzo-hcp/);
  });

  it('--against names any service, and needs a key', async () => {
    const other = join(scratch, 'unused');
    const ok = await runNof1(
      ['content', 'search', 'forgot my shot', '--program', 'lumenzo-adherence', '--against', svc.url, '--json'],
      { NOF1_DATA_DIR: other, NOF1_KEY: KEYS.admin },
    );
    expect(ok.code, ok.stderr).toBe(0);
    expect((JSON.parse(ok.stdout) as unknown[]).length).toBeGreaterThan(0);
    const keyless = await runNof1(['content', 'search', 'x', '--against', svc.url], { NOF1_DATA_DIR: other });
    expect(keyless.code).toBe(2);
  });
});

describe('usage', () => {
  it('nof1 --version prints the package version', async () => {
    const res = await runNof1(['--version']);
    expect(res).toMatchObject({ code: 0, stdout: `${VERSION}\n` });
  });

  it('a missing file and a file that is not valid are both usage errors (2)', async () => {
    const dir = await tempDir();
    const broken = join(dir, 'broken.json');
    await writeFile(broken, '{"subject": ');
    for (const args of [
      ['compose', '--file', join(dir, 'missing.json')],
      ['compose', '--file', broken],
      ['content', 'import', join(dir, 'missing.csv')],
      ['eval', 'run', join(dir, 'missing.yaml'), '--no-store'],
    ]) {
      const res = await runNof1(args, { NOF1_DATA_DIR: join(dir, 'store') });
      expect(res.code, `${args.join(' ')}: ${res.stderr}`).toBe(2);
    }
  });

  it.each([1, 2])(
    'the service with %i process(es) serving leaves its URL file, and removes it when it stops',
    async (workers) => {
      const dir = join(await tempDir(), 'store');
      const own = await startTestService({ NOF1_DATA_DIR: dir }, { workers });
      const file = JSON.parse(await readFile(join(dir, 'service.json'), 'utf8')) as { url: string; pid: number };
      expect(file).toMatchObject({ url: own.url, pid: process.pid });
      await own.close();
      await expect(access(join(dir, 'service.json'))).rejects.toThrow();
    },
  );
});
