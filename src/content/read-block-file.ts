import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { parse as parseYaml } from 'yaml';

/** A block as read from a file, with its line where the format has lines, or why it could not be read. */
export type RawBlock = { value: unknown; line?: number; error?: string };

export class BlockFileError extends Error {}

const list = (s: string | undefined) =>
  (s ?? '')
    .split(/[|;,]/)
    .map((x) => x.trim())
    .filter(Boolean);

/** One CSV row to the Block shape; validation happens later, per block, like any other import. */
function csvRowToBlock(row: Record<string, string>): unknown {
  const blank = (k: string) => (row[k]?.trim() ? row[k].trim() : undefined);
  const flag = blank('requiresIsi')?.toLowerCase();
  return {
    id: blank('id'),
    program: blank('program'),
    brand: blank('brand'),
    audience: blank('audience'),
    channels: list(row.channels),
    kind: blank('kind'),
    requiresIsi:
      flag === undefined
        ? undefined
        : ['true', '1', 'yes', 'y'].includes(flag)
          ? true
          : ['false', '0', 'no', 'n'].includes(flag)
            ? false
            : flag,
    tags: { barriers: list(row.barriers), bcts: list(row.bcts), topics: list(row.topics) },
    text: blank('text'),
    locale: blank('locale'),
    approval: { code: blank('approvalCode'), approvedAt: blank('approvedAt'), expiresAt: blank('expiresAt') },
  };
}

function fromJson(text: string): RawBlock[] {
  const doc: unknown = JSON.parse(text);
  const blocks = Array.isArray(doc) ? doc : (doc as { blocks?: unknown }).blocks;
  if (!Array.isArray(blocks)) throw new BlockFileError('expected an array of blocks or {"blocks": [...]}');
  return blocks.map((value) => ({ value }));
}

function fromJsonl(text: string): RawBlock[] {
  const out: RawBlock[] = [];
  for (const [i, line] of text.split(/\r?\n/).entries()) {
    if (!line.trim()) continue;
    try {
      out.push({ value: JSON.parse(line), line: i + 1 });
    } catch {
      out.push({ value: undefined, line: i + 1, error: 'this line is not valid JSON' });
    }
  }
  return out;
}

/**
 * CSV rows, each with the line it starts on, found from the bytes csv-parse consumed: its own line
 * count ends at a row's last line and drifts after a quoted CRLF, as spreadsheet exports write them.
 */
function fromCsv(text: string): RawBlock[] {
  // With `info` each row is {record, info}; the typings only know plain rows.
  const rows = parseCsv(text, {
    skip_empty_lines: true,
    trim: true,
    info: true,
    relax_column_count: true,
    bom: true,
  }) as unknown as Array<{ record: string[]; info: { bytes: number } }>;
  const source = Buffer.from(text, 'utf8');
  let at = 0;
  let line = 1;
  const lineFrom = (offset: number) => {
    for (; at < source.length && (at < offset || BLANK.has(source[at]!)); at++) if (source[at] === NEWLINE) line++;
    return line;
  };
  const [header, ...records] = rows;
  const names = header?.record ?? [];
  return records.map((row, i) => ({
    value: csvRowToBlock(Object.fromEntries(names.map((name, j) => [name, row.record[j] ?? '']))),
    line: lineFrom(rows[i]!.info.bytes),
  }));
}
const NEWLINE = 0x0a;
const BLANK = new Set([0x20, 0x09, 0x0d, NEWLINE]);

function fromYaml(text: string): RawBlock[] {
  const doc: unknown = parseYaml(text);
  const blocks = Array.isArray(doc) ? doc : (doc as { blocks?: unknown } | null)?.blocks;
  if (!Array.isArray(blocks)) throw new BlockFileError('expected a list of blocks or a "blocks:" key');
  return blocks.map((value) => ({ value }));
}

const READERS: Record<string, (text: string) => RawBlock[]> = {
  '.json': fromJson,
  '.jsonl': fromJsonl,
  '.ndjson': fromJsonl,
  '.csv': fromCsv,
  '.yaml': fromYaml,
  '.yml': fromYaml,
};

/** Reads a block file by its extension; a malformed file as a whole is a BlockFileError. */
export async function readBlockFile(path: string): Promise<RawBlock[]> {
  const reader = READERS[extname(path).toLowerCase()];
  if (!reader) throw new BlockFileError(`${path}: unsupported file type (use .json, .jsonl, .csv or .yaml)`);
  const text = await readFile(path, 'utf8');
  try {
    return reader(text);
  } catch (err) {
    if (err instanceof BlockFileError) throw new BlockFileError(`${path}: ${err.message}`);
    throw new BlockFileError(`${path}: ${(err as Error).message}`);
  }
}
