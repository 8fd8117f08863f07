import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { stringify } from 'yaml';
import type { block } from './blocks.js';

type TestBlock = ReturnType<typeof block>;

export const CSV_HEADER =
  'id,program,brand,audience,channels,kind,requiresIsi,barriers,bcts,text,locale,approvalCode,approvedAt,expiresAt';

const quote = (s: string) => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

export const csvRow = (b: TestBlock) =>
  [
    b.id,
    b.program,
    b.brand,
    b.audience,
    b.channels.join('|'),
    b.kind,
    b.requiresIsi ? 'yes' : 'no',
    (b.tags.barriers ?? []).join('|'),
    (b.tags.bcts ?? []).join('|'),
    b.text,
    b.locale,
    b.approval.code,
    b.approval.approvedAt,
    b.approval.expiresAt,
  ]
    .map((v) => quote(String(v)))
    .join(',');

/** The same blocks written in each format the CLI imports. */
const FORMATS = {
  json: (blocks: TestBlock[]) => JSON.stringify({ blocks }, null, 2),
  jsonl: (blocks: TestBlock[]) => `${blocks.map((b) => JSON.stringify(b)).join('\n')}\n`,
  csv: (blocks: TestBlock[]) => `${[CSV_HEADER, ...blocks.map(csvRow)].join('\n')}\n`,
  yaml: (blocks: TestBlock[]) => stringify({ blocks }),
} as const;
export type Format = keyof typeof FORMATS;

export async function writeBlockFile(dir: string, format: Format, blocks: TestBlock[]) {
  const path = join(dir, `blocks.${format}`);
  await writeFile(path, FORMATS[format](blocks));
  return path;
}
