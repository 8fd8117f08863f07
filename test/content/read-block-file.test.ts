import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BlockFileError, readBlockFile } from '../../src/content/read-block-file.js';
import { validateBlocks } from '../../src/content/validate-blocks.js';
import { tempDir } from '../support/temp-dir.js';

const HEADER = 'id,program,audience,channels,kind,requiresIsi,barriers,bcts,text,approvalCode,approvedAt,expiresAt';
const row = (id: string, extra: { channels?: string; isi?: string; text?: string } = {}) =>
  [
    id,
    'csv-program',
    'patient',
    extra.channels ?? 'sms|email',
    'claim',
    extra.isi ?? 'no',
    'cost;access',
    '3.1',
    extra.text ?? `Text of ${id}.`,
    `AC-${id}`,
    '2020-01-01',
    '2099-12-31',
  ].join(',');

async function file(name: string, text: string) {
  const path = join(await tempDir(), name);
  await writeFile(path, text);
  return path;
}

describe('reading CSV', () => {
  it('splits list columns and reads yes/no flags into a valid block', async () => {
    const raws = await readBlockFile(await file('b.csv', [HEADER, row('C1', { isi: 'yes' })].join('\n')));
    const { valid, rejected } = validateBlocks(raws);
    expect(rejected).toEqual([]);
    expect(valid[0]).toMatchObject({
      id: 'C1',
      channels: ['sms', 'email'],
      requiresIsi: true,
      tags: { barriers: ['cost', 'access'], bcts: ['3.1'] },
      locale: 'en-US',
      approval: { code: 'AC-C1', approvedAt: '2020-01-01', expiresAt: '2099-12-31' },
    });
    expect(valid[0]?.brand).toBeUndefined();
  });

  it('reads requiresIsi no as false and rejects an unknown flag word', async () => {
    const raws = await readBlockFile(
      await file('b.csv', [HEADER, row('C1', { isi: 'No' }), row('C2', { isi: 'perhaps' })].join('\n')),
    );
    const { valid, rejected } = validateBlocks(raws);
    expect(valid.map((b) => [b.id, b.requiresIsi])).toEqual([['C1', false]]);
    expect(rejected).toMatchObject([{ id: 'C2', errors: [{ path: 'requiresIsi' }] }]);
  });

  it('numbers rows by the file line they start on, past blank lines and quoted line breaks', async () => {
    const text = [
      HEADER, // 1
      row('C1'), // 2
      '', // 3
      row('C2', { text: '"Two\r\nlines"' }), // 4-5
      row('C3', { channels: 'fax' }), // 6
    ].join('\r\n');
    const raws = await readBlockFile(await file('b.csv', `\uFEFF${text}\r\n`));
    expect(raws.map((r) => r.line)).toEqual([2, 4, 6]);
    const { rejected } = validateBlocks(raws);
    expect(rejected).toMatchObject([{ id: 'C3', line: 6, errors: [{ path: 'channels.0' }] }]);
  });
});

describe('reading other formats', () => {
  it('numbers JSONL lines and marks a line that is not JSON', async () => {
    const raws = await readBlockFile(await file('b.jsonl', '{"id":"J1"}\n\n{not json\n{"id":"J3"}\n'));
    expect(raws).toEqual([
      { value: { id: 'J1' }, line: 1 },
      { value: undefined, line: 3, error: 'this line is not valid JSON' },
      { value: { id: 'J3' }, line: 4 },
    ]);
  });

  it('accepts JSON and YAML as a list or under "blocks"', async () => {
    expect(await readBlockFile(await file('a.json', '[{"id":"A"}]'))).toEqual([{ value: { id: 'A' } }]);
    expect(await readBlockFile(await file('b.json', '{"blocks":[{"id":"B"}]}'))).toEqual([{ value: { id: 'B' } }]);
    expect(await readBlockFile(await file('c.yaml', 'blocks:\n  - id: C\n'))).toEqual([{ value: { id: 'C' } }]);
  });

  it('names the file when it cannot be read as a whole', async () => {
    const bad = await file('broken.json', '{"blocks": ');
    await expect(readBlockFile(bad)).rejects.toThrow(BlockFileError);
    await expect(readBlockFile(bad)).rejects.toThrow(bad);
    await expect(readBlockFile(await file('x.json', '{"items": []}'))).rejects.toThrow(/array of blocks/);
    await expect(readBlockFile(await file('b.txt', 'x'))).rejects.toThrow(/unsupported file type/);
  });
});
