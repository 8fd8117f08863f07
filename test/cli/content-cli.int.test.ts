import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Block } from '../../src/domain/block.js';
import { CSV_HEADER, csvRow, type Format, writeBlockFile } from '../support/block-files.js';
import { block, uniqueProgram } from '../support/blocks.js';
import { runNof1 } from '../support/cli.js';
import { KEY_SPEC } from '../support/service.js';
import { withContentRepo } from '../support/store-check.js';
import { tempDir } from '../support/temp-dir.js';

const envFor = (dataDir: string) => ({ NOF1_DATA_DIR: dataDir, NOF1_API_KEYS: KEY_SPEC });
const idsIn = (dataDir: string, program: string) =>
  withContentRepo(dataDir, async (repo) => (await repo.list({ program, limit: 50 })).map((b) => b.id).sort());

describe('nof1 --help', () => {
  it.each([[[]], [['content']], [['content', 'import']], [['content', 'search']], [['serve']]])(
    'nof1 %j --help exits 0 with usage',
    async (args) => {
      const { code, stdout } = await runNof1([...args, '--help']);
      expect(code).toBe(0);
      expect(stdout).toMatch(new RegExp(`^Usage: nof1${args.length ? ` ${args.join(' ')}` : ''}`));
    },
  );

  it('exits 2 with usage on an unknown command', async () => {
    const { code, stderr } = await runNof1(['contnet']);
    expect(code).toBe(2);
    expect(stderr).toMatch(/unknown command/);
  });
});

describe('nof1 content import', { timeout: 120_000 }, () => {
  it.each(['json', 'jsonl', 'csv', 'yaml'] as Format[])('imports a %s file', async (format) => {
    const dataDir = await tempDir();
    const program = uniqueProgram(`cli-${format}`);
    const blocks = [block({ program, requiresIsi: true }), block({ program, channels: ['web'], text: 'Hi, "you".' })];
    const file = await writeBlockFile(dataDir, format, blocks);

    const run = await runNof1(['content', 'import', file], envFor(dataDir));
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout).toBe('imported 2, updated 0, unchanged 0, rejected 0\n');
    await withContentRepo(dataDir, async (repo) => {
      const stored = await repo.byIds(blocks.map((b) => b.id));
      const byId = (a: { id: string }, b: { id: string }) => a.id.localeCompare(b.id);
      const asStored = (b: Block) => ({ ...b, version: 1, usable: true });
      expect(stored.sort(byId)).toEqual(blocks.map((b) => asStored(Block.parse(b))).sort(byId));
    });
  });

  it('imports the good CSV rows, names the bad row by line and exits 3', async () => {
    const dataDir = await tempDir();
    const program = uniqueProgram('cli-bad-row');
    const [good1, bad, good2] = [block({ program }), block({ program }), block({ program })];
    const badRow = csvRow(bad).replace(bad.approval.approvedAt, '2026-02-30');
    const file = join(dataDir, 'blocks.csv');
    await writeFile(file, [CSV_HEADER, csvRow(good1), '', badRow, csvRow(good2)].join('\n'));

    const run = await runNof1(['content', 'import', file], envFor(dataDir));
    expect(run.code).toBe(3);
    expect(run.stdout).toBe('imported 2, updated 0, unchanged 0, rejected 1\n');
    expect(run.stderr).toMatch(new RegExp(`line 4, id ${bad.id}: approval\\.approvedAt: `));
    expect(run.stderr).not.toMatch(/line [235]\b/);
    expect(await idsIn(dataDir, program)).toEqual([good1.id, good2.id].sort());
  });

  it('exits 2 (usage) with a clear message for a missing file', async () => {
    const dataDir = await tempDir();
    const missing = join(dataDir, 'nope.csv');
    const run = await runNof1(['content', 'import', missing], envFor(dataDir));
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(`nof1: ${missing}: no such file\n`);
    expect(run.stdout).toBe('');
  });

  it('exits 2 (usage) naming the file when it is not readable as blocks', async () => {
    const dataDir = await tempDir();
    const file = join(dataDir, 'broken.json');
    await writeFile(file, '{"blocks": [');
    const run = await runNof1(['content', 'import', file], envFor(dataDir));
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(new RegExp(`^nof1: ${file}: `));
  });
});

// Each case runs the real binary, opening the embedded store, several times; slow machines need room.
describe('nof1 content search', { timeout: 180_000 }, () => {
  it('finds an imported block and honours --program and --channel', async () => {
    const dataDir = await tempDir();
    const program = uniqueProgram('cli-search');
    const text = 'Copay card cost.';
    const sms = block({ program, channels: ['sms'], text: 'Ask us whether a copay card could help you.' });
    const emailOnly = block({ program, channels: ['email'], text });
    const otherProgram = block({ program: uniqueProgram('cli-other'), channels: ['sms'], text });
    const file = await writeBlockFile(dataDir, 'jsonl', [sms, emailOnly, otherProgram]);
    const imported = await runNof1(['content', 'import', file], envFor(dataDir));
    expect(imported.code, imported.stderr).toBe(0);

    const search = (...args: string[]) => runNof1(['content', 'search', 'copay card cost', ...args], envFor(dataDir));
    const ids = async (...args: string[]) => {
      const run = await search('--json', ...args);
      expect(run.code, run.stderr).toBe(0);
      return (JSON.parse(run.stdout) as Array<{ id: string }>).map((b) => b.id);
    };
    expect(await ids('--program', program, '--channel', 'sms')).toEqual([sms.id]);
    const anyProgram = await ids('--channel', 'sms');
    expect(anyProgram.indexOf(otherProgram.id)).toBeGreaterThanOrEqual(0);
    expect(anyProgram.indexOf(otherProgram.id)).toBeLessThan(anyProgram.indexOf(sms.id));
    expect(anyProgram).not.toContain(emailOnly.id);

    const anyChannel = await search('--program', program);
    expect(anyChannel.code, anyChannel.stderr).toBe(0);
    expect(anyChannel.stdout.indexOf(emailOnly.id)).toBeGreaterThanOrEqual(0);
    expect(anyChannel.stdout.indexOf(emailOnly.id)).toBeLessThan(anyChannel.stdout.indexOf(sms.id));
    expect(anyChannel.stdout).toContain(text);
    expect(anyChannel.stdout).not.toContain(otherProgram.id);
  });

  it('exits 2 for a channel that does not exist', async () => {
    const run = await runNof1(['content', 'search', 'copay', '--channel', 'fax'], envFor(await tempDir()));
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/--channel must be one of sms, email, push, web/);
  });
});
